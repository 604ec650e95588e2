// `npm run bench -- server`: the reference signaling server against a bare `ws` relay,
// measured in the same run (issue 4, point 8). Servers run in child processes so the
// load generator (this process) does not share their event loop.
//   relay       messages/s and latency, one node, auth + validation on, vs a bare relay
//   two nodes   sender on node A, receiver on node B, through a real redis-server
//   idle        concurrent idle connections held, memory per connection (server RSS)
// Run alone: `node scripts/bench-server.mjs` (needs `npx rollup -c` first).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { pathToFileURL } from 'node:url';
import { WebSocket } from 'ws';

const root = new URL('..', import.meta.url);
const dist = pathToFileURL(new URL('../dist/server/index.js', import.meta.url).pathname).href;
const SECRET = randomBytes(32).toString('hex');
const PAIRS = Number(process.env.BENCH_PAIRS ?? 10);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2000); // per pair, throughput run
const WINDOW = 20; // messages in flight per pair
const PINGS = Number(process.env.BENCH_PINGS ?? 500); // per pair, latency run (one in flight)
const IDLE = Number(process.env.BENCH_IDLE ?? 3000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const freePort = () => new Promise((res, rej) => {
  const s = createServer();
  s.once('error', rej).listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => res(port));
  });
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A child process running `code` (an ES module); resolves once it prints READY. */
function child(code, env = {}) {
  const proc = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      if (out.includes('READY')) resolve(proc);
    });
    proc.once('exit', (c) => reject(new Error(`child exited ${c}: ${out}`)));
  });
}

/** The baseline: a bare `ws` relay. Frame `{to, ...}` goes to the socket registered as `to`; no auth, no validation. */
const bareRelay = (port) => child(`
import { WebSocketServer } from 'ws';
const byId = new Map();
const wss = new WebSocketServer({ port: ${port}, host: '127.0.0.1', perMessageDeflate: false });
wss.on('connection', (ws, req) => {
  const id = new URL(req.url, 'http://x').searchParams.get('id');
  byId.set(id, ws);
  ws.on('error', () => {});
  ws.on('message', (data) => {
    const text = data.toString();
    const to = JSON.parse(text).to;
    byId.get(to)?.send(text);
  });
});
console.log('READY');
`);

/** The reference server, limits raised so the benchmark measures relaying, not the rate limiter. */
const signalingNode = (port, redisUrl = '') => child(`
import { createSignalingServer } from ${JSON.stringify(dist)};
const server = await createSignalingServer({ secret: ${JSON.stringify(SECRET)}, log: () => {}, rate: { perSecond: 1e6, burst: 1e6 }, userRatePerSecond: 1e9, ${redisUrl ? `redisUrl: ${JSON.stringify(redisUrl)},` : ''} });
await server.listen(${port}, '127.0.0.1');
process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
console.log('READY');
`);

/** Opens a socket; with `hello`, resolves only after the server's first frame (listened for from the start: it may come in the same packet as the upgrade). */
async function openSocket(url, hello = false) {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  const first = hello ? new Promise((res) => ws.once('message', res)) : null;
  await new Promise((res, rej) => ws.once('open', res).once('error', rej));
  await first;
  return ws;
}

/** One ICE candidate's worth of signal, the most common message in a meet. */
const signal = (seq, t) => ({ type: 'signal', meetId: 'bench-meet', epoch: 0, data: { type: 'candidate', candidate: { candidate: `candidate:842163049 1 udp 1677729535 192.0.2.10 5${String(seq % 10000).padStart(4, '0')} typ srflx raddr 0.0.0.0 rport 0 generation 0 ufrag sEMT network-cost 999`, sdpMid: '0', sdpMLineIndex: 0, usernameFragment: `t${t}` } } });

/**
 * Runs `pairs` sender→receiver pairs, each keeping `window` messages in flight until
 * `count` were delivered. Latency is receive time minus send time (same process clock).
 */
