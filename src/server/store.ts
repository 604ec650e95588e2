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

/**
 * What a user with several connections may be seen from: every connection's token counts.
 * A manager with the desk (one token) and the team chat (another) open is online to the
 * customers of the one and the managers of the other, whichever connected last.
 */
export function unionScopes(all: Iterable<Scopes>): Scopes {
  const conversations = new Set<string>();
  const teamRooms = new Set<string>();
  for (const s of all) {
    s.conversations.forEach((c) => conversations.add(c));
    s.teamRooms.forEach((t) => teamRooms.add(t));
  }
  return { conversations: [...conversations], teamRooms: [...teamRooms] };
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
  /** The scopes of an online user (all their connections' together), or null when offline. */
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
  /** user → connection → that connection's token scopes. */
  const presence = new Map<string, Map<string, Scopes>>();
  const rooms = new Map<string, Map<string, RoomEntry>>();
  const metas = new Map<string, RoomMeta>();
  return {
    nodeId,
    async start() {},
    async connect(userId, conn, scopes) {
      const conns = presence.get(userId) ?? new Map<string, Scopes>();
      conns.set(conn, scopes);
      presence.set(userId, conns);
      return conns.size === 1;
    },
    async disconnect(userId, conn) {
      const conns = presence.get(userId);
      if (!conns?.delete(conn)) return false;
      if (conns.size) return false;
      presence.delete(userId);
      return true;
    },
    async refresh() {},
    async online(userId) {
      const conns = presence.get(userId);
      return conns ? unionScopes(conns.values()) : null;
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
