/**
 * The WebSocket adapter: speaks the reference server's protocol (docs/protocol.md).
 * While the socket is down it reconnects with jittered, capped exponential backoff
 * (rotating through `url` when several are given, so another node takes over), joins its
 * rooms again on the new connection, and only then sends what it held meanwhile.
 */
import { createEmitter } from '../core/emitter.js';
import { ChatMeetError, ErrorCodes } from '../core/errors.js';
import type { AdapterEvents, ConnectionState, Identity, RoomSnapshot, SignalingAdapter } from './adapter.js';
import { parseServerFrame, parseSignalMessage, type BackendReport, type Member, type ServerFrame, type SignalMessage } from './protocol.js';

export interface WebSocketAdapterOptions {
  /** The server's WebSocket URL, e.g. `wss://meet.example.com/signal`; several: reconnects rotate through them. */
  url: string | string[];
  /** Returns a fresh token for each (re)connect (from your backend); without it `self.token` is used. */
  getToken?: (self: Identity) => string | Promise<string>;
  /** Reconnect delays: the first is about `baseMs`, each next doubles, never above `maxMs` (defaults 250 and 10 000). */
  backoff?: { baseMs?: number; maxMs?: number };
  /** A request (join, leave, report, isOnline) fails with CM_NOT_CONNECTED after this long (default 15 000 ms). */
  requestTimeoutMs?: number;
  /** At most this many frames are held while reconnecting; older ones are dropped first (default 1000). */
  maxHeld?: number;
  /** A WebSocket constructor where there is no global one (Node 20: `ws`). */
  WebSocket?: new (url: string) => WebSocket;
}

type Pending = { resolve: (frame: ServerFrame) => void; reject: (e: ChatMeetError) => void; timer: ReturnType<typeof setTimeout> };

const AUTH_CLOSE = 4401;

