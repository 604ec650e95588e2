/**
 * The reference signaling server: authenticated WebSocket connections, rooms of up to 10
 * (R3), ringing with presence (R5, R7, R10), end for everyone by managers only (R11), the
 * meet's kind kept (R4). Every frame is validated; nothing reaches another user unless
 * its schema and the sender's token allow it. docs/server.md and docs/protocol.md.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { ChatMeetError, ErrorCodes } from '../core/errors.js';
import {
  MAX_PARTICIPANTS, PROTOCOL_VERSION, parseClientFrame,
  type BackendReport, type ClientFrame, type Member, type ServerFrame, type SignalMessage,
} from '../signaling/protocol.js';
import { allows, createVerifier, type TokenIdentity, type Verify } from './auth.js';
import { send, type Connection } from './connection.js';
import { createFollowUpLog, type FollowUp } from './follow-ups.js';
import { Metrics } from './metrics.js';
import { TokenBucket, type RateOptions } from './rate-limit.js';
import { createMemoryStore, type BusFrame, type Scopes, type Store } from './store.js';
import { turnCredentials, type TurnOptions } from './turn.js';

export interface SignalingServerOptions {
  /** HS256 secret shared with the host backend (≥ 32 bytes). */
  secret?: string;
  /** Or: the host backend's JWKS URL (RS256/ES256/EdDSA tokens). */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** Origins allowed to connect (exact match, e.g. `https://shop.example`). Unset: any. */
  allowedOrigins?: string[];
  /** Redis for many nodes acting as one (presence, rooms, routing). Unset: in memory. */
  redisUrl?: string;
  /** Where follow-ups (R7) are POSTed as JSON. */
  webhookUrl?: string;
  /** TURN REST credentials handed out with each join. */
  turn?: TurnOptions;
  /** WebSocket path (default: any path). */
  path?: string;
  /** Server-side ring timeout (R10), in ms, at least 1000; the caller's client normally times out first (default 120 s). */
  ringTimeoutMs?: number;
  /**
   * How long past `ringTimeoutMs` the server waits before it times a ring out itself, so that
   * the caller's own timeout (same length, started a moment earlier) normally wins. Default 5 000.
   */
  ringGraceMs?: number;
  /** Ping interval; a socket silent for two intervals is dropped (default 30 s). */
  heartbeatMs?: number;
  /** Per connection (default 50/s, burst 200). */
  rate?: RateOptions;
  /** Per user, all their connections on all nodes (default 100/s). */
  userRatePerSecond?: number;
  /** Largest frame in bytes (default 64 KiB); a bigger one closes the socket with 1009. */
  maxPayload?: number;
  /** Room capacity (R3, default 10). */
  capacity?: number;
  /** How long a drain waits for clients to leave before cutting them (default 5 s). */
  drainMs?: number;
  /** A stable id for this node (default: random). */
  nodeId?: string;
  /** A custom store (tests); overrides redisUrl. */
  store?: Store;
  /** Log lines go here (default console). */
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
}

export interface SignalingServer {
  readonly nodeId: string;
  /** Serves WebSocket upgrades (and /healthz, /metrics with `handleRequest`) on an existing HTTP server. */
  attach(http: HttpServer): void;
  /** Answers `/healthz` and `/metrics`; false for other paths. */
  handleRequest(req: IncomingMessage, res: ServerResponse): boolean;
  /** Starts a standalone HTTP server. */
  listen(port?: number, host?: string): Promise<{ port: number; http: HttpServer }>;
  /** Graceful shutdown: refuse new connections, tell clients to reconnect elsewhere, close. */
  drain(): Promise<void>;
  /** The last follow-ups (R7) with their webhook delivery. */
  followUps(): FollowUp[];
  /** The last backend reports received (R2, R4, R10), newest last. */
  reports(): { from: string; report: BackendReport; at: string }[];
  /** Counts, for tests and /healthz. */
  stats(): { connections: number; users: number; rooms: number; draining: boolean };
  /** Delivers raw data to `to` as if `from` sent it, bypassing validation: tests of client-side validation only. */
  injectRaw(to: string, from: string, raw: unknown): void;
  /** Closes everything at once (no drain). */
  close(): Promise<void>;
}

