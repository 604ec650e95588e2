/**
 * R13 keyboard shortcuts, bound with tinykeys (no hand-written key parsing):
 *
 * | what                          | Windows / Linux   | Mac              |
 * | ----------------------------- | ----------------- | ---------------- |
 * | join a ringing meet           | Ctrl+Shift+Space  | ⌘+Shift+Space    |
 * | microphone on/off             | Ctrl+Shift+M      | ⌘+Shift+M        |
 * | end for everyone (managers)   | Ctrl+Shift+O      | ⌘+Shift+O        |
 * | leave (only me)               | Ctrl+O            | ⌘+O              |
 *
 * They are listened to only while a meet rings or runs, so Ctrl+O (open a file) and the
 * rest keep their usual meaning the rest of the time ({@link notForUs} says which presses
 * are never shortcuts). Each shortcut sends the same intent as the matching
 * button: the core does the work.
 */
import { tinykeys } from 'tinykeys';
import { isFree } from '../../core/status.js';
import type { MeetClient } from '../../core/types.js';
import type { Role } from '../../signaling/protocol.js';
import { intentEvent, type MeetIntent } from '../intents.js';

/** `auto`: on for managers, off for customers (they opt in with `on`); `off` turns them off. */
export type ShortcutsSetting = 'auto' | 'on' | 'off';

/** The bindings, in tinykeys' syntax (`$mod` is ⌘ on Mac, Ctrl elsewhere). */
export const SHORTCUTS = {
  accept: '$mod+Shift+Space',
  toggleMic: '$mod+Shift+m',
  endForAll: '$mod+Shift+o',
  leave: '$mod+o',
} as const;

/** Whether shortcuts are on for `role` with `setting` (R13: managers by default, customers by choice). */
export function shortcutsEnabled(setting: ShortcutsSetting | string | null | undefined, role: Role): boolean {
  if (setting === 'on') return true;
  if (setting === 'off') return false;
  return role === 'manager';
}

/**
 * Whether this is a Mac (⌘ instead of Ctrl), exactly as tinykeys decides `$mod`: from
 * `navigator.platform`, so the hint always names the key that works. (Chromium's
 * `userAgentData.platform` says `macOS`, which tinykeys does not read.)
 */
export function isMac(): boolean {
  return /Mac|iPod|iPhone|iPad/.test(typeof navigator === 'object' ? navigator.platform : '');
}

/** How a binding reads for people (`Ctrl+Shift+Space`, `⌘+Shift+Space`) and for `aria-keyshortcuts`. */
export function describeShortcut(binding: string, mac = isMac()): { label: string; aria: string } {
  const parts = binding.split('+').map((k) => (k.length === 1 ? k.toUpperCase() : k));
  const label = parts.map((k) => (k === '$mod' ? (mac ? '⌘' : 'Ctrl') : k)).join('+');
  const aria = parts.map((k) => (k === '$mod' ? (mac ? 'Meta' : 'Control') : k)).join('+');
  return { label, aria };
}

/**
 * Key presses that are not shortcuts: auto-repeat (holding Ctrl+Shift+M must not toggle the
 * microphone over and over) and keys that belong to an input method composing text.
 *
 * Shortcuts do work while the caret is in a text field: the chords type nothing, and during a
 * support meet the user's focus is usually in the chat box, where muting must still work (as
 * in Google Meet or Slack huddles). They are only listened to while a meet rings or runs.
 */
export function notForUs(e: KeyboardEvent): boolean {
  return e.repeat || e.isComposing || e.key === 'Process';
}

const IN_MEET = new Set(['connecting', 'live', 'reconnecting']);

export interface MeetShortcutsOptions {
  client: MeetClient;
  role: Role;
  /** Where intents are dispatched from (they bubble to whoever called `bindIntents`). */
  source: EventTarget;
  /** Where keys are listened to; default `window`. */
  target?: Window | HTMLElement;
}

/** Per client, the bindings in the order they were made: only the first listens. */
const claims = new WeakMap<MeetClient, { o: MeetShortcutsOptions; stop: (() => void) | null }[]>();

/**
 * Listens for the R13 shortcuts while `client` rings or is in a meet. Returns the unbind.
 *
 * One listener per client: the ring and the call window both bind (an integrator may mount
 * either alone), and a press must not fire twice. The first binding listens; the others wait,
 * and the next one takes over when it is unbound.
 * @example const off = bindMeetShortcuts({ client, role: 'manager', source: document.body })
 */
export function bindMeetShortcuts(o: MeetShortcutsOptions): () => void {
  let queue = claims.get(o.client);
  if (!queue) claims.set(o.client, (queue = []));
  const claim = { o, stop: queue.length ? null : listen(o) };
  queue.push(claim);
  return () => {
    const at = queue.indexOf(claim);
    if (at < 0) return;
    queue.splice(at, 1);
    claim.stop?.();
    const next = queue[0];
    if (at === 0 && next) next.stop = listen(next.o);
  };
}

function listen(o: MeetShortcutsOptions): () => void {
  let unbindKeys: (() => void) | null = null;
  const send = (e: KeyboardEvent, intent: MeetIntent) => {
    // The browser's own meaning (Ctrl+O: open a file) must not happen as well.
    e.preventDefault();
    o.source.dispatchEvent(intentEvent(intent));
  };
  const status = () => o.client.$meet.get().status;
  // Each handler first drops the presses that are never shortcuts (tinykeys 3 has no `ignore`
  // option; 4 has, but requires Node 22 to install, above this package's engines).
  const keys = {
    [SHORTCUTS.accept]: (e: KeyboardEvent) => {
      if (!notForUs(e) && status() === 'ringing-in') send(e, { type: 'accept' });
    },
    [SHORTCUTS.toggleMic]: (e: KeyboardEvent) => {
      if (!notForUs(e) && IN_MEET.has(status())) send(e, { type: 'set-mic', on: !o.client.$local.get().mic });
    },
    [SHORTCUTS.endForAll]: (e: KeyboardEvent) => {
      if (!notForUs(e) && o.role === 'manager' && status() !== 'ringing-in') send(e, { type: 'end-for-all' });
    },
    [SHORTCUTS.leave]: (e: KeyboardEvent) => {
      if (!notForUs(e) && status() !== 'ringing-in') send(e, { type: 'leave' });
    },
  };
  const stop = o.client.$meet.subscribe((m) => {
    const active = !isFree(m.status); // ringing either way, or in a meet
    if (active && !unbindKeys) unbindKeys = tinykeys(o.target ?? window, keys);
    if (!active && unbindKeys) {
      unbindKeys();
      unbindKeys = null;
    }
  });
  return () => {
    stop();
    unbindKeys?.();
    unbindKeys = null;
  };
}
