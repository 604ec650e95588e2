/**
 * The contract between chat-meet's core and a backend. Anything that can deliver a
 * message to one user and to a room can carry meets: the in-memory adapter (tests),
 * BroadcastChannel (same-origin tabs), the reference WebSocket server, or your own.
 * docs/signaling.md walks through writing one; test/signaling/contract.ts is the
 * suite every adapter must pass.
 */
import type { ChatMeetError } from '../core/errors.js';
import type { BackendReport, Member, SignalMessage } from './protocol.js';

/** Who this client is. `token` is whatever your backend authenticates with. */
export interface Identity {
  id: string;
  name: string;
  role: 'customer' | 'manager';
  token?: string;
}

/** Connection to the backend, as the adapter sees it. */
export type ConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

/** What `join` answers: who is already in the room (not counting the joiner). */
export interface RoomSnapshot {
  roomId: string;
  members: Member[];
  /** The meet's kind as the backend knows it (R4), when it keeps one. */
  kind?: 'voice' | 'video';
  /** ICE servers the backend hands out with the join (e.g. time-limited TURN credentials). */
  iceServers?: RTCIceServer[];
}

export interface PresenceChange {
  userId: string;
  online: boolean;
}

/** Events an adapter emits. Handlers must never receive an unvalidated message. */
export interface AdapterEvents {
  /** A valid message from user `from`. */
  message: (message: SignalMessage, from: string) => void;
  /** A user came online or went offline. */
  presence: (change: PresenceChange) => void;
  /** The connection changed state (e.g. `reconnecting` while a socket is down). */
  state: (state: ConnectionState) => void;
  /** Something went wrong that the caller could not catch (an invalid incoming message, a lost connection). */
  error: (error: ChatMeetError) => void;
}

/**
 * A signaling adapter.
 *
 * @example A skeleton (see docs/signaling.md for a complete one):
 * ```ts
 * const adapter: SignalingAdapter = {
 *   async connect(self) { ... },
 *   async join(roomId, member) { return { roomId, members: [] } },
 *   async leave(roomId) { ... },
 *   send(to, message) { ... },
 *   broadcast(roomId, message) { ... },
 *   async report(report) { ... },
 *   async isOnline(userId) { return true },
 *   on(event, handler) { ...; return () => {} },
 *   close() { ... },
 * }
 * ```
 */
export interface SignalingAdapter {
  /** Connects as `self`; resolves once messages can flow. Rejects with a coded ChatMeetError (e.g. a bad token). */
  connect(self: Identity): Promise<void>;
  /** Enters room `roomId` (one meet). Rejects with `CM_ROOM_FULL` when 10 are in it already (R3). */
  join(roomId: string, member: Member): Promise<RoomSnapshot>;
  /** Leaves the room; the others get `participant-left` from the core, not from here. */
  leave(roomId: string): Promise<void>;
  /** Delivers `message` to every connection of user `to`. */
  send(to: string, message: SignalMessage): void;
  /** Delivers `message` to every member of `roomId` except the sender. */
  broadcast(roomId: string, message: SignalMessage): void;
  /** Tells the host backend a fact for the conversation's record (R2, R4, R7, R10). */
  report(report: BackendReport): Promise<void>;
  /** Whether user `userId` has at least one live connection (R7: ring, or send a follow-up). */
  isOnline(userId: string): Promise<boolean>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends keyof AdapterEvents>(event: E, handler: AdapterEvents[E]): () => void;
  /** Disconnects and drops every handler. Idempotent. */
  close(): void;
}
