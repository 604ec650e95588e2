/**
 * Hooks over the meet client's nanostores (`$meet`, `$participants`, `$local`,
 * `$audioOnlyNotice`) through `@nanostores/preact`: a component re-renders when the store
 * changes and unsubscribes when it unmounts. Each hook takes a client, or uses the one of
 * the nearest {@link MeetProvider}; while that client is `null` it reports an idle meet.
 */
import { useStore } from '@nanostores/preact';
import { atom, type ReadableAtom } from 'nanostores';
import { useMemo } from 'preact/hooks';
import { ChatMeetError, ErrorCodes } from '../core/errors.js';
import { IDLE_MEET, type LocalState, type MeetClient, type MeetState, type Participant } from '../core/types.js';
import { useClientOf, useMeetContext } from './context.js';

// What the hooks report while there is no client yet: a meet that is idle, nobody in it.
const NO_MEET = atom<MeetState>(IDLE_MEET);
const NO_PARTICIPANTS = atom<readonly Participant[]>([]);
const NO_LOCAL = atom<LocalState>({ mic: false, camera: false, screen: false, audioOnly: false, devices: { micId: null, cameraId: null }, noiseSuppression: null, videoProcessor: false, stream: null });
const NO_NOTICE = atom<{ id: string; name: string }[]>([]);

/**
 * The meet client in use: the provider's (or `null` while it has none).
 *
 * @example
 * ```tsx
 * const client = useMeetClient();
 * useEffect(() => client?.$meet.listen((m) => analytics.track(m.status)), [client]);
 * ```
 */
export function useMeetClient(): MeetClient | null {
  return useMeetContext().client;
}

/**
 * The meet as this client sees it (`$meet`): status, kind, caller, end reason, error, follow-up link.
 *
 * @param client a client of its own; default: the provider's
 * @example
 * ```tsx
 * function MeetStatus() {
 *   const meet = useMeet();
 *   return <output>{meet.status === 'ringing-in' ? `${meet.caller?.name} is calling` : meet.status}</output>;
 * }
 * ```
 */
export function useMeet(client?: MeetClient | null): MeetState {
  const c = useClientOf(client, 'useMeet()');
  return useStore((c?.$meet ?? NO_MEET) as ReadableAtom<MeetState>);
}

/**
 * The other participants (`$participants`): name, role, mic, camera, screen, connection, speaking, quality, stream.
 *
 * @param client a client of its own; default: the provider's
 * @example
 * ```tsx
 * const people = useParticipants();
 * return <ul>{people.map((p) => <li key={p.id}>{p.name}{p.mic ? '' : ' (muted)'}</li>)}</ul>;
 * ```
 */
export function useParticipants(client?: MeetClient | null): readonly Participant[] {
  const c = useClientOf(client, 'useParticipants()');
  return useStore(c?.$participants ?? NO_PARTICIPANTS);
}

/**
 * This user's media (`$local`): mic, camera, screen, chosen devices, noise suppression, blur, preview stream.
 *
 * @param client a client of its own; default: the provider's
 * @example
 * ```tsx
 * const local = useLocalMedia();
 * const { setMic } = useMeetActions();
 * return <button aria-pressed={!local.mic} onClick={() => setMic(!local.mic)}>Mute</button>;
 * ```
 */
export function useLocalMedia(client?: MeetClient | null): LocalState {
  const c = useClientOf(client, 'useLocalMedia()');
  return useStore((c?.$local ?? NO_LOCAL) as ReadableAtom<LocalState>);
}

/**
 * R1: the audio-only (phone) participants who cannot see the video this manager sends; empty otherwise.
 *
 * @param client a client of its own; default: the provider's
 * @example
 * ```tsx
 * const phoneOnly = useAudioOnlyNotice();
 * return phoneOnly.length ? <p role="status">{phoneOnly.map((p) => p.name).join(', ')} cannot see video</p> : null;
 * ```
 */
export function useAudioOnlyNotice(client?: MeetClient | null): readonly { id: string; name: string }[] {
  const c = useClientOf(client, 'useAudioOnlyNotice()');
  return useStore(c?.$audioOnlyNotice ?? NO_NOTICE);
}

/**
 * The client's actions, bound (safe to pass as event handlers).
 *
 * @example
 * ```tsx
 * function Leave({ actions }: { actions: MeetActions }) {
 *   return <button onClick={actions.leave}>Leave</button>;
 * }
 * ```
 */
export type MeetActions = Pick<MeetClient, (typeof ACTIONS)[number]>;
const ACTIONS = ['call', 'accept', 'decline', 'cancel', 'leave', 'endForAll', 'join', 'setMic', 'setCamera', 'startScreenShare', 'stopScreenShare', 'setDevices', 'setNoiseSuppression', 'setVideoProcessor'] as const;
const ASYNC = new Set<string>(['call', 'accept', 'join', 'setCamera', 'startScreenShare', 'stopScreenShare', 'setDevices', 'setNoiseSuppression', 'setVideoProcessor']);

/**
 * The client's actions, bound to it; the same object until the client changes. While there
 * is no client, each one fails with `CM_NOT_CONNECTED` (the async ones reject, the others throw).
 *
 * @param client a client of its own; default: the provider's
 * @example
 * ```tsx
 * const meet = useMeet();
 * const { accept, decline } = useMeetActions();
 * if (meet.status !== 'ringing-in') return null;
 * return <><button onClick={() => accept()}>Answer</button><button onClick={decline}>Decline</button></>;
 * ```
 */
export function useMeetActions(client?: MeetClient | null): MeetActions {
  const c = useClientOf(client, 'useMeetActions()');
  return useMemo(() => {
    const noClient = () => new ChatMeetError(ErrorCodes.NOT_CONNECTED, 'There is no meet client yet: give <MeetProvider> (or the hook) a client from createMeetClient().');
    const entries = ACTIONS.map((name) => {
      // The client's own methods use `this` (leave() calls decline()), so they are bound.
      if (c) return [name, (c[name] as (...a: unknown[]) => unknown).bind(c)];
      return [name, ASYNC.has(name) ? () => Promise.reject(noClient()) : () => { throw noClient(); }];
    });
    return Object.freeze(Object.fromEntries(entries)) as MeetActions;
  }, [c]);
}
