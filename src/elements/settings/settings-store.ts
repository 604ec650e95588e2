/**
 * R14: the user's meet settings, persisted per user in `localStorage` under
 * `chat-meet:settings:<userId>`. One nanostore per user id, shared by every element on the
 * page (the settings panel writes it, the call window reads the speaker from it, the host
 * reads `joinMuted` and the devices when it creates the meet client).
 */
import { map, type MapStore } from 'nanostores';

/** What the settings panel remembers for a user. `null` device ids mean "the default". */
export interface MeetSettings {
  cameraId: string | null;
  micId: string | null;
  /** Audio output for remote voices (setSinkId); `null`: the system default. */
  speakerId: string | null;
  /** R14: join meets with the microphone muted. */
  joinMuted: boolean;
  /** R14: background blur on the camera (where it can run, R15). */
  blur: boolean;
  /** R14: microphone noise suppression (where the browser has it, R15). */
  noiseSuppression: boolean;
}

/** What a user gets before choosing anything. */
export const DEFAULT_SETTINGS: Readonly<MeetSettings> = Object.freeze({
  cameraId: null,
  micId: null,
  speakerId: null,
  joinMuted: false,
  blur: false,
  noiseSuppression: true,
});

/** The `localStorage` key of a user's settings. */
export const settingsKey = (userId: string) => `chat-meet:settings:${userId}`;

const stores = new Map<string, MapStore<MeetSettings>>();

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // blocked storage (sandboxed iframe, privacy modes): settings live for the page only
  }
}

/** Keeps only known keys of the right type, so a stale or edited entry cannot break the UI. */
function sanitize(raw: unknown): MeetSettings {
  const out: MeetSettings = { ...DEFAULT_SETTINGS };
  if (!raw || typeof raw !== 'object') return out;
  const r = raw as Record<string, unknown>;
  for (const key of ['cameraId', 'micId', 'speakerId'] as const) {
    if (typeof r[key] === 'string' || r[key] === null) out[key] = r[key] as string | null;
  }
  for (const key of ['joinMuted', 'blur', 'noiseSuppression'] as const) {
    if (typeof r[key] === 'boolean') out[key] = r[key] as boolean;
  }
  return out;
}

/** Reads a user's saved settings (defaults where nothing, or nothing readable, is saved). */
export function readMeetSettings(userId: string): MeetSettings {
  try {
    const text = storage()?.getItem(settingsKey(userId));
    return sanitize(text ? JSON.parse(text) : null);
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

/** What {@link savedMeetOptions} returns: the saved choices, as `createMeetClient` options. */
export interface SavedMeetOptions {
  joinMuted: boolean;
  noiseSuppression: boolean;
  devices: { micId: string | null; cameraId: string | null };
}

/**
 * R14: the options `createMeetClient` takes from what `userId` chose in the settings panel
 * (this visit or an earlier one): join muted, noise suppression and the camera and
 * microphone. The boot applies them to the client it creates; an app that creates its own
 * client spreads them in. Blur is not a client option (the `set-blur` intent loads it), nor
 * is the speaker (the call window reads it itself).
 *
 * @example
 * ```ts
 * const client = createMeetClient({ adapter, self: { id: user.id, name: user.name, role: 'customer' }, ...savedMeetOptions(user.id) });
 * ```
 */
export function savedMeetOptions(userId: string): SavedMeetOptions {
  const saved = readMeetSettings(userId);
  return { joinMuted: saved.joinMuted, noiseSuppression: saved.noiseSuppression, devices: { micId: saved.micId, cameraId: saved.cameraId } };
}

/**
 * The live settings store of `userId`; every change is written back to `localStorage`.
 *
 * @example
 * ```ts
 * const $settings = meetSettings('cust-1');
 * createMeetClient({ ..., joinMuted: $settings.get().joinMuted, devices: $settings.get() });
 * ```
 */
export function meetSettings(userId: string): MapStore<MeetSettings> {
  let store = stores.get(userId);
  if (store) return store;
  store = map<MeetSettings>(readMeetSettings(userId));
  store.listen((value) => {
    try {
      storage()?.setItem(settingsKey(userId), JSON.stringify(value));
    } catch {
      // Quota or blocked storage: the choice still holds for this page.
    }
  });
  stores.set(userId, store);
  return store;
}
