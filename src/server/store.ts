/**
 * Where the server keeps shared state: who is online, who is in which room, and each
 * room's facts (kind, conversation). One node keeps it in memory; with REDIS_URL it
 * lives in Redis (redis-store.ts) and the store also carries frames between nodes.
 */
import type { Member, MeetKind, SignalMessage } from '../signaling/protocol.js';

/** One user's place in a room; `conn` is the connection that joined (`node/conn`). */
export interface RoomEntry {
  member: Member;
  conn: string;
  node: string;
}

export interface RoomMeta {
  kind?: MeetKind;
  conversationId?: string;
  teamRoomId?: string;
}

export interface Scopes {
  conversations: string[];
  teamRooms: string[];
}

/** Frames between nodes. `o` is the node that published it (it delivered locally already). */
export type BusFrame =
  | { k: 'u'; o: string; to: string; from: string; fromConn: string; scopes: Scopes; msg: SignalMessage; except?: string }
  | { k: 'r'; o: string; room: string; from: string; fromConn: string; msg: SignalMessage }
  | { k: 'p'; o: string; user: string; online: boolean; scopes: Scopes };

export type JoinResult = { ok: true; others: RoomEntry[]; meta: RoomMeta } | { ok: false };

export interface Store {
  readonly nodeId: string;
  /** Starts the store; `onFrame` receives frames other nodes published. */
  start(onFrame: (frame: BusFrame) => void): Promise<void>;
  /** Registers a connection; true when the user just came online (cluster-wide). */
  connect(userId: string, conn: string, scopes: Scopes): Promise<boolean>;
  /** Drops a connection; true when the user just went offline (cluster-wide). */
  disconnect(userId: string, conn: string): Promise<boolean>;
  /** Keeps this node's connections alive (called on every heartbeat). */
  refresh(conns: { userId: string; conn: string }[]): Promise<void>;
  /** The scopes of an online user, or null when offline. */
  online(userId: string): Promise<Scopes | null>;
  /** Adds (or moves) `userId` in the room unless `capacity` others are in it. */
  join(roomId: string, entry: RoomEntry, capacity: number): Promise<JoinResult>;
  /** Removes `userId` from the room if `conn` still holds its place. */
  leave(roomId: string, userId: string, conn: string): Promise<void>;
  meta(roomId: string): Promise<RoomMeta>;
  /** Binds conversation/team room once (first writer wins); kind only ever goes voice → video (R4). Returns the result. */
  bind(roomId: string, patch: RoomMeta): Promise<RoomMeta>;
  /** Frames for other nodes (no-op on one node). */
  publish(frame: BusFrame): void;
  /** Interest in a user's or a room's frames from other nodes. */
  watchUser(userId: string, on: boolean): Promise<void>;
  watchRoom(roomId: string, on: boolean): Promise<void>;
  /** Adds `n` frames to the user's cluster-wide count; false when the user is over `limit` this second. */
  countUser(userId: string, n: number, limit: number): Promise<boolean>;
  /** False while the store cannot work (Redis unreachable); /healthz answers 503 then. */
  healthy(): boolean;
  close(): Promise<void>;
}

/** One node, everything in memory. */
export function createMemoryStore(nodeId = 'local'): Store {
  const presence = new Map<string, { conns: Set<string>; scopes: Scopes }>();
  const rooms = new Map<string, Map<string, RoomEntry>>();
  const metas = new Map<string, RoomMeta>();
  return {
    nodeId,
    async start() {},
    async connect(userId, conn, scopes) {
      const p = presence.get(userId) ?? { conns: new Set<string>(), scopes };
      p.scopes = scopes;
      p.conns.add(conn);
      presence.set(userId, p);
      return p.conns.size === 1;
    },
    async disconnect(userId, conn) {
      const p = presence.get(userId);
      if (!p || !p.conns.delete(conn)) return false;
      if (p.conns.size) return false;
      presence.delete(userId);
      return true;
    },
    async refresh() {},
    async online(userId) {
      return presence.get(userId)?.scopes ?? null;
    },
    async join(roomId, entry, capacity) {
      const room = rooms.get(roomId) ?? new Map<string, RoomEntry>();
      const others = [...room.values()].filter((e) => e.member.id !== entry.member.id);
      if (others.length >= capacity) return { ok: false };
      room.set(entry.member.id, entry);
      rooms.set(roomId, room);
      return { ok: true, others: structuredClone(others), meta: { ...metas.get(roomId) } };
    },
    async leave(roomId, userId, conn) {
      const room = rooms.get(roomId);
      if (room?.get(userId)?.conn !== conn) return;
      room.delete(userId);
      if (room.size === 0) {
        rooms.delete(roomId);
        metas.delete(roomId);
      }
    },
    async meta(roomId) {
      return { ...metas.get(roomId) };
    },
    async bind(roomId, patch) {
      // Facts only for rooms someone is in: a report about any other id stores nothing.
      if (!rooms.has(roomId)) return { ...metas.get(roomId) };
      const m = metas.get(roomId) ?? {};
      if (patch.conversationId && !m.conversationId) m.conversationId = patch.conversationId;
      if (patch.teamRoomId && !m.teamRoomId) m.teamRoomId = patch.teamRoomId;
      if (patch.kind === 'video' || (patch.kind && !m.kind)) m.kind = patch.kind;
      metas.set(roomId, m);
      return { ...m };
    },
    publish() {},
    async watchUser() {},
    async watchRoom() {},
    async countUser() {
      return true;
    },
    healthy: () => true,
    async close() {},
  };
}
