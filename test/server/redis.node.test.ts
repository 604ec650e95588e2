/**
 * Many nodes as one: two servers on one real redis-server. In-process nodes for the
 * rules across nodes, then two CLI processes where one is killed and its clients (the
 * WebSocket adapter, in Node) reconnect to the other and resume their room.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { WebSocket } from 'ws';
import { createRedisStore } from '../../src/server/redis-store.js';
import type { SignalMessage } from '../../src/signaling/protocol.js';
import { createWebSocketAdapter } from '../../src/signaling/websocket.js';
import { connectAs, member, SECRET, sleep, startServer, waitUntil, type Client, type Running } from './harness.js';
import { freePort, hasRedis, startRedis, type RunningRedis } from './redis-harness.js';

const skip = hasRedis ? false : 'redis-server is not installed (.ci/run installs it)';

describe('two nodes on one Redis act as one', { skip }, () => {
  let redis: RunningRedis;
  let n1: Running;
  let n2: Running;
  const open: Client[] = [];
  before(async () => {
    redis = await startRedis();
    n1 = await startServer({ redisUrl: redis.url, nodeId: 'n1', ringTimeoutMs: 1000, ringGraceMs: 0 });
    n2 = await startServer({ redisUrl: redis.url, nodeId: 'n2', ringTimeoutMs: 1000, ringGraceMs: 0 });
  });
  after(async () => {
    for (const c of open) c.close();
    await n1?.close();
    await n2?.close();
    await redis?.stop();
  });
  const on = async (node: Running, id: string, extra = {}) => {
    const c = await connectAs(node, id, extra);
    open.push(c);
    return c;
  };
  const msgs = (c: Client) => c.frames.filter((f) => f.t === 'msg').map((f) => (f as { msg: SignalMessage }).msg);

  it('presence and isOnline across nodes', async () => {
    const a = await on(n1, 'x-a');
    const b = await on(n2, 'x-b');
    assert.deepEqual(await a.next((f) => f.t === 'presence' && f.user === 'x-b', 'b online at a'), { t: 'presence', user: 'x-b', online: true });
    assert.equal((await a.request<{ online: boolean }>({ t: 'online', user: 'x-b' })).online, true);
    assert.equal((await b.request<{ online: boolean }>({ t: 'online', user: 'x-a' })).online, true);
    b.close();
    assert.deepEqual(await a.next((f) => f.t === 'presence' && f.user === 'x-b', 'b offline at a'), { t: 'presence', user: 'x-b', online: false });
    assert.equal((await a.request<{ online: boolean }>({ t: 'online', user: 'x-b' })).online, false);
  });

  it('presence across nodes: a user connected on both nodes with different tokens is online to the people of both', async () => {
    const cust = await on(n1, 'mz-cust', { role: 'customer', conversations: ['conv-mz'] });
    const peer = await on(n2, 'mz-other', { conversations: [], teamRooms: ['team-mz'] });
    const desk = await on(n1, 'mz-mgr', { conversations: ['conv-mz'] });
    const team = await on(n2, 'mz-mgr', { conversations: [], teamRooms: ['team-mz'] });
    assert.equal((await cust.request<{ online: boolean }>({ t: 'online', user: 'mz-mgr' })).online, true);
    assert.equal((await peer.request<{ online: boolean }>({ t: 'online', user: 'mz-mgr' })).online, true);
    team.close();
    await waitUntil(async () => !(await peer.request<{ online: boolean }>({ t: 'online', user: 'mz-mgr' })).online, 'the team no longer sees the manager');
    assert.equal((await cust.request<{ online: boolean }>({ t: 'online', user: 'mz-mgr' })).online, true);
    desk.close();
  });

  it('R5 across nodes: a ring reaches the callee on both nodes; accepting on one cancels the other', async () => {
    const caller = await on(n1, 'y-cust', { role: 'customer' });
    const tab1 = await on(n1, 'y-mgr');
    const tab2 = await on(n2, 'y-mgr');
    await caller.request({ t: 'join', room: 'y-meet', member: member('y-cust') });
    caller.send({ t: 'send', to: 'y-mgr', msg: { type: 'ring', meetId: 'y-meet', kind: 'video', caller: member('y-cust'), conversationId: 'conv-1' } });
    await tab1.next((f) => f.t === 'msg', 'ring on n1');
    await tab2.next((f) => f.t === 'msg', 'ring on n2');
    tab2.send({ t: 'send', to: 'y-cust', msg: { type: 'ring-accept', meetId: 'y-meet' } });
    assert.deepEqual(await caller.next((f) => f.t === 'msg', 'accept at the caller'), { t: 'msg', from: 'y-mgr', msg: { type: 'ring-accept', meetId: 'y-meet' } });
    assert.deepEqual(await tab1.next((f) => f.t === 'msg', 'cancel at the other tab'), { t: 'msg', from: 'y-cust', msg: { type: 'ring-cancel', meetId: 'y-meet' } });
    await sleep(100);
    assert.equal(msgs(tab2).length, 0, 'the answering tab gets no cancel');
  });

  it('rooms across nodes: R3 capacity, broadcast, R4 kind, R11', async () => {
    const users: Client[] = [];
    for (let i = 0; i < 11; i += 1) users.push(await on(i % 2 ? n2 : n1, `z-${i}`, { role: i === 0 ? 'manager' : 'customer' }));
    for (let i = 0; i < 10; i += 1) assert.equal((await users[i].request({ t: 'join', room: 'z-room', member: member(`z-${i}`) })).t, 'joined');
    const full = await users[10].request<{ code: string }>({ t: 'join', room: 'z-room', member: member('z-10') });
    assert.equal(full.code, 'CM_ROOM_FULL');
    users[1].send({ t: 'broadcast', room: 'z-room', msg: { type: 'kind-changed', meetId: 'z-room', kind: 'video' } });
    for (let i = 0; i < 10; i += 1) if (i !== 1) await users[i].next((f) => f.t === 'msg', `kind-changed at z-${i}`);
    users[3].send({ t: 'broadcast', room: 'z-room', msg: { type: 'end-for-all', meetId: 'z-room' } });
    assert.equal(((await users[3].next((f) => f.t === 'error', 'R11 refusal')) as { code: string }).code, 'CM_NOT_ALLOWED');
    await users[2].request({ t: 'leave', room: 'z-room' });
    const late = await users[10].request<{ t: string; kind: string; members: unknown[] }>({ t: 'join', room: 'z-room', member: member('z-10') });
    assert.equal(late.t, 'joined');
    assert.equal(late.kind, 'video');
    assert.equal(late.members.length, 9);
  });

  it('R10 across nodes: the caller\'s node cancels the ring on the callee\'s node when the caller drops', async () => {
    const caller = await on(n1, 'w-cust', { role: 'customer' });
    const callee = await on(n2, 'w-mgr');
    caller.send({ t: 'send', to: 'w-mgr', msg: { type: 'ring', meetId: 'w-meet', kind: 'voice', caller: member('w-cust'), conversationId: 'conv-1' } });
    await callee.next((f) => f.t === 'msg', 'ring');
    caller.close();
    assert.deepEqual(await callee.next((f) => f.t === 'msg', 'cancel'), { t: 'msg', from: 'w-cust', msg: { type: 'ring-cancel', meetId: 'w-meet' } });
  });

  it('per-user rate across nodes: counts from two nodes add up', async () => {
    const [s1, s2] = [await createRedisStore(redis.url, 'rate-1'), await createRedisStore(redis.url, 'rate-2')];
    try {
      assert.equal(await s1.countUser('r-user', 60, 100), true);
      assert.equal(await s2.countUser('r-user', 60, 100), false);
    } finally {
      await s1.close();
      await s2.close();
    }
  });

  it('/healthz answers 503 while Redis is unreachable (so a load balancer stops sending users here)', async () => {
    assert.equal((await (await fetch(`http://127.0.0.1:${n1.port}/healthz`)).json()).status, 'ok');
    await redis.stop();
    await waitUntil(async () => (await fetch(`http://127.0.0.1:${n1.port}/healthz`)).status === 503, '503 from /healthz');
    assert.equal((await (await fetch(`http://127.0.0.1:${n1.port}/healthz`)).json()).status, 'store-unreachable');
  });
});

describe('two server processes: a node dies, its clients reconnect to the other and resume', { skip }, () => {
  let redis: RunningRedis;
  const procs: ChildProcess[] = [];
  const startNode = async (nodeId: string) => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', '--port', String(port), '--host', '127.0.0.1', '--node-id', nodeId], {
      env: { ...process.env, CHAT_MEET_SECRET: SECRET, REDIS_URL: redis.url }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    procs.push(child);
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    await waitUntil(() => out.includes('listening on'), `${nodeId} listening`, 20_000);
    return { child, url: `ws://127.0.0.1:${port}/` };
  };
  before(async () => { redis = await startRedis(); });
  after(async () => {
    for (const p of procs) p.kill('SIGKILL');
    await redis?.stop();
  });

  it('SIGKILL one node: the adapter moves to the other node, rejoins its room, and messages flow again', async () => {
    const [a, b] = [await startNode('pa'), await startNode('pb')];
    const { createToken } = await import('../../src/server/auth.js');
    const adapter = (first: string, second: string) =>
      createWebSocketAdapter({ url: [first, second], WebSocket: WebSocket as never, backoff: { baseMs: 100, maxMs: 1000 }, getToken: (self) => createToken({ secret: SECRET, userId: self.id, name: self.name, role: self.role, conversations: ['conv-1'] }) });
    const mover = adapter(a.url, b.url);
    const stayer = adapter(b.url, a.url);
    const states: string[] = [];
    mover.on('state', (s) => states.push(s));
    const atStayer: SignalMessage[] = [];
    const atMover: SignalMessage[] = [];
    stayer.on('message', (m) => atStayer.push(m));
    mover.on('message', (m) => atMover.push(m));
    try {
      await mover.connect({ id: 'mv', name: 'Mover', role: 'manager' });
      await stayer.connect({ id: 'st', name: 'Stayer', role: 'manager' });
      await mover.join('k-room', member('mv') as never);
      await stayer.join('k-room', member('st') as never);
      mover.broadcast('k-room', { type: 'participant-left', meetId: 'before' });
      await waitUntil(() => atStayer.length === 1, 'a broadcast across processes');
      a.child.kill('SIGKILL');
      await waitUntil(() => states.includes('reconnecting'), 'the mover notices');
      mover.broadcast('k-room', { type: 'participant-left', meetId: 'held' });
      await waitUntil(() => states.filter((s) => s === 'open').length === 2, 'the mover is back, on the other node', 15_000);
      await waitUntil(() => atStayer.length === 2, 'the held broadcast after resume');
      assert.equal(atStayer[1].meetId, 'held');
      stayer.broadcast('k-room', { type: 'participant-left', meetId: 'after' });
      await waitUntil(() => atMover.some((m) => m.meetId === 'after'), 'the room reaches the mover on its new node');
      assert.equal(await stayer.isOnline('mv'), true);
    } finally {
      mover.close();
      stayer.close();
      b.child.kill('SIGTERM');
    }
  });

  it('SIGKILL a node: a live node sweeps its users and announces them offline', { timeout: 60_000 }, async () => {
    const [a, b] = [await startNode('sa'), await startNode('sb')];
    const { createToken } = await import('../../src/server/auth.js');
    const token = (userId: string) => createToken({ secret: SECRET, userId, name: userId, role: 'manager', conversations: ['conv-1'] });
    const { openClient } = await import('./harness.js');
    const watcher = await openClient(`${b.url}?token=${await token('watch')}`);
    const lone = await openClient(`${a.url}?token=${await token('lone')}`);
    await watcher.next((f) => f.t === 'presence' && f.user === 'lone' && f.online, 'lone online');
    a.child.kill('SIGKILL');
    // The dead node's heartbeat key lives 15 s; the next sweep (every 5 s) follows.
    assert.deepEqual(await watcher.next((f) => f.t === 'presence' && f.user === 'lone', 'lone offline', 40_000), { t: 'presence', user: 'lone', online: false });
    assert.equal((await watcher.request<{ online: boolean }>({ t: 'online', user: 'lone' })).online, false);
    watcher.close();
    lone.close();
    b.child.kill('SIGTERM');
  });
});
