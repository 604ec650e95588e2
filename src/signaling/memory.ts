/**
 * The in-memory signaling adapter: every client in one page shares a hub object. For
 * tests, demos and benchmarks; it behaves like a real backend (asynchronous delivery,
 * JSON on the wire, room capacity, validation of what arrives) so that what passes
 * here passes over a network.
 */
import { ChatMeetError, ErrorCodes } from '../core/errors.js';
import { createEmitter } from '../core/emitter.js';
import type { AdapterEvents, Identity, SignalingAdapter } from './adapter.js';
import { MAX_PARTICIPANTS, parseSignalMessage, type BackendReport, type Member } from './protocol.js';

interface Connection {
  self: Identity;
  deliver(raw: string, from: string): void;
  presence(userId: string, online: boolean): void;
}

/** The shared "backend" of memory adapters. */
export interface MemoryHub {
  /** Every report any adapter sent, oldest first. */
  readonly reports: BackendReport[];
  /** Delivers raw (unvalidated) data to user `to` as if `from` sent it: for tests. */
  inject(to: string, from: string, raw: unknown): void;
  /** Room members, for tests and debugging. */
  members(roomId: string): Member[];
  /** Subscribes to reports (e.g. to act as the backend delivering follow-ups). */
  onReport(handler: (report: BackendReport) => void): () => void;
}

interface HubInternals extends MemoryHub {
  connections: Set<Connection>;
  rooms: Map<string, Map<string, Member>>;
  capacity: number;
  report(report: BackendReport): void;
}

/**
 * Creates a hub. `capacity` defaults to {@link MAX_PARTICIPANTS} (R3).
 *
 * @example
 * ```ts
 * const hub = createMemoryHub();
 * const alice = createMeetClient({ adapter: createMemoryAdapter(hub), self: { id: 'a', name: 'Alice', role: 'manager' } });
 * ```
 */
export function createMemoryHub(options: { capacity?: number } = {}): MemoryHub {
  const reportHandlers = new Set<(r: BackendReport) => void>();
  const hub: HubInternals = {
    reports: [],
    connections: new Set(),
    rooms: new Map(),
    capacity: options.capacity ?? MAX_PARTICIPANTS,
    inject(to, from, raw) {
      const text = JSON.stringify(raw) ?? 'undefined';
      for (const c of hub.connections) if (c.self.id === to) c.deliver(text, from);
    },
    members: (roomId) => [...(hub.rooms.get(roomId)?.values() ?? [])],
    onReport(handler) {
      reportHandlers.add(handler);
      return () => void reportHandlers.delete(handler);
    },
    report(report) {
      hub.reports.push(report);
      for (const h of reportHandlers) h(report);
    },
  };
  return hub;
}

const later = (fn: () => void) => setTimeout(fn, 0);

/** Creates an adapter on `hub`. */
export function createMemoryAdapter(hub: MemoryHub): SignalingAdapter {
  const h = hub as HubInternals;
  const events = createEmitter<AdapterEvents>();
  let conn: Connection | null = null;
  const joined = new Set<string>();

  const requireConn = (): Connection => {
    if (!conn) throw new ChatMeetError(ErrorCodes.NOT_CONNECTED, 'The memory adapter is not connected: await adapter.connect(self) first.');
    return conn;
  };
  const isUp = (userId: string) => [...h.connections].some((c) => c.self.id === userId);
  const deliverTo = (targets: Iterable<Connection>, message: unknown, from: string) => {
    const raw = JSON.stringify(message);
    for (const c of targets) c.deliver(raw, from);
  };

  return {
    async connect(self) {
      if (conn) return;
      const wasOnline = isUp(self.id);
      conn = {
        self: { ...self },
        deliver(raw, from) {
          // Asynchronous, like a network; a closed adapter gets nothing.
          later(() => {
            if (conn !== this) return;
            let data: unknown;
            try { data = JSON.parse(raw); } catch { data = undefined; }
            const parsed = parseSignalMessage(data);
            if (parsed.ok) events.emit('message', parsed.value, from);
            else events.emit('error', new ChatMeetError(parsed.code, parsed.message, { from }));
          });
        },
        presence(userId, online) {
          later(() => conn === this && events.emit('presence', { userId, online }));
        },
      };
      h.connections.add(conn);
      if (!wasOnline) for (const c of h.connections) if (c !== conn) c.presence(self.id, true);
      events.emit('state', 'open');
    },
    async join(roomId, member) {
      const me = requireConn();
      const room = h.rooms.get(roomId) ?? new Map<string, Member>();
      const others = [...room.values()].filter((m) => m.id !== me.self.id);
      if (others.length >= h.capacity) {
        throw new ChatMeetError(ErrorCodes.ROOM_FULL, `This meet already has ${h.capacity} participants, the most one meet can hold. Try again when someone leaves.`, { roomId });
      }
      room.set(me.self.id, { ...member, id: me.self.id });
      h.rooms.set(roomId, room);
      joined.add(roomId);
      return { roomId, members: structuredClone(others) };
    },
    async leave(roomId) {
      if (!conn) return;
      h.rooms.get(roomId)?.delete(conn.self.id);
      if (h.rooms.get(roomId)?.size === 0) h.rooms.delete(roomId);
      joined.delete(roomId);
    },
    send(to, message) {
      const me = requireConn();
      deliverTo([...h.connections].filter((c) => c.self.id === to), message, me.self.id);
    },
    broadcast(roomId, message) {
      const me = requireConn();
      const room = h.rooms.get(roomId);
      if (!room?.has(me.self.id)) return;
      deliverTo([...h.connections].filter((c) => c.self.id !== me.self.id && room.has(c.self.id)), message, me.self.id);
    },
    async report(report) {
      requireConn();
      h.report(structuredClone(report));
    },
    async isOnline(userId) {
      return isUp(userId);
    },
    on: (event, handler) => events.on(event, handler),
    close() {
      if (!conn) return;
      const me = conn;
      conn = null;
      h.connections.delete(me);
      for (const roomId of joined) {
        h.rooms.get(roomId)?.delete(me.self.id);
        if (h.rooms.get(roomId)?.size === 0) h.rooms.delete(roomId);
      }
      joined.clear();
      if (!isUp(me.self.id)) for (const c of h.connections) c.presence(me.self.id, false);
      events.emit('state', 'closed');
      events.clear();
    },
  };
}
