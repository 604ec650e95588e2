/** Starts real signaling servers on 127.0.0.1 and drives them with real `ws` clients. */
import { WebSocket } from 'ws';
import { createToken, type CreateTokenOptions } from '../../src/server/auth.js';
import { createSignalingServer, type SignalingServer, type SignalingServerOptions } from '../../src/server/server.js';
import type { ServerFrame } from '../../src/signaling/protocol.js';

export const SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

export interface Running {
  server: SignalingServer;
  port: number;
  url: string;
  token(userId: string, extra?: Partial<CreateTokenOptions>): Promise<string>;
  close(): Promise<void>;
}

export async function startServer(options: Partial<SignalingServerOptions> = {}): Promise<Running> {
  const server = await createSignalingServer({ secret: SECRET, log: () => undefined, ...options });
  const { port } = await server.listen(0, '127.0.0.1');
  return {
    server, port, url: `ws://127.0.0.1:${port}/`,
    token: (userId, extra = {}) => createToken({ secret: SECRET, userId, name: `Name ${userId}`, role: 'manager', conversations: ['conv-1'], ...extra }),
    close: () => server.close(),
  };
}

/** A test client: every frame it receives is kept; `next` waits for one that matches. */
export interface Client {
  ws: WebSocket;
  frames: ServerFrame[];
  closed: Promise<{ code: number; reason: string }>;
  send(frame: unknown): void;
  raw(data: string | Buffer): void;
  next(match: (f: ServerFrame) => boolean, what: string, timeoutMs?: number): Promise<ServerFrame>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  request<T = any>(frame: Record<string, unknown>): Promise<T>;
  close(): void;
}

let reqSeq = 1;

export function openClient(url: string, options: { origin?: string; autoPong?: boolean } = {}): Promise<Client> {
  const ws = new WebSocket(url, { origin: options.origin, autoPong: options.autoPong ?? true });
  const frames: ServerFrame[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    frames.push(JSON.parse(String(data)));
    for (const w of [...waiters]) w();
  });
  ws.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
  const client: Client = {
    ws, frames, closed,
    send: (frame) => ws.send(JSON.stringify(frame)),
    raw: (data) => ws.send(data),
    next(match, what, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const i = frames.findIndex(match);
          if (i < 0) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(frames.splice(i, 1)[0]);
          return true;
        };
        const give = (why: string) => {
          if (!waiters.has(check)) return;
          waiters.delete(check);
          clearTimeout(timer);
          reject(new Error(`${why} waiting for ${what}; got ${JSON.stringify(frames).slice(0, 500)}`));
        };
        const timer = setTimeout(() => give('timed out'), timeoutMs);
        if (check()) return;
        waiters.add(check);
        // A socket the server closed answers nothing more: fail now, not at the timeout.
        void closed.then(() => give('socket closed'));
      });
    },
    async request<T>(frame: Record<string, unknown>) {
      const id = reqSeq++;
      client.send({ ...frame, id });
      return (await client.next((f) => 'id' in f && f.id === id, `answer to ${frame.t}`)) as unknown as T;
    },
    close: () => ws.close(),
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(client));
    ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode })));
    ws.once('error', reject);
  });
}

/** Opens a client with a token for `userId` and waits for `hello`. */
export async function connectAs(run: Running, userId: string, extra: Partial<CreateTokenOptions> = {}): Promise<Client> {
  const client = await openClient(`${run.url}?token=${await run.token(userId, extra)}`);
  await client.next((f) => f.t === 'hello', 'hello');
  return client;
}

export const member = (id: string) => ({ id, name: `Name ${id}`, role: 'manager', audioOnly: false, mic: true, camera: false, screen: false });
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitUntil(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}
