// A web-test-runner plugin that runs live reference signaling servers (from the build,
// dist/server/index.js) for browser tests of the WebSocket adapter, and coturn when
// Debian's `turnserver` is installed. Browser tests reach it through GET routes:
//   /__signaling/config                 { url, restartUrl, turn: { urls } | null }
//   /__signaling/token?user=&role=&conversations=a,b   { token }
//   /__signaling/inject?to=&from=&raw=<json>           raw data to a user (validation tests)
//   /__signaling/reports                 follow-ups and reports the server received
//   /__signaling/restart                 drains the "restart" node and starts it again on its port
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const freePort = () =>
  new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej).listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });

async function startCoturn(secret) {
  const bin = ['/usr/bin/turnserver', '/usr/local/bin/turnserver'].find((p) => existsSync(p));
  if (!bin) return null;
  const port = await freePort();
  const min = 40000 + Math.floor(Math.random() * 20000);
  const child = spawn(bin, [
    '-n', '--listening-ip=127.0.0.1', `--listening-port=${port}`, '--relay-ip=127.0.0.1',
    `--min-port=${min}`, `--max-port=${min + 200}`, '--use-auth-secret', `--static-auth-secret=${secret}`,
    '--realm=chat-meet.test', '--allow-loopback-peers', '--no-cli', '--no-tls', '--no-dtls', '--fingerprint',
    '--log-file=stdout', '--simple-log', '--no-software-attribute',
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const up = await new Promise((res) => {
    const end = Date.now() + 5000;
    const poll = setInterval(() => {
      if (/listener opened|IO method|Total General servers/i.test(log) || Date.now() > end || child.exitCode !== null) {
        clearInterval(poll);
        res(child.exitCode === null);
      }
    }, 50);
  });
  if (!up) {
    console.warn(`[signaling plugin] coturn did not start:\n${log.slice(-2000)}`);
    child.kill();
    return null;
  }
  return { child, urls: [`turn:127.0.0.1:${port}?transport=udp`] };
}

export function signalingPlugin() {
  const state = { main: null, restart: null, restartPort: 0, coturn: null, mod: null, secret: randomBytes(32).toString('hex'), options: null };
  const json = (body) => ({ body: JSON.stringify(body), type: 'application/json', headers: { 'cache-control': 'no-store' } });
  const plugin = {
    name: 'chat-meet-signaling',
    // Started on the first /__signaling/ request, so runs without these tests pay nothing.
    async start() {
      const dist = resolve('dist/server/index.js');
      if (!existsSync(dist)) return console.warn('[signaling plugin] dist/server/index.js is missing: build first (npx rollup -c).');
      state.mod = await import(pathToFileURL(dist).href);
      const turnSecret = randomBytes(16).toString('hex');
      state.coturn = await startCoturn(turnSecret);
      state.options = { secret: state.secret, log: () => undefined, ringTimeoutMs: 20_000, ...(state.coturn ? { turn: { secret: turnSecret, urls: state.coturn.urls } } : {}) };
      state.main = await state.mod.createSignalingServer(state.options);
      state.mainPort = (await state.main.listen(0, '127.0.0.1')).port;
      state.restart = await state.mod.createSignalingServer({ ...state.options, drainMs: 500 });
      state.restartPort = (await state.restart.listen(0, '127.0.0.1')).port;
    },
    async serverStop() {
      await state.main?.close();
      await state.restart?.close();
      state.coturn?.child.kill();
    },
    async serve(context) {
      if (!context.path.startsWith('/__signaling/')) return undefined;
      state.starting ??= plugin.start();
      await state.starting;
      if (!state.main) return json({ error: 'no signaling server: build dist/server first' });
      const q = context.query ?? Object.fromEntries(new URL(context.url, 'http://x').searchParams);
      switch (context.path) {
        case '/__signaling/config':
          return json({ url: `ws://127.0.0.1:${state.mainPort}/`, restartUrl: `ws://127.0.0.1:${state.restartPort}/`, turn: state.coturn ? { urls: state.coturn.urls } : null });
        case '/__signaling/token': {
          const token = await state.mod.createToken({
            secret: state.secret, userId: q.user, name: q.name ?? q.user, role: q.role === 'customer' ? 'customer' : 'manager',
            conversations: (q.conversations ?? 'conv-1').split(','), expiresInSeconds: Number(q.ttl ?? 3600),
          });
          return json({ token });
        }
        case '/__signaling/inject':
          state.main.injectRaw(q.to, q.from, JSON.parse(q.raw));
          return json({ ok: true });
        case '/__signaling/reports':
          return json({ reports: state.main.reports(), followUps: state.main.followUps() });
        case '/__signaling/restart':
          await state.restart.drain();
          state.restart = await state.mod.createSignalingServer({ ...state.options, drainMs: 500 });
          await state.restart.listen(state.restartPort, '127.0.0.1');
          return json({ ok: true });
        default:
          return undefined;
      }
    },
  };
  return plugin;
}
