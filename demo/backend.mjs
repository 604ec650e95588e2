// The demo's "host backend": what a shop's own server does in a real integration.
// It knows who is signed in and which conversations exist, issues chat-meet tokens with
// the reference server's createToken(), stores conversations (assignee, source, messages)
// and the channel setting, and turns the server's follow-ups (R7) into chat messages.
// In memory, for the demo only: anyone may act as anyone (there is no login).
// The same routes run in the browser under msw in the QA panel's "no backend" mode
// (demo/lib/mock-backend.js); both share demo/lib/backend-rules.js.
import { createDemoDatabase, routeBackend } from './lib/backend-rules.js';

/**
 * @param {{ createToken: (o: object) => Promise<string>, secret: string, followUps: () => any[] }} deps
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<boolean>}
 */
export function createHostBackend({ createToken, secret, followUps }) {
  const db = createDemoDatabase();
  const signalingFor = async (user, conversations, teamRooms) => ({
    url: '/signal',
    token: await createToken({ secret, userId: user.id, name: user.name, role: user.role, conversations, teamRooms, expiresInSeconds: 12 * 3600 }),
  });
  return async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://demo');
    if (!url.pathname.startsWith('/api/')) return false;
    const body = req.method === 'GET' ? null : await readJson(req);
    const answer = await routeBackend(db, { method: req.method ?? 'GET', url, body, signalingFor, followUps });
    if (!answer) return false;
    res.writeHead(answer.status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(answer.body));
    return true;
  };
}

function readJson(req) {
  return new Promise((resolve) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      text += chunk;
      if (text.length > 64_000) req.destroy();
    });
    req.on('end', () => {
      try {
        resolve(text ? JSON.parse(text) : {});
      } catch {
        resolve({ invalid: true });
      }
    });
  });
}