const KEEP_REPORTS = 500;
const MAX_ROOMS_PER_CONNECTION = 8;
const MAX_OPEN_RINGS = 50;
const STRIKES_TO_CLOSE = 20;
const CLOSE_AUTH = 4401;
const CLOSE_POLICY = 1008;
const CLOSE_RESTART = 1012;

function frameText(frame: ServerFrame): string {
  return JSON.stringify(frame);
}

/** Whether two users share a conversation or team room (or either may see all): presence and messages flow only then. */
function canSee(a: Scopes, b: Scopes): boolean {
  if (a.conversations.includes('*') || b.conversations.includes('*')) return true;
  if (a.teamRooms.includes('*') || b.teamRooms.includes('*')) return true;
  return a.conversations.some((c) => b.conversations.includes(c)) || a.teamRooms.some((t) => b.teamRooms.includes(t));
}
const scopesOf = (u: TokenIdentity): Scopes => ({ conversations: u.conversations, teamRooms: u.teamRooms });

export async function createSignalingServer(options: SignalingServerOptions): Promise<SignalingServer> {
  // setTimeout(NaN) fires at once: a ring timeout that is not a number would end every ring as it starts.
  if (options.ringTimeoutMs !== undefined && !(Number.isInteger(options.ringTimeoutMs) && options.ringTimeoutMs >= 1000)) {
    throw new ChatMeetError(ErrorCodes.INVALID_OPTIONS, `ringTimeoutMs must be whole milliseconds, at least 1000, not ${String(options.ringTimeoutMs)}.`);
  }
  if (options.ringGraceMs !== undefined && !(Number.isInteger(options.ringGraceMs) && options.ringGraceMs >= 0)) {
    throw new ChatMeetError(ErrorCodes.INVALID_OPTIONS, `ringGraceMs must be whole milliseconds, 0 or more, not ${String(options.ringGraceMs)}.`);
  }
  const verify: Verify = createVerifier(options);
  const log = options.log ?? ((level, message) => console[level](`[chat-meet-server] ${message}`));
  const nodeId = options.nodeId ?? randomBytes(6).toString('hex');
  const capacity = options.capacity ?? MAX_PARTICIPANTS;
  const ringTimeoutMs = (options.ringTimeoutMs ?? 120_000) + (options.ringGraceMs ?? 5_000);
  const heartbeatMs = options.heartbeatMs ?? 30_000;
  const rate = options.rate ?? { perSecond: 50, burst: 200 };
  const userRate = options.userRatePerSecond ?? 100;
  const drainMs = options.drainMs ?? 5_000;
  const allowedOrigins = options.allowedOrigins?.length ? new Set(options.allowedOrigins) : null;
  const store: Store = options.store ?? (options.redisUrl ? await (await import('./redis-store.js')).createRedisStore(options.redisUrl, nodeId) : createMemoryStore(nodeId));
  const metrics = new Metrics();
  const followUps = createFollowUpLog(options.webhookUrl, (ok) => void (ok || (metrics.followUpFailures += 1)));
  const reportLog: { from: string; report: BackendReport; at: string }[] = [];

  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload ?? 64 * 1024, perMessageDeflate: false, clientTracking: false });
  wss.on('error', (e) => log('error', `websocket server: ${e.message}`));
  const conns = new Set<Connection>();
  const byUser = new Map<string, Set<Connection>>();
  const byRoom = new Map<string, Set<Connection>>();
  /** Rings this node relayed and still waits on, by `meetId|callee` (R10). */
  const rings = new Map<string, { caller: string; callerConn: string; callerScopes: Scopes; callee: string; meetId: string; timer: ReturnType<typeof setTimeout> }>();
  const ringsByConn = new Map<string, number>();
  /** Frames per user this second, flushed to the store for the cluster-wide limit. */
  const userCounts = new Map<string, number>();
  const throttled = new Set<string>();
  let connSeq = 0;
  let draining = false;
  let closed = false;

  await store.start(onBusFrame);

  // --- delivery -----------------------------------------------------------------------

  function deliver(targets: Iterable<Connection>, text: string, skip?: (c: Connection) => boolean) {
    for (const c of targets) {
      if (skip?.(c)) continue;
      send(c, text);
      metrics.relayed += 1;
    }
  }

  /** Local delivery of a user-addressed message, then the ring bookkeeping it triggers. */
  function deliverUser(to: string, from: string, fromConn: string, fromScopes: Scopes, msg: SignalMessage, except?: string) {
    const targets = byUser.get(to);
    if (targets) deliver(targets, frameText({ t: 'msg', from, msg }), (c) => c.key === except || c.key === fromConn || !canSee(scopesOf(c.user), fromScopes));
    // R5: the callee answered on one connection: the others stop ringing.
    if (msg.type === 'ring-accept' || msg.type === 'ring-decline') {
      const ring = rings.get(`${msg.meetId}|${from}`);
      if (ring && ring.caller === to) {
        settleRing(ring.meetId, from);
        routeUser(from, ring.caller, ring.callerConn, ring.callerScopes, { type: 'ring-cancel', meetId: ring.meetId }, fromConn);
      }
    }
  }
  function routeUser(to: string, from: string, fromConn: string, fromScopes: Scopes, msg: SignalMessage, except?: string) {
    deliverUser(to, from, fromConn, fromScopes, msg, except);
    store.publish({ k: 'u', o: nodeId, to, from, fromConn, scopes: fromScopes, msg, ...(except ? { except } : {}) });
  }
  function deliverRoom(room: string, from: string, fromConn: string, msg: SignalMessage) {
    const targets = byRoom.get(room);
    if (targets) deliver(targets, frameText({ t: 'msg', from, msg }), (c) => c.user.id === from);
  }
  function routeRoom(room: string, from: string, fromConn: string, msg: SignalMessage) {
    deliverRoom(room, from, fromConn, msg);
    store.publish({ k: 'r', o: nodeId, room, from, fromConn, msg });
  }
  function deliverPresence(user: string, online: boolean, scopes: Scopes) {
    deliver(conns, frameText({ t: 'presence', user, online }), (c) => c.user.id === user || !canSee(scopesOf(c.user), scopes));
  }
  function onBusFrame(frame: BusFrame) {
    if (frame.o === nodeId) return;
    if (frame.k === 'u') deliverUser(frame.to, frame.from, frame.fromConn, frame.scopes, frame.msg, frame.except);
    else if (frame.k === 'r') deliverRoom(frame.room, frame.from, frame.fromConn, frame.msg);
    else deliverPresence(frame.user, frame.online, frame.scopes);
  }

  // --- rings (R10) --------------------------------------------------------------------

  function settleRing(meetId: string, callee: string) {
    const key = `${meetId}|${callee}`;
    const ring = rings.get(key);
    if (!ring) return;
    clearTimeout(ring.timer);
    rings.delete(key);
    const n = (ringsByConn.get(ring.callerConn) ?? 1) - 1;
    if (n > 0) ringsByConn.set(ring.callerConn, n);
    else ringsByConn.delete(ring.callerConn);
  }
  function trackRing(conn: Connection, callee: string, meetId: string) {
    settleRing(meetId, callee);
    // A meet rings at most a team's worth of people; more open rings is abuse, and each costs memory here.
    if ((ringsByConn.get(conn.key) ?? 0) >= MAX_OPEN_RINGS) throw new ChatMeetError(ErrorCodes.RATE_LIMITED, `More than ${MAX_OPEN_RINGS} unanswered rings from one connection: cancel some first.`);
    ringsByConn.set(conn.key, (ringsByConn.get(conn.key) ?? 0) + 1);
    const ring = {
      caller: conn.user.id, callerConn: conn.key, callerScopes: scopesOf(conn.user), callee, meetId,
      // The caller's client times out first; this one covers a caller that vanished mid-ring.
      timer: setTimeout(() => {
        settleRing(meetId, callee);
        routeUser(callee, ring.caller, ring.callerConn, ring.callerScopes, { type: 'ring-timeout', meetId });
      }, ringTimeoutMs),
    };
    ring.timer.unref?.();
    rings.set(`${meetId}|${callee}`, ring);
  }

  // --- frames -------------------------------------------------------------------------

  function refuse(conn: Connection, code: string, message: string, id?: number) {
    metrics.reject(code);
    send(conn, frameText({ t: 'error', ...(id !== undefined ? { id } : {}), code, message }));
    conn.strikes += 1;
    if (conn.strikes >= STRIKES_TO_CLOSE) {
      log('warn', `closing abusive connection ${conn.key} (${conn.user.id}): ${STRIKES_TO_CLOSE} refused frames`);
      conn.ws.close(CLOSE_POLICY, 'CM_RATE_LIMITED: too many refused frames');
    }
  }

  function onFrame(conn: Connection, data: RawData, isBinary: boolean) {
    metrics.framesIn += 1;
    if (!conn.bucket.take()) return refuse(conn, ErrorCodes.RATE_LIMITED, 'Too many frames: slow down (at most 50 a second on one connection).');
    if (throttled.has(conn.user.id)) return refuse(conn, ErrorCodes.RATE_LIMITED, `Too many frames from this user across connections (at most ${userRate} a second).`);
    userCounts.set(conn.user.id, (userCounts.get(conn.user.id) ?? 0) + 1);
    if (isBinary) return refuse(conn, ErrorCodes.BAD_FRAME, 'Binary frames are not part of the protocol: send JSON text.');
    let raw: unknown;
    try {
      raw = JSON.parse(data.toString());
    } catch {
      return refuse(conn, ErrorCodes.BAD_FRAME, 'A frame was not valid JSON.');
    }
    const parsed = parseClientFrame(raw);
    if (!parsed.ok) {
      const id = typeof (raw as { id?: unknown })?.id === 'number' && Number.isSafeInteger((raw as { id: number }).id) && (raw as { id: number }).id >= 0 ? (raw as { id: number }).id : undefined;
      return refuse(conn, ErrorCodes.INVALID_MESSAGE, parsed.message, id);
    }
    conn.strikes = Math.max(0, conn.strikes - 0.25);
    const frame = parsed.value;
    conn.chain = conn.chain.then(() => handle(conn, frame)).catch((error) => {
      if (error instanceof ChatMeetError) return refuse(conn, error.code, error.message, 'id' in frame ? frame.id : undefined);
      log('error', `frame ${frame.t} from ${conn.user.id} failed: ${(error as Error)?.stack ?? error}`);
      refuse(conn, ErrorCodes.SERVER_ERROR, 'The server failed on this frame; try again.', 'id' in frame ? frame.id : undefined);
    });
  }

  const notAllowed = (message: string) => new ChatMeetError(ErrorCodes.NOT_ALLOWED, message);

  /** R2/R9: the sender may meet in this conversation or team room; binds the room to it (first wins). */
  async function checkPlace(conn: Connection, room: string, place: { conversationId?: string; teamRoomId?: string; kind?: 'voice' | 'video' }) {
    if (place.conversationId && !allows(conn.user.conversations, place.conversationId)) throw notAllowed(`Your token does not allow conversation ${place.conversationId}: ask your backend for a token that lists it.`);
    if (place.teamRoomId && !allows(conn.user.teamRooms, place.teamRoomId)) throw notAllowed(`Your token does not allow team room ${place.teamRoomId}.`);
    if (!conn.rooms.has(room)) return;
    const meta = await store.bind(room, place);
    if ((place.conversationId && meta.conversationId !== place.conversationId) || (place.teamRoomId && meta.teamRoomId !== place.teamRoomId)) {
      throw notAllowed('This meet belongs to another conversation.');
    }
  }

  async function handle(conn: Connection, frame: ClientFrame): Promise<void> {
    if (conn.closed) return;
    switch (frame.t) {
      case 'join': return join(conn, frame.id, frame.room, frame.member);
      case 'leave':
        await leaveRoom(conn, frame.room);
        return send(conn, frameText({ t: 'ok', id: frame.id }));
      case 'send': {
        const { msg, to } = frame;
        if (msg.type === 'ring') {
          await checkPlace(conn, msg.meetId, { conversationId: msg.conversationId, teamRoomId: msg.teamRoomId, kind: msg.kind });
          trackRing(conn, to, msg.meetId);
        }
        if (msg.type === 'ring-cancel' || msg.type === 'ring-timeout') settleRing(msg.meetId, to);
        if (msg.type === 'end-for-all' && conn.user.role !== 'manager') throw notAllowed('Only managers can end a meet for everyone (R11).');
        // Connections that share no conversation with the sender are skipped where they are
        // delivered (deliverUser), silently, so sending is no oracle for who is online.
        return routeUser(to, conn.user.id, conn.key, scopesOf(conn.user), msg);
      }
      case 'broadcast': {
        const { msg, room } = frame;
        if (!conn.rooms.has(room)) throw new ChatMeetError(ErrorCodes.NOT_IN_ROOM, `Join room ${room} before broadcasting to it.`);
        if (msg.type === 'end-for-all' && conn.user.role !== 'manager') throw notAllowed('Only managers can end a meet for everyone (R11); leave the meet instead.');
        if (msg.type === 'kind-changed') await store.bind(room, { kind: 'video' });
        return routeRoom(room, conn.user.id, conn.key, msg);
      }
      case 'report': return report(conn, frame.id, frame.report);
      case 'online': {
        const scopes = await store.online(frame.user);
        return send(conn, frameText({ t: 'online', id: frame.id, online: Boolean(scopes && canSee(scopesOf(conn.user), scopes)) }));
      }
    }
  }

  async function join(conn: Connection, id: number, room: string, member: Member) {
    if (!conn.rooms.has(room) && conn.rooms.size >= MAX_ROOMS_PER_CONNECTION) throw notAllowed(`One connection can be in at most ${MAX_ROOMS_PER_CONNECTION} rooms; leave one first.`);
    const meta = await store.meta(room);
    if (meta.conversationId && !allows(conn.user.conversations, meta.conversationId)) throw notAllowed('This meet belongs to a conversation your token does not allow.');
    if (meta.teamRoomId && !allows(conn.user.teamRooms, meta.teamRoomId)) throw notAllowed('This meet belongs to a team room your token does not allow.');
    // The token decides who you are; the frame only says what your media is doing.
    const self: Member = { ...member, id: conn.user.id, name: conn.user.name, role: conn.user.role };
    const result = await store.join(room, { member: self, conn: conn.key, node: nodeId }, capacity);
    if (!result.ok) throw new ChatMeetError(ErrorCodes.ROOM_FULL, `This meet already has ${capacity} participants, the most one meet can hold. Try again when someone leaves.`);
    if (conn.closed) {
      // The socket closed while Redis answered: take the place back so no join leaks.
      await store.leave(room, conn.user.id, conn.key);
      return;
    }
    conn.rooms.add(room);
    let local = byRoom.get(room);
    if (!local) {
      byRoom.set(room, (local = new Set()));
      // Subscribed before `joined` goes out, so no frame from another node is missed.
      await store.watchRoom(room, true);
    }
    // The user's place moved to this connection (a reconnect): the old one stops getting the room.
    for (const c of local) if (c.user.id === conn.user.id && c !== conn) { local.delete(c); c.rooms.delete(room); }
    local.add(conn);
    const iceServers = options.turn ? [turnCredentials(options.turn, conn.user.id)] : undefined;
    send(conn, frameText({ t: 'joined', id, room, members: result.others.map((e) => e.member), ...(result.meta.kind ? { kind: result.meta.kind } : {}), ...(iceServers ? { iceServers } : {}) }));
  }

  async function leaveRoom(conn: Connection, room: string) {
    const local = byRoom.get(room);
    const had = conn.rooms.delete(room);
    local?.delete(conn);
    if (local && local.size === 0) {
      byRoom.delete(room);
      void store.watchRoom(room, false);
    }
    if (had) await store.leave(room, conn.user.id, conn.key);
  }

  async function report(conn: Connection, id: number, r: BackendReport) {
    const place = 'conversationId' in r || 'teamRoomId' in r ? { conversationId: (r as { conversationId?: string }).conversationId, teamRoomId: (r as { teamRoomId?: string }).teamRoomId } : {};
    if (r.type === 'meet-started') await checkPlace(conn, r.meetId, { ...place, kind: r.kind });
    else if (place.conversationId && !allows(conn.user.conversations, place.conversationId)) throw notAllowed(`Your token does not allow conversation ${place.conversationId}.`);
    if (r.type === 'meet-kind-changed' && conn.rooms.has(r.meetId)) await store.bind(r.meetId, { kind: 'video' });
    reportLog.push({ from: conn.user.id, report: r, at: new Date().toISOString() });
    if (reportLog.length > KEEP_REPORTS) reportLog.shift();
    if (r.type === 'follow-up') {
      metrics.followUps += 1;
      void followUps.record({ meetId: r.meetId, ...(r.conversationId ? { conversationId: r.conversationId } : {}), calleeId: r.calleeId, reason: r.reason, link: r.link, from: conn.user.id });
    }
    send(conn, frameText({ t: 'ok', id }));
  }

  // --- connections --------------------------------------------------------------------

  async function onConnection(ws: WebSocket, user: TokenIdentity) {
    connSeq += 1;
    const conn: Connection = {
      key: `${nodeId}/${connSeq}`, ws, user, rooms: new Set(), bucket: new TokenBucket(rate),
      chain: Promise.resolve(), alive: true, strikes: 0, closed: false,
    };
    conns.add(conn);
    metrics.connectionsOpened += 1;
    let set = byUser.get(user.id);
    const first = !set;
    if (!set) byUser.set(user.id, (set = new Set()));
    set.add(conn);
    ws.on('message', (data, isBinary) => onFrame(conn, data, isBinary));
    ws.on('pong', () => void (conn.alive = true));
    ws.on('close', () => void onClose(conn));
    // Subscribed before `hello`, so no frame from another node is missed.
    if (first) await store.watchUser(user.id, true);
    if (conn.closed) return;
    // Close when the token expires; the client reconnects with a fresh one.
    const left = user.expiresAt - Date.now();
    if (left < 2 ** 31) conn.expiryTimer = setTimeout(() => ws.close(CLOSE_AUTH, 'CM_AUTH_EXPIRED: the token expired'), Math.max(0, left));
    send(conn, frameText({ t: 'hello', v: PROTOCOL_VERSION, user: { id: user.id, name: user.name, role: user.role } }));
    conn.chain = conn.chain.then(async () => {
      const cameOnline = await store.connect(user.id, conn.key, scopesOf(user));
      if (cameOnline && !conn.closed) {
        deliverPresence(user.id, true, scopesOf(user));
        store.publish({ k: 'p', o: nodeId, user: user.id, online: true, scopes: scopesOf(user) });
      }
    }).catch((e) => log('error', `presence for ${user.id}: ${(e as Error).message}`));
  }

  async function onClose(conn: Connection) {
    if (conn.closed) return;
    conn.closed = true;
    clearTimeout(conn.expiryTimer);
    conns.delete(conn);
    const set = byUser.get(conn.user.id);
    set?.delete(conn);
    if (set && set.size === 0) {
      byUser.delete(conn.user.id);
      void store.watchUser(conn.user.id, false);
    }
    // A caller gone mid-ring: the callee stops ringing (R10).
    for (const ring of [...rings.values()]) {
      if (ring.callerConn === conn.key) {
        settleRing(ring.meetId, ring.callee);
        routeUser(ring.callee, ring.caller, ring.callerConn, ring.callerScopes, { type: 'ring-cancel', meetId: ring.meetId });
      }
    }
    // Wait for frames in flight (a join awaiting Redis), then give back every place.
    await conn.chain.catch(() => undefined);
    try {
      for (const room of [...conn.rooms]) await leaveRoom(conn, room);
      const wentOffline = await store.disconnect(conn.user.id, conn.key);
      if (wentOffline && !byUser.has(conn.user.id)) {
        deliverPresence(conn.user.id, false, scopesOf(conn.user));
        store.publish({ k: 'p', o: nodeId, user: conn.user.id, online: false, scopes: scopesOf(conn.user) });
      }
    } catch (e) {
      log('error', `cleanup for ${conn.user.id}: ${(e as Error).message}`);
    }
  }

  // --- upgrade and HTTP ---------------------------------------------------------------

  function refuseUpgrade(socket: Duplex, status: number, code: string, message: string) {
    metrics.reject(code);
    const body = JSON.stringify({ code, message });
    socket.end(`HTTP/1.1 ${status} ${status === 403 ? 'Forbidden' : 'Service Unavailable'}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  }

  function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const url = new URL(req.url ?? '/', 'http://x');
    if (options.path && url.pathname !== options.path) return;
    socket.on('error', () => undefined);
    if (draining || closed) return refuseUpgrade(socket, 503, ErrorCodes.SERVER_DRAINING, 'This node is shutting down; connect to another.');
    const origin = req.headers.origin;
    if (allowedOrigins && origin && !allowedOrigins.has(origin)) return refuseUpgrade(socket, 403, ErrorCodes.ORIGIN_REFUSED, `Origin ${origin} is not allowed: add it to the server's allowed origins.`);
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const token = url.searchParams.get('token') ?? bearer;
    verify(token).then(
      (user) => ({ user, error: null }),
      (error: ChatMeetError) => ({ user: null, error: error instanceof ChatMeetError ? error : new ChatMeetError(ErrorCodes.AUTH_INVALID, 'The token was refused.') }),
    ).then(({ user, error }) => {
      if (socket.destroyed) return;
      wss.handleUpgrade(req, socket, head, (ws) => {
        ws.on('error', (e) => log('warn', `socket error: ${e.message}`));
        if (error || !user) {
          // Browsers cannot read an HTTP status of a failed upgrade: accept, say why, close.
          metrics.reject(error!.code);
          ws.send(frameText({ t: 'error', code: error!.code, message: error!.message }));
          ws.close(CLOSE_AUTH, error!.code);
          return;
        }
        if (draining) return void ws.close(CLOSE_RESTART, ErrorCodes.SERVER_DRAINING);
        void onConnection(ws, user);
      });
    });
  }

  function handleRequest(req: IncomingMessage, res: ServerResponse): boolean {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      const status = draining ? 'draining' : store.healthy() ? 'ok' : 'store-unreachable';
      res.writeHead(status === 'ok' ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ status, node: nodeId, ...stats() }));
      return true;
    }
    if (path === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4', 'cache-control': 'no-store' });
      res.end(metrics.render(stats()));
      return true;
    }
    return false;
  }

  const stats = () => ({ connections: conns.size, users: byUser.size, rooms: byRoom.size, draining });

  // --- timers -------------------------------------------------------------------------

  const heartbeat = setInterval(() => {
    for (const c of conns) {
      if (!c.alive) {
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      try { c.ws.ping(); } catch { /* closing */ }
    }
    store.refresh([...conns].map((c) => ({ userId: c.user.id, conn: c.key }))).catch((e) => log('error', `presence refresh: ${e.message}`));
  }, heartbeatMs);
  heartbeat.unref();
  const userRateTick = setInterval(() => {
    throttled.clear();
    for (const [user, n] of userCounts) {
      if (n > userRate) throttled.add(user);
      else void store.countUser(user, n, userRate).then((ok) => void (ok || throttled.add(user)), () => undefined);
    }
    userCounts.clear();
  }, 1000);
  userRateTick.unref();

  const attached: HttpServer[] = [];
  const api: SignalingServer = {
    nodeId,
    attach(http) {
      attached.push(http);
      http.on('upgrade', onUpgrade);
    },
    handleRequest,
    async listen(port = 0, host = '0.0.0.0') {
      const http = createServer((req, res) => {
        if (!handleRequest(req, res)) res.writeHead(404, { 'content-type': 'text/plain' }).end('chat-meet signaling server: connect with WebSocket; /healthz, /metrics');
      });
      api.attach(http);
      await new Promise<void>((resolve, reject) => http.once('error', reject).listen(port, host, () => resolve()));
      const address = http.address();
      return { port: typeof address === 'object' && address ? address.port : port, http };
    },
    async drain() {
      if (draining) return;
      draining = true;
      log('info', `draining ${conns.size} connections`);
      for (const http of attached) http.close();
      const drain = frameText({ t: 'drain', retryMs: 250 });
      for (const c of conns) {
        send(c, drain);
        c.ws.close(CLOSE_RESTART, ErrorCodes.SERVER_DRAINING);
      }
      const end = Date.now() + drainMs;
      while (conns.size && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      for (const c of conns) c.ws.terminate();
      await new Promise((r) => setTimeout(r, 50));
      await api.close();
    },
    followUps: () => followUps.list(),
    reports: () => reportLog.map((r) => ({ ...r })),
    stats,
    injectRaw(to, from, raw) {
      const text = `{"t":"msg","from":${JSON.stringify(from)},"msg":${JSON.stringify(raw) ?? 'null'}}`;
      for (const c of byUser.get(to) ?? []) send(c, text);
    },
    async close() {
      if (closed) return;
      closed = true;
      draining = true;
      clearInterval(heartbeat);
      clearInterval(userRateTick);
      for (const ring of rings.values()) clearTimeout(ring.timer);
      rings.clear();
      ringsByConn.clear();
      for (const c of conns) c.ws.terminate();
      for (const c of [...conns]) await onClose(c);
      for (const http of attached) {
        http.off('upgrade', onUpgrade);
        http.close();
        http.closeAllConnections?.();
      }
      await store.close();
    },
  };
  return api;
}