async function load(connect, { pairs, count, window }) {
  const latencies = [];
  const sockets = [];
  const start = performance.now();
  let resolveAll;
  const done = new Promise((r) => (resolveAll = r));
  let finished = 0;
  const setups = [];
  for (let p = 0; p < pairs; p += 1) setups.push((async () => {
    const { sender, receiver, frame } = await connect(p);
    sockets.push(sender, receiver);
    return { sender, receiver, frame };
  })());
  const ready = await Promise.all(setups);
  const t0 = performance.now();
  for (const { sender, receiver, frame } of ready) {
    let sent = 0;
    let got = 0;
    const sendOne = () => {
      sent += 1;
      sender.send(frame(sent, performance.now()));
    };
    receiver.on('message', (data) => {
      const text = data.toString();
      const i = text.indexOf('"usernameFragment":"t');
      if (i < 0) return; // presence and other frames are not the measured traffic
      latencies.push(performance.now() - Number(text.slice(i + 21, text.indexOf('"', i + 21))));
      got += 1;
      if (got === count) {
        finished += 1;
        if (finished === pairs) resolveAll();
      } else if (sent < count) sendOne();
    });
    for (let i = 0; i < Math.min(window, count); i += 1) sendOne();
  }
  const stalled = setInterval(() => process.stderr.write(`bench-server: still waiting, ${finished}/${pairs} pairs done, ${latencies.length} delivered\n`), 10_000);
  await done;
  clearInterval(stalled);
  const seconds = (performance.now() - t0) / 1000;
  for (const s of sockets) s.terminate();
  latencies.sort((a, b) => a - b);
  const q = (x) => latencies[Math.min(latencies.length - 1, Math.floor(x * latencies.length))];
  return { perSecond: (pairs * count) / seconds, p50: q(0.5), p99: q(0.99), setupMs: t0 - start };
}

let bareRun = 0;
const bareConnect = (port) => {
  bareRun += 1;
  const run = bareRun;
  return async (p) => {
    // Fresh ids per run, receiver first: nothing is ever sent to an id not yet registered.
    const receiver = await openSocket(`ws://127.0.0.1:${port}/?id=r${run}-${p}`);
    const sender = await openSocket(`ws://127.0.0.1:${port}/?id=s${run}-${p}`);
    await sleep(20);
    return { sender, receiver, frame: (seq, t) => JSON.stringify({ to: `r${run}-${p}`, msg: signal(seq, t) }) };
  };
};

async function signalingConnect(createToken, senderPort, receiverPort, p) {
  const tok = (id) => createToken({ secret: SECRET, userId: id, name: id, role: 'manager', conversations: ['bench'] });
  const receiver = await openSocket(`ws://127.0.0.1:${receiverPort}/?token=${await tok(`r${p}`)}`, true);
  const sender = await openSocket(`ws://127.0.0.1:${senderPort}/?token=${await tok(`s${p}`)}`, true);
  // Let presence settle so it does not count as relayed traffic.
  await sleep(50);
  receiver.removeAllListeners('message');
  return { sender, receiver, frame: (seq, t) => JSON.stringify({ t: 'send', to: `r${p}`, msg: signal(seq, t) }) };
}

async function startRedis() {
  if (spawnSync('sh', ['-c', 'command -v redis-server']).status !== 0) return null;
  const port = await freePort();
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await sleep(300);
  return { url: `redis://127.0.0.1:${port}`, proc };
}

async function rssOf(port) {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(/process_resident_memory_bytes (\d+)/.exec(text)[1]);
}

const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