/** Creates a WebSocket adapter; call `connect(self)` (the meet client does) to open it. */
export function createWebSocketAdapter(options: WebSocketAdapterOptions): SignalingAdapter {
  const urls = Array.isArray(options.url) ? [...options.url] : [options.url];
  if (!urls.length) throw new ChatMeetError(ErrorCodes.INVALID_OPTIONS, 'createWebSocketAdapter needs url: the signaling server\'s ws:// or wss:// URL.');
  const Found = options.WebSocket ?? (globalThis as { WebSocket?: new (url: string) => WebSocket }).WebSocket;
  if (!Found) throw new ChatMeetError(ErrorCodes.INVALID_OPTIONS, 'No WebSocket here: pass options.WebSocket (in Node 20, the `ws` package).');
  const Ctor: new (url: string) => WebSocket = Found;
  const baseMs = options.backoff?.baseMs ?? 250;
  const maxMs = options.backoff?.maxMs ?? 10_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
  const maxHeld = options.maxHeld ?? 1000;

  const events = createEmitter<AdapterEvents>();
  const pending = new Map<number, Pending>();
  /** Rooms this adapter is in, with the member it joined as: joined again after a reconnect. */
  const rooms = new Map<string, Member>();
  /** Frames waiting for the connection (sent in order once it is back and the rooms are resumed). */
  let held: string[] = [];
  let self: Identity | null = null;
  let ws: WebSocket | null = null;
  let state: ConnectionState = 'idle';
  let ready = false; // hello received and rooms resumed on the current socket
  let closedByUs = false;
  let attempt = 0;
  let urlIndex = 0;
  let reqSeq = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let connecting: Promise<void> | null = null;

  const setState = (next: ConnectionState) => {
    if (state === next) return;
    state = next;
    events.emit('state', next);
  };
  const notConnected = (why: string) => new ChatMeetError(ErrorCodes.NOT_CONNECTED, why);

  function transmit(text: string) {
    if (ready && ws?.readyState === 1) return ws.send(text);
    held.push(text);
    if (held.length > maxHeld) {
      held.shift();
      events.emit('error', notConnected(`Held more than ${maxHeld} messages while reconnecting; dropped the oldest.`));
    }
  }

  function request(frame: Record<string, unknown>, viaHeld = true): Promise<ServerFrame> {
    reqSeq += 1;
    const id = reqSeq;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(notConnected(`The signaling server did not answer ${String(frame.t)} within ${requestTimeoutMs} ms; check the connection and retry.`));
      }, requestTimeoutMs);
      pending.set(id, { resolve, reject, timer });
      const text = JSON.stringify({ ...frame, id });
      if (viaHeld) transmit(text);
      else ws?.send(text);
    });
  }

  function settle(id: number, frame: ServerFrame) {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    clearTimeout(p.timer);
    if (frame.t === 'error') p.reject(new ChatMeetError(frame.code, frame.message));
    else p.resolve(frame);
  }

  function onFrame(data: unknown, onHello: (f: Extract<ServerFrame, { t: 'hello' }>) => void) {
    let raw: unknown;
    try { raw = JSON.parse(String(data)); } catch { raw = undefined; }
    const parsed = parseServerFrame(raw);
    if (!parsed.ok) return events.emit('error', new ChatMeetError(parsed.code, parsed.message));
    const frame = parsed.value;
    switch (frame.t) {
      case 'hello': return onHello(frame);
      case 'msg': {
        const message = parseSignalMessage(frame.msg);
        if (message.ok) events.emit('message', message.value, frame.from);
        else events.emit('error', new ChatMeetError(message.code, message.message, { from: frame.from }));
        return;
      }
      case 'presence': return events.emit('presence', { userId: frame.user, online: frame.online });
      case 'drain':
        // The node is going away: come back (to the next URL) soon rather than after a backoff.
        attempt = 0;
        return;
      case 'error':
        if (frame.id !== undefined && pending.has(frame.id)) return settle(frame.id, frame);
        return events.emit('error', new ChatMeetError(frame.code, frame.message));
      default:
        return settle(frame.id, frame);
    }
  }

  async function urlWithToken(): Promise<string> {
    const token = options.getToken && self ? await options.getToken(self) : self?.token;
    const base = urls[urlIndex % urls.length];
    return token ? `${base}${base.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}` : base;
  }

  /** Opens one socket; resolves after hello (and, on a reconnect, after the rooms are back). */
  function open(): Promise<void> {
    return new Promise((resolve, reject) => {
      let helloSeen = false;
      let refusal: ChatMeetError | null = null;
      urlWithToken().then((url) => {
        if (closedByUs) return reject(notConnected('The adapter was closed.'));
        const socket = new Ctor(url);
        ws = socket;
        socket.onmessage = (event) => onFrame(event.data, (hello) => {
          if (helloSeen) return;
          helloSeen = true;
          if (self && hello.user.id !== self.id) {
            refusal = new ChatMeetError(ErrorCodes.AUTH_INVALID, `The token is for user ${hello.user.id}, but the client connected as ${self.id}: issue the token for the same user.`);
            socket.close(1000);
            return;
          }
          void resume(socket).then(() => resolve(), reject);
        });
        // Errors before hello carry the refusal (e.g. CM_AUTH_EXPIRED); keep the first.
        const original = socket.onmessage;
        socket.onmessage = (event) => {
          if (!helloSeen) {
            try {
              const f = JSON.parse(String(event.data));
              if (f?.t === 'error' && typeof f.code === 'string') refusal = new ChatMeetError(f.code, String(f.message ?? f.code));
            } catch { /* handled by onFrame */ }
          }
          original?.call(socket, event);
        };
        socket.onerror = () => undefined; // the close event follows and decides
        socket.onclose = (event) => {
          if (ws === socket) {
            ws = null;
            ready = false;
          }
          if (!helloSeen || refusal) {
            const code = refusal?.code ?? (event.code === AUTH_CLOSE ? ErrorCodes.AUTH_INVALID : ErrorCodes.NOT_CONNECTED);
            return reject(refusal ?? new ChatMeetError(code, `Could not connect to the signaling server at ${urls[urlIndex % urls.length]} (closed ${event.code}). Check the URL and that the server runs.`));
          }
          onDrop(event.code);
        };
      }, (e) => reject(new ChatMeetError(ErrorCodes.AUTH_REQUIRED, `getToken() failed: ${(e as Error)?.message ?? e}`)));
    });
  }

  /** After hello on a new socket: take the rooms back, then send what was held. */
  async function resume(socket: WebSocket) {
    const back = [...rooms].map(([room, member]) =>
      request({ t: 'join', room, member, resume: true }, false).catch((e: ChatMeetError) => {
        rooms.delete(room);
        events.emit('error', new ChatMeetError(e.code, `Could not rejoin meet ${room} after reconnecting: ${e.message}`, { roomId: room }));
      }),
    );
    await Promise.all(back);
    if (ws !== socket || socket.readyState !== 1) throw notConnected('The connection dropped while resuming.');
    ready = true;
    attempt = 0;
    const queue = held;
    held = [];
    for (const text of queue) socket.send(text);
  }

  function onDrop(code: number) {
    if (closedByUs) return;
    if (code === AUTH_CLOSE && !options.getToken) {
      // The token expired or was revoked and there is no way to get another.
      events.emit('error', new ChatMeetError(ErrorCodes.AUTH_EXPIRED, 'The signaling server closed the connection for the token (expired?): pass getToken to the WebSocket adapter to refresh it.'));
      return shutdown();
    }
    setState('reconnecting');
    scheduleReconnect();
  }

  function scheduleReconnect() {
    clearTimeout(retryTimer);
    // Full backoff ceiling doubles per attempt; jitter spreads a node's clients so they do not return all at once.
    const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    attempt += 1;
    urlIndex += 1;
    retryTimer = setTimeout(() => {
      if (closedByUs) return;
      open().then(
        () => setState('open'),
        (e: ChatMeetError) => {
          if (closedByUs) return;
          if (e.code === ErrorCodes.AUTH_INVALID || e.code === ErrorCodes.AUTH_EXPIRED || e.code === ErrorCodes.AUTH_REQUIRED || e.code === ErrorCodes.ORIGIN_REFUSED) {
            events.emit('error', e);
            return shutdown();
          }
          scheduleReconnect();
        },
      );
    }, delay);
  }

  function shutdown() {
    closedByUs = true;
    clearTimeout(retryTimer);
    const socket = ws;
    ws = null;
    ready = false;
    try { socket?.close(1000); } catch { /* already closing */ }
    for (const [, p] of pending) {
      clearTimeout(p.timer);
      p.reject(notConnected('The adapter was closed.'));
    }
    pending.clear();
    held = [];
    rooms.clear();
    setState('closed');
    events.clear();
  }

  const requireUsable = () => {
    if (closedByUs || !self) throw notConnected('The WebSocket adapter is not connected: await adapter.connect(self) first.');
  };

  return {
    connect(identity) {
      if (connecting) return connecting;
      if (closedByUs) return Promise.reject(notConnected('This adapter was closed; create a new one.'));
      self = { ...identity };
      setState('connecting');
      connecting = open().then(
        () => setState('open'),
        (e: ChatMeetError) => {
          connecting = null;
          self = null;
          setState('idle');
          throw e;
        },
      );
      return connecting;
    },
    async join(roomId, member) {
      requireUsable();
      const frame = await request({ t: 'join', room: roomId, member });
      if (frame.t !== 'joined') throw notConnected('Unexpected answer to join.');
      rooms.set(roomId, member);
      const snapshot: RoomSnapshot = { roomId, members: frame.members };
      if (frame.kind) snapshot.kind = frame.kind;
      if (frame.iceServers) snapshot.iceServers = frame.iceServers;
      return snapshot;
    },
    async leave(roomId) {
      if (closedByUs || !self) return;
      rooms.delete(roomId);
      await request({ t: 'leave', room: roomId });
    },
    send(to: string, message: SignalMessage) {
      requireUsable();
      transmit(JSON.stringify({ t: 'send', to, msg: message }));
    },
    broadcast(roomId: string, message: SignalMessage) {
      requireUsable();
      transmit(JSON.stringify({ t: 'broadcast', room: roomId, msg: message }));
    },
    async report(report: BackendReport) {
      requireUsable();
      await request({ t: 'report', report });
    },
    async isOnline(userId) {
      requireUsable();
      const frame = await request({ t: 'online', user: userId });
      return frame.t === 'online' && frame.online;
    },
    on: (event, handler) => events.on(event, handler),
    close() {
      if (closedByUs) return;
      shutdown();
    },
  };
}
