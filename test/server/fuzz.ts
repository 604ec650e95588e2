/**
 * Fuzz: thousands of malformed and hostile frames from many connections, some cut off
 * mid-join. The server must answer each bad frame with a known code, never crash, and
 * leak no join: once everyone is gone, every room is empty and nobody is online.
 */
import assert from 'node:assert/strict';
import { ErrorCodes } from '../../src/core/errors.js';
import { connectAs, member, waitUntil, type Client, type Running } from './harness.js';

/** A small seeded PRNG (mulberry32) so a failure can be replayed with the same SEED. */
function prng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const ROOMS = Array.from({ length: 12 }, (_, i) => `fz-room-${i}`);
const USERS = Array.from({ length: 8 }, (_, i) => `fz-user-${i}`);

function generator(rand: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const weird = (): unknown => pick<() => unknown>([
    () => null, () => undefined, () => -1, () => 1e308, () => Number.MAX_SAFE_INTEGER + 2, () => '', () => 'x'.repeat(Math.floor(rand() * 3000)),
    () => '../../etc/passwd', () => 'a b', () => '\u0000\ud800', () => [], () => ({}), () => ({ __proto__: { polluted: true } }),
    () => JSON.parse('{"__proto__":{"polluted":true}}'), () => ({ constructor: { prototype: { polluted: true } } }), () => true, () => [[[[[]]]]],
  ])();
  const message = (): Record<string, unknown> => pick<() => Record<string, unknown>>([
    () => ({ type: 'ring', meetId: pick(ROOMS), kind: pick(['voice', 'video']), caller: member(pick(USERS)), conversationId: pick(['conv-1', 'conv-2']) }),
    () => ({ type: pick(['ring-accept', 'ring-decline', 'ring-cancel', 'ring-timeout', 'participant-left', 'end-for-all']), meetId: pick(ROOMS) }),
    () => ({ type: 'kind-changed', meetId: pick(ROOMS), kind: 'video' }),
    () => ({ type: 'media-state', meetId: pick(ROOMS), mic: rand() < 0.5, camera: rand() < 0.5, screen: false }),
    () => ({ type: 'signal', meetId: pick(ROOMS), epoch: Math.floor(rand() * 5), data: pick([{ type: 'offer', sdp: 'v=0' }, { type: 'candidate', candidate: { candidate: 'c' } }, { renegotiate: true }]) }),
  ])();
  const valid = (): Record<string, unknown> => pick<() => Record<string, unknown>>([
    () => ({ t: 'join', id: Math.floor(rand() * 1e6), room: pick(ROOMS), member: member(pick(USERS)) }),
    () => ({ t: 'leave', id: Math.floor(rand() * 1e6), room: pick(ROOMS) }),
    () => ({ t: 'send', to: pick(USERS), msg: message() }),
    () => ({ t: 'broadcast', room: pick(ROOMS), msg: message() }),
    () => ({ t: 'online', id: 1, user: pick(USERS) }),
    () => ({ t: 'report', id: 2, report: { type: 'follow-up', meetId: pick(ROOMS), conversationId: 'conv-1', calleeId: pick(USERS), reason: 'offline', link: 'https://x.example/?chat-meet=1' } }),
    () => ({ t: 'report', id: 3, report: { type: 'meet-started', meetId: pick(ROOMS), kind: 'voice', conversationId: pick(['conv-1', 'conv-9']), by: pick(USERS) } }),
  ])();
  /** Replaces, deletes or adds one field somewhere in the frame. */
  const mutate = (frame: Record<string, unknown>): Record<string, unknown> => {
    const target = rand() < 0.5 && typeof frame.msg === 'object' ? (frame.msg as Record<string, unknown>) : frame;
    const keys = Object.keys(target);
    const r = rand();
    if (r < 0.4 && keys.length) target[pick(keys)] = weird();
    else if (r < 0.7 && keys.length) delete target[pick(keys)];
    else target[pick(['t', 'type', 'id', 'room', 'to', 'extra', '__proto__'])] = weird();
    return frame;
  };
  return (): string | Buffer => {
    const r = rand();
    if (r < 0.3) return JSON.stringify(valid());
    if (r < 0.7) return JSON.stringify(mutate(valid())) ?? 'null';
    return pick<() => string | Buffer>([
      () => JSON.stringify(valid()).slice(0, Math.floor(rand() * 40)),
      () => Buffer.from(Array.from({ length: 64 }, () => Math.floor(rand() * 256))),
      () => '['.repeat(3000) + ']'.repeat(3000),
      () => JSON.stringify({ t: 'send', to: pick(USERS), msg: { type: 'signal', meetId: 'm', epoch: 0, data: { type: 'offer', sdp: 'x'.repeat(59_000) } } }),
      () => JSON.stringify({ t: 'join', id: 1, room: pick(ROOMS), member: { ...member('x'), name: 'n'.repeat(101) } }),
      () => JSON.stringify(weird()) ?? '',
      () => String(rand()),
      () => '{"t":"join","id":1,"room":"r","member":' + '{"a":'.repeat(500) + '1' + '}'.repeat(500) + '}',
    ])();
  };
}

