/**
 * The command API behind `window.ChatMeet(command, ...args)`, shared by the script
 * tag and the CDN loader. A bad call never throws into the host page: it logs a
 * console error with a stable code and leaves the state as it was.
 */
import { atom, type ReadableAtom } from 'nanostores';
import { asCoded } from '../core/as-coded.js';
import { ChatMeetError, ErrorCodes, reportToConsole } from '../core/errors.js';
import { parseBootOptions, parseConversation, type BootConfig } from './options.js';
import { startBoot, type BootSession } from './start.js';

/**
 * Events a host page can listen to with `ChatMeet('on', name, handler)`:
 * `booted` (the config), `connected` (signaling is up), `conversationChanged`,
 * `meetStateChanged` (see MeetStateEvent in src/boot/session.ts), `error` (`{ code, message }`), `shutdown`.
 */
export const BootEvents = ['booted', 'connected', 'shutdown', 'conversationChanged', 'meetStateChanged', 'error'] as const;
/** One of {@link BootEvents}. */
export type BootEvent = (typeof BootEvents)[number];
type Handler = (payload: unknown) => void;

/** `window.ChatMeet`: call it with a command name and its arguments; it also exposes the booted state. */
export interface CommandDispatcher {
  (command: unknown, ...args: unknown[]): unknown;
  /** The booted configuration, or `null` before `boot` and after `shutdown`. */
  readonly $config: ReadableAtom<BootConfig | null>;
  /** Emits an event to the host's handlers (used by the core when meet state changes). */
  emit(event: BootEvent, payload?: unknown): void;
  /** The running session (adapter, client, elements), or `null` before `boot` and after `shutdown`. */
  readonly session: BootSession | null;
}

/**
 * Creates the `ChatMeet(command, ...args)` function (`installGlobal` puts one on `window`):
 * `boot`, `updateConversation`, `startMeet`, `joinMeet`, `on`, `off`, `shutdown` (docs/api.md).
 * It never throws: a bad call is a console line with its code and an `error` event.
 */
export function createCommandDispatcher(): CommandDispatcher {
  const $config = atom<BootConfig | null>(null);
  const handlers = new Map<string, Set<Handler>>();
  let session: BootSession | null = null;

  function fail(code: string, message: string): undefined {
    report(new ChatMeetError(code, message));
    return undefined;
  }
  function report(error: ChatMeetError) {
    reportToConsole(error);
    emit('error', { code: error.code, message: error.message });
  }
  const notBooted = (command: string) => fail(ErrorCodes.NOT_BOOTED, `Call ChatMeet('boot', {...}) before ChatMeet('${command}', ...).`);
  function stop() {
    const running = session;
    session = null;
    running?.destroy();
  }

  function emit(event: BootEvent, payload?: unknown): void {
    for (const handler of handlers.get(event) ?? []) {
      try {
        handler(payload);
      } catch (error) {
        // A host handler's bug must not break chat-meet or the other handlers.
        reportToConsole(new ChatMeetError(ErrorCodes.HANDLER_FAILED, `Your '${event}' handler threw: ${String(error)}. Fix the handler; chat-meet carried on.`));
      }
    }
  }

  const commands: Record<string, (...args: unknown[]) => unknown> = {
    boot(options) {
      const parsed = parseBootOptions(options);
      if (!parsed.success) {
        return fail(ErrorCodes.INVALID_OPTIONS, `ChatMeet('boot', options) needs valid options — ${parsed.issues.join('; ')}. See docs/api.md#boot.`);
      }
      const config = parsed.output;
      // A second boot (another user signed in) replaces the first.
      if ($config.get()) commands.shutdown!();
      $config.set(config);
      try {
        session = startBoot(config, { emit, fail: report });
      } catch (error) {
        $config.set(null);
        return fail(ErrorCodes.INVALID_OPTIONS, `ChatMeet('boot') could not start: ${(error as Error)?.message ?? error}`);
      }
      emit('booted', config);
      return true;
    },
    updateConversation(conversation) {
      const current = $config.get();
      if (!current) return notBooted('updateConversation');
      const parsed = parseConversation({ ...current.conversation, ...(conversation as object) });
      if (!parsed.success) {
        return fail(ErrorCodes.INVALID_OPTIONS, `ChatMeet('updateConversation', conversation) needs a valid conversation — ${parsed.issues.join('; ')}.`);
      }
      $config.set({ ...current, conversation: parsed.output });
      session?.updateConversation(parsed.output);
      emit('conversationChanged', parsed.output);
      return true;
    },
    startMeet(options) {
      const kind = (options as { kind?: unknown } | undefined)?.kind;
      if (kind !== 'voice' && kind !== 'video') return fail(ErrorCodes.INVALID_OPTIONS, "ChatMeet('startMeet', { kind }) needs kind: 'voice' or 'video'.");
      if (!session) return notBooted('startMeet');
      // The outcome arrives as meetStateChanged (or an `error` event with its code).
      session.startMeet(kind).catch((e: unknown) => report(asCoded(e)));
      return true;
    },
    joinMeet(link) {
      if (typeof link !== 'string' || !link) return fail(ErrorCodes.INVALID_OPTIONS, "ChatMeet('joinMeet', link) needs the meet link (a URL with ?chat-meet=<id>).");
      if (!session) return notBooted('joinMeet');
      session.joinMeet(link).catch((e: unknown) => report(asCoded(e)));
      return true;
    },
    on(event, handler) {
      if (!BootEvents.includes(event as BootEvent) || typeof handler !== 'function') {
        return fail(ErrorCodes.INVALID_OPTIONS, `ChatMeet('on', event, handler) needs one of ${BootEvents.join(', ')} and a function.`);
      }
      let set = handlers.get(event as string);
      if (!set) handlers.set(event as string, (set = new Set()));
      set.add(handler as Handler);
      return true;
    },
    off(event, handler) {
      handlers.get(event as string)?.delete(handler as Handler);
      return true;
    },
    shutdown() {
      if (!$config.get()) return false;
      stop();
      $config.set(null);
      emit('shutdown');
      return true;
    },
  };

  const dispatch = ((command: unknown, ...args: unknown[]) => {
    const run = typeof command === 'string' && Object.hasOwn(commands, command) ? commands[command] : undefined;
    if (!run) {
      return fail(ErrorCodes.UNKNOWN_COMMAND, `ChatMeet(${JSON.stringify(command)}) is not a command. Use one of: ${Object.keys(commands).join(', ')}.`);
    }
    return run(...args);
  }) as CommandDispatcher;
  Object.assign(dispatch, { $config, emit });
  Object.defineProperty(dispatch, 'session', { get: () => session });
  return dispatch;
}
