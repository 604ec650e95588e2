/**
 * `npm start` embeds the server in the demo's HTTP server (in-memory state) and acts as
 * the "host backend" a real integration has: it issues tokens (a real backend does this
 * after its own login) and shows the follow-ups the server recorded (R7).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { createToken } from './auth.js';
import { createSignalingServer, type SignalingServer } from './server.js';

const json = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));

/**
 * Adds the signaling server at `/signal` and the demo backend's routes to `http`:
 * `GET /api/token?user=&name=&role=&conversation=` and `GET /api/follow-ups`.
 * The token route is for the demo only: it hands a token to anyone who asks.
 */
export async function attachDemoServer(http: HttpServer, options: { secret?: string } = {}): Promise<SignalingServer> {
  const secret = options.secret ?? process.env.CHAT_MEET_SECRET ?? randomBytes(32).toString('hex');
  const signaling = await createSignalingServer({ secret, path: '/signal', ringTimeoutMs: 30_000, log: () => undefined });
  signaling.attach(http);
  const original = http.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  http.removeAllListeners('request');
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://demo');
    if (signaling.handleRequest(req, res)) return;
    if (url.pathname === '/api/follow-ups') return json(res, 200, signaling.followUps());
    if (url.pathname === '/api/token') {
      const q = url.searchParams;
      const role = q.get('role') === 'manager' ? 'manager' : 'customer';
      createToken({
        secret, userId: q.get('user') ?? '', name: q.get('name') ?? q.get('user') ?? '', role,
        conversations: role === 'manager' ? ['*'] : q.getAll('conversation'), teamRooms: role === 'manager' ? ['*'] : [],
      }).then((token) => json(res, 200, { token, url: '/signal' }), (e: Error & { code?: string }) => json(res, 400, { code: e.code, message: e.message }));
      return;
    }
    for (const listener of original) listener.call(http, req, res);
  });
  return signaling;
}
