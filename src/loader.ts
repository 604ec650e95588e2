/**
 * The runtime half of the CDN loader: the inline snippet (src/cdn/snippet.js) and
 * the script tag leave a queueing stub at `window.ChatMeet`; the real module replaces
 * it with the live API and replays what was queued, in order.
 */

/** What `window.ChatMeet` is: a stub that queues calls, later the live command function. */
export interface ChatMeetGlobal {
  (...args: unknown[]): unknown;
  /** Calls made before the real script loaded (the stub's queue). */
  q?: ArrayLike<unknown>[];
  /** Set once the real script is in; a second inclusion sees it and stops. */
  loaded?: boolean;
  /** Set by the stub once it has started loading the real script. */
  s?: number;
  /** The package version that answers the calls. */
  version?: string;
}

type WindowWithChatMeet = { ChatMeet?: ChatMeetGlobal };

/** Puts a queueing stub on `win.ChatMeet` unless one (or the real API) is already there. */
export function ensureQueueStub(win: WindowWithChatMeet): ChatMeetGlobal {
  if (win.ChatMeet) return win.ChatMeet;
  const stub: ChatMeetGlobal = function (...args: unknown[]) {
    stub.q!.push(args);
  };
  stub.q = [];
  win.ChatMeet = stub;
  return stub;
}

/**
 * Replaces the stub with `dispatch` and replays the queued calls in order.
 * Idempotent: if the real API is already installed, nothing happens and the
 * installed one is returned.
 */
export function installGlobal(
  win: WindowWithChatMeet,
  dispatch: (command: unknown, ...args: unknown[]) => unknown,
  version: string,
): ChatMeetGlobal {
  const existing = win.ChatMeet;
  if (existing?.loaded) return existing;
  const queued = existing?.q ? Array.from(existing.q) : [];
  const api: ChatMeetGlobal = (command?: unknown, ...args: unknown[]) => dispatch(command, ...args);
  api.loaded = true;
  api.version = version;
  win.ChatMeet = api;
  for (const call of queued) {
    const [command, ...args] = Array.from(call);
    dispatch(command, ...args);
  }
  return api;
}