export async function benchServer() {
  const { createToken } = await import(dist);
  const rows = [];
  const procs = [];
  try {
    const progress = (what) => process.stderr.write(`bench-server: ${what}\n`);
    // The baseline and each server kind run back to back in every round, so drift on the
    // shared machine hits all of them; ratios are taken within a round (paired), then the median.
    const barePort = await freePort();
    const nodePort = await freePort();
    procs.push(await bareRelay(barePort), await signalingNode(nodePort));
    const redis = await startRedis();
    let twoPorts = null;
    if (redis) {
      procs.push(redis.proc);
      twoPorts = [await freePort(), await freePort()];
      procs.push(await signalingNode(twoPorts[0], redis.url), await signalingNode(twoPorts[1], redis.url));
    }
    const kinds = [
      { label: 'bare `ws` relay (baseline)', connect: () => bareConnect(barePort) },
      { label: 'reference server, one node (auth, validation, rate limit on)', connect: (base) => (p) => signalingConnect(createToken, nodePort, nodePort, p + base) },
      ...(twoPorts ? [{ label: 'reference server, two nodes via Redis (sender on A, receiver on B)', connect: (base) => (p) => signalingConnect(createToken, twoPorts[0], twoPorts[1], p + base) }] : []),
    ].map((k) => ({ ...k, rates: [], ratios: [], p50: [], p99: [] }));
    let base = 0;
    // Warm-up (not recorded): JIT, connection paths and Redis subscriptions of every kind.
    for (const kind of kinds) await load(kind.connect((base += 100)), { pairs: PAIRS, count: 500, window: WINDOW });
    for (let round = 0; round < ROUNDS; round += 1) {
      progress(`round ${round + 1}/${ROUNDS}`);
      let bareRate = 0;
      for (const kind of kinds) {
        const tp = await load(kind.connect((base += 100)), { pairs: PAIRS, count: MESSAGES, window: WINDOW });
        const lat = await load(kind.connect((base += 100)), { pairs: 4, count: PINGS, window: 1 });
        if (!bareRate) bareRate = tp.perSecond;
        kind.rates.push(tp.perSecond);
        kind.ratios.push(tp.perSecond / bareRate);
        kind.p50.push(lat.p50);
        kind.p99.push(lat.p99);
      }
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    for (const k of kinds) rows.push([k.label, median(k.rates), median(k.p50), median(k.p99), median(k.ratios), Math.min(...k.ratios), Math.max(...k.ratios)]);
    const twoNodes = twoPorts ? '' : 'redis-server not installed: two nodes not measured';

    // Idle connections and memory per connection.
    progress(`${IDLE} idle connections`);
    const idlePort = await freePort();
    const idleProc = await signalingNode(idlePort);
    procs.push(idleProc);
    await sleep(300);
    const before = await rssOf(idlePort);
    const idle = [];
    const token = await createToken({ secret: SECRET, userId: 'idle', name: 'idle', role: 'customer', conversations: ['idle'] });
    for (let i = 0; i < IDLE; i += 1) {
      idle.push(openSocket(`ws://127.0.0.1:${idlePort}/?token=${token}`));
      if (i % 200 === 199) await Promise.all(idle.slice(-200));
    }
    const sockets = await Promise.all(idle);
    await sleep(1000);
    const health = await (await fetch(`http://127.0.0.1:${idlePort}/healthz`)).json();
    const after = await rssOf(idlePort);
    for (const s of sockets) s.terminate();

    const oneNode = rows.find(([what]) => what.startsWith('reference server, one node'));
    const aim = !oneNode ? 'not measured' : oneNode[4] >= 0.8 ? `met (${fmt(oneNode[4], 2)})` : `not met in this run (${fmt(oneNode[4], 2)})`;
    const table = rows.map(([what, rate, p50, p99, ratio, lo, hi]) => `| ${what} | ${fmt(rate)} | ${fmt(p50, 2)} ms | ${fmt(p99, 2)} ms | ${fmt(ratio, 2)} (${fmt(lo, 2)}–${fmt(hi, 2)}) |`).join('\n');
    return `## Signaling server (\`npm run bench -- server\`)

scripts/bench-server.mjs, ${new Date().toISOString().slice(0, 10)}. Each server runs in its own Node process on
127.0.0.1; the load generator is another process. Throughput: ${PAIRS} sender→receiver pairs,
${fmt(MESSAGES)} ICE-candidate \`signal\` messages (~330 B) each, ${WINDOW} in flight per pair. Latency:
4 pairs, one message in flight, ${PINGS} each. ${ROUNDS} rounds; in each the baseline and every
server kind run back to back and the ratio is taken within the round; the table gives
medians over the rounds (ratio range in brackets). The machine is shared (2 cores, other
jobs running), so only the ratios mean much. A warm-up load of every kind runs first. The baseline is a bare \`ws\` relay (parse, look up, forward; no auth, no
validation). The reference server had its rate limits raised for this run (the default 50
frames/s per connection would otherwise be what is measured).

| what | messages/s | p50 | p99 | throughput ratio to bare relay |
| --- | ---: | ---: | ---: | ---: |
${table}
${twoNodes ? `\n${twoNodes}\n` : ''}
Aim (issue 4): one node ≥ 0.8 of the bare relay — ${aim}. Per message the reference server does
what the bare relay skips: per-connection and per-user rate limits, validation against the
protocol's schemas (valibot), frames of one connection handled in order (a promise chain, for
the async Redis store), the scope check on delivery (no oracle for who is online), metrics.

Idle connections: ${fmt(health.connections)} authenticated WebSocket connections held open on one
node (one user, so no presence fan-out); server RSS ${fmt(before / 2 ** 20, 1)} MiB before, ${fmt(after / 2 ** 20, 1)} MiB with them:
**${fmt((after - before) / health.connections / 1024, 1)} KiB per idle connection** (RSS, so it includes
the allocator's slack).
`;
  } finally {
    for (const p of procs) p.kill('SIGKILL');
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await benchServer());
}
