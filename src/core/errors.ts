/**
 * Every error chat-meet reports carries a stable `code` (never reworded, safe to
 * switch on) and a message that says what to do. Codes are listed in docs/errors.md.
 */
export const ErrorCodes = {
  /** `ChatMeet(name, ...)` was called with a command that does not exist. */
  UNKNOWN_COMMAND: 'CM_UNKNOWN_COMMAND',
  /** A command's options were missing a field or had a wrong type. */
  INVALID_OPTIONS: 'CM_INVALID_OPTIONS',
  /** A command that needs `boot` first was called before it. */
  NOT_BOOTED: 'CM_NOT_BOOTED',
  /** An event handler registered with `ChatMeet('on', ...)` threw. */
  HANDLER_FAILED: 'CM_HANDLER_FAILED',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes] | (string & {});

/**
 * An error with a stable code.
 *
 * @example
 * ```ts
 * try { await client.call({ conversationId: 'c1', kind: 'video' }) }
 * catch (e) { if (e instanceof ChatMeetError && e.code === 'CM_ROOM_FULL') showFull() }
 * ```
 */
export class ChatMeetError extends Error {
  override readonly name = 'ChatMeetError';
  constructor(
    /** Stable, machine-readable code, e.g. `CM_ROOM_FULL`. */
    readonly code: ErrorCode,
    message: string,
    /** Extra facts for logs (ids, counts); never user-facing text. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The console line for an error the host page cannot catch (bad command, failed handler). */
export function reportToConsole(error: ChatMeetError): void {
  console.error(`[chat-meet] ${error.code}: ${error.message}`);
}
