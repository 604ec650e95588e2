/**
 * The BroadcastChannel signaling adapter: meets between tabs of one origin with no server
 * at all — for QA ("open the demo in three tabs") and for demos. Every tab keeps its own
 * copy of who is connected and who is in which room, kept current by messages on the
 * channel; there is no leader and nothing to start.
 *
 * How it stays consistent without a server:
 * - `connect` says hello and waits `settleMs` for the other tabs' answers (their rooms);
 * - every join, leave and close is announced; a tab that vanishes without a goodbye (crash,
 *   killed process) is forgotten after `4 × heartbeatMs` without a heartbeat;
 * - R3: a join waits `settleMs` too, then ranks the room's members by join time; a join
 *   ranked past the 10th is refused with `CM_ROOM_FULL`, so two tabs joining a room of 9 at
 *   the same moment cannot both get in (every tab ranks the same way).
 *
 * Limits: same origin and same browser profile only (that is what BroadcastChannel reaches);
 * `report` has no backend to reach — reports go to `onReport` and onto the channel, where
 * {@link listenBroadcastReports} (e.g. a QA "backend" tab) can read them.
 */
import * as v from 'valibot';
import { createEmitter } from '../core/emitter.js';
import { ChatMeetError, ErrorCodes } from '../core/errors.js';
import type { AdapterEvents, Identity, SignalingAdapter } from './adapter.js';
import { MAX_PARTICIPANTS, MemberSchema, parseBackendReport, parseSignalMessage, type BackendReport, type Member } from './protocol.js';

export interface BroadcastChannelAdapterOptions {
  /** The channel's name: tabs meet only with tabs on the same name. Default `chat-meet`. */
  channel?: string;
  /** How long connect and join wait to hear from the other tabs (ms). Default 100. */
  settleMs?: number;
  /** How often this tab says it is still there (ms); silent tabs are forgotten after 4×. Default 1000. */
  heartbeatMs?: number;
  /** R3: members per room. Default {@link MAX_PARTICIPANTS}. */
  capacity?: number;
  /** Receives every report this tab makes (R2, R4, R7, R10): act as the backend here. */
  onReport?: (report: BackendReport) => void;
}

/** The default channel name. */
export const DEFAULT_CHANNEL = 'chat-meet';

type Seat = { member: Member; at: number };
/** What one tab's adapter is known to be: its user and its rooms. */
type Peer = { user: string; rooms: Map<string, Seat>; seen: number };

/** The messages tabs exchange on the channel (`k` is the kind). */
type Envelope =
  | { k: 'hello' | 'here'; conn: string; user: string; rooms: [string, Seat][] }
  | { k: 'beat' | 'bye'; conn: string }
  | { k: 'join'; conn: string; room: string; seat: Seat }
  | { k: 'leave'; conn: string; room: string }
  | { k: 'send'; from: string; to: string; msg: unknown }
  | { k: 'bcast'; from: string; room: string; msg: unknown }
  | { k: 'report'; from: string; report: unknown };

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const isSeat = (s: unknown): s is Seat =>
  typeof s === 'object' && s !== null && typeof (s as Seat).at === 'number' && v.is(MemberSchema, (s as Seat).member);
const newConnId = () => `c-${Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('')}`;

/**
 * Creates an adapter on a BroadcastChannel.
 *
 * @example Two tabs of the demo page, no server:
 * ```ts
 * const client = createMeetClient({ adapter: createBroadcastChannelAdapter({ channel: 'qa' }), self });
 * ```
 */
