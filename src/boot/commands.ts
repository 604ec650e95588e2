/**
 * The command API behind `window.ChatMeet(command, ...args)`, shared by the script
 * tag and the CDN loader. A bad call never throws into the host page: it logs a
 * console error with a stable code and leaves the state as it was.
 */
import { atom, type ReadableAtom } from 'nanostores';
import * as v from 'valibot';
import { ChatMeetError, ErrorCodes, reportToConsole } from '../core/errors.js';
import { BootOptionsSchema, ConversationSchema, describeIssues, type BootConfig } from './options.js';

/** Events a host page can listen to with `ChatMeet('on', name, handler)`. */
export const BootEvents = ['booted', 'shutdown', 'conversationChanged', 'meetStateChanged', 'error'] as const;
export type BootEvent = (typeof BootEvents)[number];
type Handler = (payload: unknown) => void;

export interface CommandDispatcher {
  (command: unknown, ...args: unknown[]): unknown;
  /** The booted configuration, or `null` before `boot` and after `shutdown`. */
  readonly $config: ReadableAtom<BootConfig | null>;
  /** Emits an event to the host's handlers (used by the core when meet state changes). */
  emit(event: BootEvent, payload?: unknown): void;
}

export function createCommandDispatcher(): CommandDispatcher {
  const $config = atom<BootConfig | null>(null);
  const handlers = new Map<string, Set<Handler>>();

  function fail(code: string, message: string): undefined {
    const error = new ChatMeetError(code, message);
    reportToConsole(error);
    emit('error', { code, message });
    return undefined;
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
      const parsed = v.safeParse(BootOptionsSchema, options);
      if (!parsed.success) {
        return fail(ErrorCodes.INVALID_OPTIONS, `ChatMeet('boot', options) needs valid options — ${describeIssues(parsed.issues)}. See docs/api.md#boot.`);
      }
      $config.set(parsed.output);
      emit('booted', parsed.output);
      return true;
    },
    updateConversation(conversation) {
      const current = $config.get();
      if (!current) return fail(ErrorCodes.NOT_BOOTED, "Call ChatMeet('boot', {...}) before ChatMeet('updateConversation', ...).");
      const parsed = v.safeParse(ConversationSchema, { ...current.conversation, ...(conversation as object) });
      if (!parsed.success) {
        return fail(ErrorCodes.INVALID_OPTIONS, `ChatMeet('updateConversation', conversation) needs a valid conversation — ${describeIssues(parsed.issues)}.`);
      }
      $config.set({ ...current, conversation: parsed.output });
      emit('conversationChanged', parsed.output);
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
  return dispatch;
}