/** Throws `total` frames at `run` from rotating connections, then checks nothing leaked. */
export async function fuzz(run: Running, total: number): Promise<void> {
  const rand = prng(SEED);
  const next = generator(rand);
  const known = new Set<string>(Object.values(ErrorCodes));
  let sent = 0;
  let cut = 0;
  const codes = new Map<string, number>();
  while (sent < total) {
    const clients: Client[] = [];
    for (let i = 0; i < 4; i += 1) clients.push(await connectAs(run, USERS[Math.floor(rand() * USERS.length)], { conversations: [rand() < 0.5 ? 'conv-1' : 'conv-2'], role: rand() < 0.5 ? 'customer' : 'manager' }));
    for (let i = 0; i < 300; i += 1) {
      const c = clients[i % clients.length];
      if (c.ws.readyState !== 1) continue;
      c.raw(next());
      sent += 1;
      // Now and then a socket dies right after asking to join: its place must not stay taken.
      if (rand() < 0.01) {
        c.send({ t: 'join', id: 9, room: ROOMS[Math.floor(rand() * ROOMS.length)], member: member('x') });
        c.ws.terminate();
        cut += 1;
      }
    }
    // A last request on each open socket: frames are answered in order, so once it is
    // answered every refusal for the frames before it has arrived.
    await Promise.all(clients.filter((c) => c.ws.readyState === 1).map((c) => c.request({ t: 'online', user: 'fz-marker' }).catch(() => undefined)));
    for (const c of clients) {
      for (const f of c.frames) if (f.t === 'error') codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
      c.close();
    }
    await Promise.all(clients.map((c) => c.closed));
  }
  for (const code of codes.keys()) assert.ok(known.has(code), `unknown error code ${code}`);
  assert.ok((codes.get('CM_INVALID_MESSAGE') ?? 0) > total * 0.05, `bad shapes are refused with CM_INVALID_MESSAGE (${JSON.stringify([...codes])})`);
  assert.ok((codes.get('CM_BAD_FRAME') ?? 0) > total * 0.005, 'bad JSON and binary are refused with CM_BAD_FRAME');
  assert.ok(cut > 10, 'some sockets were cut mid-join');
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution');

  // Nothing leaked: no connection, no room, nobody online, and every room empty for a newcomer.
  await waitUntil(() => run.server.stats().connections === 0 && run.server.stats().rooms === 0, 'every connection and room gone');
  const probe = await connectAs(run, 'fz-probe', { conversations: ['*'] });
  for (const user of USERS) assert.equal((await probe.request<{ online: boolean }>({ t: 'online', user })).online, false, `${user} still online`);
  for (const room of ROOMS) {
    const joined = await probe.request<{ t: string; members?: unknown[]; code?: string }>({ t: 'join', room, member: member('fz-probe') });
    if (joined.t === 'joined') assert.deepEqual(joined.members, [], `${room} still has members`);
    else assert.equal(joined.code, 'CM_NOT_ALLOWED'); // more than 8 rooms on one connection
    await probe.request({ t: 'leave', room });
  }
  probe.close();
  const health = await (await fetch(`http://127.0.0.1:${run.port}/healthz`)).json();
  assert.equal(health.status, 'ok');
}