export function createBroadcastChannelAdapter(options: BroadcastChannelAdapterOptions = {}): SignalingAdapter {
  const name = options.channel ?? DEFAULT_CHANNEL;
  const settleMs = options.settleMs ?? 100;
  const heartbeatMs = options.heartbeatMs ?? 1000;
  const capacity = options.capacity ?? MAX_PARTICIPANTS;
  const events = createEmitter<AdapterEvents>();
  const conn = newConnId();
  const peers = new Map<string, Peer>();
  const mine = new Map<string, Seat>();
  let self: Identity | null = null;
  let channel: BroadcastChannel | null = null;
  let beat: ReturnType<typeof setInterval> | null = null;
  let closed = false;

  const post = (e: Envelope) => channel?.postMessage(e);
  const online = (user: string) => [...peers.values()].some((p) => p.user === user);
  const requireOpen = (): Identity => {
    if (!self || !channel) throw new ChatMeetError(ErrorCodes.NOT_CONNECTED, 'The BroadcastChannel adapter is not connected: await adapter.connect(self) first.');
    return self;
  };
  const hello = (k: 'hello' | 'here'): Envelope => ({ k, conn, user: self!.id, rooms: [...mine] });

  function learn(id: string, user: string, rooms: [string, Seat][] = []) {
    let peer = peers.get(id);
    if (!peer) {
      const wasOnline = online(user);
      peers.set(id, (peer = { user, rooms: new Map(), seen: Date.now() }));
      if (!wasOnline && user !== self?.id) events.emit('presence', { userId: user, online: true });
    }
    peer.seen = Date.now();
    for (const [room, seat] of rooms) if (isSeat(seat)) peer.rooms.set(room, seat);
    return peer;
  }
  function forget(id: string) {
    const peer = peers.get(id);
    if (!peer) return;
    peers.delete(id);
    if (!online(peer.user) && peer.user !== self?.id) events.emit('presence', { userId: peer.user, online: false });
  }
  /** Everyone seated in `room`, this tab included, in join order (the same order in every tab). */
  function seated(room: string): { conn: string; seat: Seat }[] {
    const all = [...peers].flatMap(([id, p]) => (p.rooms.has(room) ? [{ conn: id, seat: p.rooms.get(room)! }] : []));
    if (mine.has(room)) all.push({ conn, seat: mine.get(room)! });
    return all.sort((x, y) => x.seat.at - y.seat.at || (x.conn < y.conn ? -1 : 1));
  }
  function deliver(raw: unknown, from: string) {
    const parsed = parseSignalMessage(raw);
    if (parsed.ok) events.emit('message', parsed.value, from);
    else events.emit('error', new ChatMeetError(parsed.code, parsed.message, { from }));
  }

  function onEnvelope(data: unknown) {
    if (closed || !self || typeof data !== 'object' || data === null) return;
    const e = data as Envelope;
    const str = (x: unknown) => typeof x === 'string' && x.length > 0 && x.length <= 200;
    switch (e.k) {
      case 'hello':
      case 'here':
        if (!str(e.conn) || !str(e.user) || e.conn === conn) return;
        learn(e.conn, e.user, Array.isArray(e.rooms) ? e.rooms : []);
        if (e.k === 'hello') post(hello('here'));
        return;
      case 'beat':
        if (peers.has(e.conn)) peers.get(e.conn)!.seen = Date.now();
        return;
      case 'bye':
        return forget(e.conn);
      case 'join':
        if (str(e.conn) && str(e.room) && isSeat(e.seat)) learn(e.conn, e.seat.member.id).rooms.set(e.room, e.seat);
        return;
      case 'leave':
        peers.get(e.conn)?.rooms.delete(e.room);
        return;
      case 'send':
        if (e.to === self.id && str(e.from)) deliver(e.msg, e.from);
        return;
      case 'bcast':
        if (str(e.from) && e.from !== self.id && mine.has(e.room)) deliver(e.msg, e.from);
        return;
      default:
        return;
    }
  }

  return {
    async connect(identity) {
      if (self) return;
      if (typeof BroadcastChannel === 'undefined') {
        throw new ChatMeetError(ErrorCodes.NOT_CONNECTED, 'This browser has no BroadcastChannel; use another signaling adapter.');
      }
      self = { ...identity };
      channel = new BroadcastChannel(name);
      channel.onmessage = (m) => onEnvelope(m.data);
      post(hello('hello'));
      beat = setInterval(() => {
        post({ k: 'beat', conn });
        const stale = Date.now() - heartbeatMs * 4;
        for (const [id, p] of peers) if (p.seen < stale) forget(id);
      }, heartbeatMs);
      globalThis.addEventListener?.('pagehide', bye);
      await sleep(settleMs); // the other tabs answer with who they are and their rooms
      if (!closed) events.emit('state', 'open');
    },
    async join(roomId, member) {
      const me = requireOpen();
      const seat: Seat = { member: { ...member, id: me.id }, at: Date.now() };
      mine.set(roomId, seat);
      post({ k: 'join', conn, room: roomId, seat });
      await sleep(settleMs); // hear about joins racing with this one
      const order = seated(roomId);
      if (order.findIndex((s) => s.conn === conn) >= capacity) {
        mine.delete(roomId);
        post({ k: 'leave', conn, room: roomId });
        throw new ChatMeetError(ErrorCodes.ROOM_FULL, `This meet already has ${capacity} participants, the most one meet can hold. Try again when someone leaves.`, { roomId });
      }
      const seen = new Set<string>([me.id]);
      const members = order.slice(0, capacity).flatMap(({ seat: s }) => (seen.has(s.member.id) ? [] : (seen.add(s.member.id), [structuredClone(s.member)])));
      return { roomId, members };
    },
    async leave(roomId) {
      if (!mine.delete(roomId)) return;
      post({ k: 'leave', conn, room: roomId });
    },
    send(to, message) {
      const me = requireOpen();
      post({ k: 'send', from: me.id, to, msg: message });
    },
    broadcast(roomId, message) {
      const me = requireOpen();
      if (!mine.has(roomId)) return;
      post({ k: 'bcast', from: me.id, room: roomId, msg: message });
    },
    async report(report) {
      const me = requireOpen();
      const parsed = parseBackendReport(report);
      if (!parsed.ok) throw new ChatMeetError(parsed.code, parsed.message);
      post({ k: 'report', from: me.id, report: parsed.value });
      options.onReport?.(structuredClone(parsed.value));
    },
    async isOnline(userId) {
      return userId === self?.id || online(userId);
    },
    on: (event, handler) => events.on(event, handler),
    close() {
      if (closed) return;
      closed = true;
      bye();
      events.emit('state', 'closed');
      events.clear();
    },
  };

  function bye() {
    globalThis.removeEventListener?.('pagehide', bye);
    if (beat) clearInterval(beat);
    beat = null;
    post({ k: 'bye', conn });
    channel?.close();
    channel = null;
    mine.clear();
    peers.clear();
    closed = true;
  }
}

/**
 * Listens to the reports every tab on `channel` makes (a QA page acting as the backend:
 * it can show the follow-up links of R7). Returns the function that stops listening.
 */
export function listenBroadcastReports(handler: (report: BackendReport, from: string) => void, channel = DEFAULT_CHANNEL): () => void {
  const bc = new BroadcastChannel(channel);
  bc.onmessage = (m) => {
    const e = m.data as Envelope;
    if (e?.k !== 'report' || typeof e.from !== 'string') return;
    const parsed = parseBackendReport(e.report);
    if (parsed.ok) handler(parsed.value, e.from);
  };
  return () => bc.close();
}
