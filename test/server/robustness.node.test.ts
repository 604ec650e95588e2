import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { createSignalingServer } from '../../src/server/server.js';
import { connectAs, member, openClient, SECRET, sleep, startServer, waitUntil, type Running } from './harness.js';

describe('server robustness: limits, validation, heartbeat, health, drain', () => {
  let run: Running;
  before(async () => { run = await startServer({ rate: { perSecond: 20, burst: 30 }, heartbeatMs: 200 }); });
  after(() => run.close());

  it('a frame over 64 KiB closes that socket with 1009; the server keeps serving', async () => {
    const big = await connectAs(run, 'big');
    big.raw(JSON.stringify({ t: 'online', id: 1, user: 'x'.repeat(70 * 1024) }));
    assert.equal((await big.closed).code, 1009);
    const next = await connectAs(run, 'after-big');
    assert.equal((await next.request<{ t: string }>({ t: 'online', user: 'big' })).t, 'online');
    next.close();
  });

  it('bad frames get coded errors: CM_BAD_FRAME for non-JSON and binary, CM_INVALID_MESSAGE with the id for bad shapes', async () => {
    const c = await connectAs(run, 'bad');
    c.raw('{not json');
    assert.equal(((await c.next((f) => f.t === 'error', 'json error')) as { code: string }).code, 'CM_BAD_FRAME');
    c.raw(Buffer.from([1, 2, 3]));
    assert.equal(((await c.next((f) => f.t === 'error', 'binary error')) as { code: string }).code, 'CM_BAD_FRAME');
    const bad = await c.request<{ t: string; code: string; message: string }>({ t: 'join', room: 'r', member: { id: 'bad' } });
    assert.equal(bad.code, 'CM_INVALID_MESSAGE');
    assert.match(bad.message, /member/);
    c.send({ t: 'broadcast', room: 'never-joined', msg: { type: 'participant-left', meetId: 'never-joined' } });
    assert.equal(((await c.next((f) => f.t === 'error', 'not in room')) as { code: string }).code, 'CM_NOT_IN_ROOM');
    c.close();
  });

  it('token bucket: a flood gets CM_RATE_LIMITED, and an abusive connection is closed (1008)', async () => {
    const c = await connectAs(run, 'flood');
    for (let i = 0; i < 100; i += 1) c.send({ t: 'online', id: 1000 + i, user: 'nobody' });
    const closed = await c.closed;
    assert.equal(closed.code, 1008);
    assert.ok(c.frames.some((f) => f.t === 'error' && f.code === 'CM_RATE_LIMITED'));
    // Never more answers than the burst allows (a few refills at most while the flood runs).
    const answered = c.frames.filter((f) => f.t === 'online').length;
    assert.ok(answered <= 35, `at most about the burst answered, got ${answered}`);
  });

  it('per-user limit: frames from all of a user\'s connections add up', async () => {
    const node = await startServer({ userRatePerSecond: 20 });
    try {
      const [tab1, tab2] = [await connectAs(node, 'busy'), await connectAs(node, 'busy')];
      // 2 × 15 frames: each connection is far under its own bucket, the user is over 20/s.
      for (let i = 0; i < 15; i += 1) for (const tab of [tab1, tab2]) tab.send({ t: 'online', id: i, user: 'x' });
      const limited = () => [tab1, tab2].some((t) => t.frames.some((f) => f.t === 'error' && f.code === 'CM_RATE_LIMITED'));
      const end = Date.now() + 3000;
      while (!limited() && Date.now() < end) {
        tab1.send({ t: 'online', id: 99, user: 'x' });
        await sleep(100);
      }
      assert.ok(limited(), 'the user was throttled');
      const other = await connectAs(node, 'calm');
      assert.equal((await other.request<{ t: string }>({ t: 'online', user: 'x' })).t, 'online', 'other users are not');
      for (const c of [tab1, tab2, other]) c.close();
    } finally {
      await node.close();
    }
  });

  it('heartbeat: a socket that never answers pings is dropped', async () => {
    const silent = await openClient(`${run.url}?token=${await run.token('silent')}`, { autoPong: false });
    const alive = await connectAs(run, 'alive');
    const closed = await Promise.race([silent.closed, sleep(3000).then(() => null)]);
    assert.ok(closed, 'the silent socket was dropped');
    assert.equal(alive.ws.readyState, 1, 'a socket that answers stays');
    alive.close();
  });

  it('/healthz and /metrics', async () => {
    const c = await connectAs(run, 'metered');
    await c.request({ t: 'join', room: 'metered-room', member: member('metered') });
    const health = await (await fetch(`http://127.0.0.1:${run.port}/healthz`)).json();
    assert.equal(health.status, 'ok');
    assert.ok(health.connections >= 1 && health.rooms >= 1);
    const text = await (await fetch(`http://127.0.0.1:${run.port}/metrics`)).text();
    for (const name of ['chat_meet_connections', 'chat_meet_rooms', 'chat_meet_messages_received_total', 'chat_meet_messages_relayed_total', 'chat_meet_rejects_total{code="CM_RATE_LIMITED"}', 'chat_meet_rejects_total{code="CM_BAD_FRAME"}']) {
      assert.ok(text.includes(name), name);
    }
    c.close();
  });

  it('drain: clients are told to reconnect (drain frame, close 1012), new upgrades get 503, presence is cleared', async () => {
    const node = await startServer({ drainMs: 1000 });
    const [a, b] = [await connectAs(node, 'dr-a'), await connectAs(node, 'dr-b')];
    await a.request({ t: 'join', room: 'dr', member: member('dr-a') });
    const draining = node.server.drain();
    await assert.rejects(connectAs(node, 'dr-late'), 'no new connection while draining');
    assert.deepEqual(await a.next((f) => f.t === 'drain', 'drain frame'), { t: 'drain', retryMs: 250 });
    assert.equal((await a.closed).code, 1012);
    assert.equal((await b.closed).code, 1012);
    await draining;
    assert.deepEqual(node.server.stats(), { connections: 0, users: 0, rooms: 0, draining: true });
  });

  it('the CLI starts from flags and env, answers /healthz, and exits 0 on SIGTERM after draining', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', '--port', '0', '--host', '127.0.0.1', '--origins', 'https://a.example'], {
      env: { ...process.env, CHAT_MEET_SECRET: SECRET }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    await waitUntil(() => /listening on 127\.0\.0\.1:(\d+)/.test(out), 'the listening line', 20_000);
    const port = Number(/listening on 127\.0\.0\.1:(\d+)/.exec(out)![1]);
    assert.equal((await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).status, 'ok');
    const client = await openClient(`ws://127.0.0.1:${port}/?token=${await run.token('cli-user')}`, { origin: 'https://a.example' });
    await client.next((f) => f.t === 'hello', 'hello from the CLI server');
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.kill('SIGTERM');
    await client.next((f) => f.t === 'drain', 'drain');
    assert.equal(await exited, 0);
  });

  it('createSignalingServer refuses a ring timeout that is not whole milliseconds of at least 1000 (NaN would time every ring out at once)', async () => {
    for (const ringTimeoutMs of [Number.NaN, 500, 1500.5, '3000' as unknown as number]) {
      await assert.rejects(createSignalingServer({ secret: SECRET, ringTimeoutMs }), (e: { code?: string; message?: string }) => e.code === 'CM_INVALID_OPTIONS' && /ringTimeoutMs/.test(e.message ?? ''));
    }
    for (const ringGraceMs of [-1, Number.NaN, 0.5]) {
      await assert.rejects(createSignalingServer({ secret: SECRET, ringGraceMs }), (e: { code?: string; message?: string }) => e.code === 'CM_INVALID_OPTIONS' && /ringGraceMs/.test(e.message ?? ''));
    }
  });

  it('the CLI refuses to start without a secret, with a message that says what to do', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', '--port', '0'], { env: { ...process.env, CHAT_MEET_SECRET: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    assert.equal(code, 1);
    assert.match(err, /CM_INVALID_OPTIONS: .*--secret/);
  });
});
