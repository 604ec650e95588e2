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
  /** R3: the meet already has 10 participants. */
  ROOM_FULL: 'CM_ROOM_FULL',
  /** R2/R5: the conversation has no assignee, so nobody can be rung. */
  NO_ASSIGNEE: 'CM_NO_ASSIGNEE',
  /** R2: a meet needs a conversation (or, R9, a team room). */
  NO_CONVERSATION: 'CM_NO_CONVERSATION',
  /** The action is not allowed for this user (e.g. a customer ending for everyone, R11). */
  NOT_ALLOWED: 'CM_NOT_ALLOWED',
  /** Camera, microphone or screen capture was refused by the user or the system. */
  MEDIA_DENIED: 'CM_MEDIA_DENIED',
  /** No camera or microphone exists (or the chosen one is gone). */
  MEDIA_UNAVAILABLE: 'CM_MEDIA_UNAVAILABLE',
  /** An incoming message failed validation and was dropped. */
  INVALID_MESSAGE: 'CM_INVALID_MESSAGE',
  /** The action does not fit the meet's current status (e.g. accept while nothing rings). */
  INVALID_STATE: 'CM_INVALID_STATE',
  /** A meet link could not be read. */
  INVALID_LINK: 'CM_INVALID_LINK',
  /** The signaling adapter is not connected (or was closed). */
  NOT_CONNECTED: 'CM_NOT_CONNECTED',
  /** A peer link could not be set up (WebRTC failed). */
  PEER_FAILED: 'CM_PEER_FAILED',
  /** The client was destroyed; create a new one. */
  DESTROYED: 'CM_DESTROYED',
  /** The signaling server got no token, or one it cannot read. */
  AUTH_REQUIRED: 'CM_AUTH_REQUIRED',
  /** The token's signature, issuer or claims are wrong (forged, or for another server). */
  AUTH_INVALID: 'CM_AUTH_INVALID',
  /** The token expired: fetch a fresh one from the host backend. */
  AUTH_EXPIRED: 'CM_AUTH_EXPIRED',
  /** The page's origin is not in the server's allowed list. */
  ORIGIN_REFUSED: 'CM_ORIGIN_REFUSED',
  /** Too many frames too fast; slow down (the connection closes if it goes on). */
  RATE_LIMITED: 'CM_RATE_LIMITED',
  /** A frame was not valid JSON or not a known request. */
  BAD_FRAME: 'CM_BAD_FRAME',
  /** A frame asked for a room the connection has not joined. */
  NOT_IN_ROOM: 'CM_NOT_IN_ROOM',
  /** The server node is shutting down; the adapter reconnects to another. */
  SERVER_DRAINING: 'CM_SERVER_DRAINING',
  /** The signaling server had an internal failure (e.g. Redis unreachable); retry. */
  SERVER_ERROR: 'CM_SERVER_ERROR',
  /** A video processor (e.g. a third-party effect) failed to start; the camera goes out unprocessed. */
  VIDEO_PROCESSOR_FAILED: 'CM_VIDEO_PROCESSOR_FAILED',
  /** R15: this browser lacks what background blur needs (`details.reason`: webgl2, output, wasm-simd, dom). */
  BLUR_UNSUPPORTED: 'CM_BLUR_UNSUPPORTED',
  /** R15: segmentation on this device is too slow for a usable blur; blur stays off. */
  BLUR_TOO_SLOW: 'CM_BLUR_TOO_SLOW',
  /** Blur's assets (MediaPipe js, wasm, model) could not be loaded: check `assetBase` and the page's CSP. */
  BLUR_LOAD_FAILED: 'CM_BLUR_LOAD_FAILED',
  /** Blur failed while running (segmentation error, WebGL context lost); it turned itself off. */
  BLUR_FAILED: 'CM_BLUR_FAILED',
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
