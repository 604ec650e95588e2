import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import { after, afterEach, before, describe, it } from 'node:test';
import { connectAs, member, sleep, startServer, waitUntil, type Client, type Running } from './harness.js';

describe('server rooms, ringing and presence (one node)', () => {
  let run: Running;
  let webhook: ReturnType<typeof createServer>;
  const posted: unknown[] = [];
  let open: Client[] = [];
  before(async () => {
    webhook = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c) => (body += c)).on('end', () => {
        posted.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => webhook.listen(0, '127.0.0.1', () => r()));
    const port = (webhook.address() as { port: number }).port;
    run = await startServer({ webhookUrl: `http://127.0.0.1:${port}/hook`, });
  });
  after(async () => {
    await run.close();
    webhook.close();
  });
  afterEach(() => {
    for (const c of open) c.close();
    open = [];
  });
  const as = async (id: string, extra = {}) => {
    const c = await connectAs(run, id, extra);
    open.push(c);
    return c;
  };
  const ring = (meetId: string, caller: string, conversationId = 'conv-1') => ({ type: 'ring', meetId, kind: 'voice', caller: member(caller), conversationId });

  it('join answers the others, with the identity from the token; send and broadcast relay', async () => {
    const [a, b] = [await as('r1-a'), await as('r1-b', { role: 'customer', name: 'Bea' })];
    const first = await a.request({ t: 'join', room: 'room-1', member: member('r1-a') });
    assert.deepEqual(first, { t: 'joined', id: (first as { id: number }).id, room: 'room-1', members: [] });
    // b claims to be someone else and a manager: the token wins.
    const second = await b.request<{ t: 'joined'; members: unknown[] }>({ t: 'join', room: 'room-1', member: { ...member('impostor'), role: 'manager' } });
    assert.deepEqual(second.members.map((m) => (m as { id: string }).id), ['r1-a']);
    const again = await a.request<{ t: 'joined'; members: { id: string; role: string; name: string }[] }>({ t: 'join', room: 'room-1', member: member('r1-a') });
    assert.deepEqual(again.members.map((m) => [m.id, m.role, m.name]), [['r1-b', 'customer', 'Bea']]);
    b.send({ t: 'broadcast', room: 'room-1', msg: { type: 'participant-left', meetId: 'room-1' } });
    assert.deepEqual(await a.next((f) => f.t === 'msg', 'broadcast'), { t: 'msg', from: 'r1-b', msg: { type: 'participant-left', meetId: 'room-1' } });
    a.send({ t: 'send', to: 'r1-b', msg: { type: 'media-state', meetId: 'room-1', mic: false, camera: true, screen: false } });
    assert.equal(((await b.next((f) => f.t === 'msg', 'send')) as { from: string }).from, 'r1-a');
  });

  it('R3: the 11th join is refused with CM_ROOM_FULL; a place frees on leave and on disconnect', async () => {
    const users: Client[] = [];
    for (let i = 0; i < 11; i += 1) users.push(await as(`r3-${i}`));
    for (const [i, u] of users.slice(0, 10).entries()) assert.equal((await u.request({ t: 'join', room: 'full', member: member(`r3-${i}`) })).t, 'joined');
    const refused = await users[10].request<{ t: string; code: string }>({ t: 'join', room: 'full', member: member('r3-10') });
    assert.equal(refused.t, 'error');
    assert.equal(refused.code, 'CM_ROOM_FULL');
    assert.equal((await users[0].request({ t: 'leave', room: 'full' })).t, 'ok');
    assert.equal((await users[10].request({ t: 'join', room: 'full', member: member('r3-10') })).t, 'joined');
    users[1].close();
    await waitUntil(async () => (await users[0].request<{ t: string }>({ t: 'join', room: 'full', member: member('r3-0') })).t === 'joined', 'a place after a disconnect');
  });

  it('R5: a ring reaches every connection of the callee; accepting on one stops the others', async () => {
    const caller = await as('r5-cust', { role: 'customer' });
    const [tab1, tab2] = [await as('r5-mgr'), await as('r5-mgr')];
    await caller.request({ t: 'join', room: 'm-r5', member: member('r5-cust') });
    caller.send({ t: 'send', to: 'r5-mgr', msg: ring('m-r5', 'r5-cust') });
    for (const tab of [tab1, tab2]) assert.equal(((await tab.next((f) => f.t === 'msg', 'ring')) as { msg: { type: string } }).msg.type, 'ring');
    tab1.send({ t: 'send', to: 'r5-cust', msg: { type: 'ring-accept', meetId: 'm-r5' } });
    assert.equal(((await caller.next((f) => f.t === 'msg', 'accept')) as { msg: { type: string } }).msg.type, 'ring-accept');
    assert.deepEqual(await tab2.next((f) => f.t === 'msg', 'cancel at the other tab'), { t: 'msg', from: 'r5-cust', msg: { type: 'ring-cancel', meetId: 'm-r5' } });
    await sleep(50);
    assert.equal(tab1.frames.filter((f) => f.t === 'msg').length, 0);
  });

  it('R10: the server times out a ring whose caller went silent, and cancels when the caller leaves', async () => {
    const short = await startServer({ ringTimeoutMs: 1000, ringGraceMs: 0 });
    try {
      const caller = await connectAs(short, 'r10-c', { role: 'customer' });
      const callee = await connectAs(short, 'r10-m');
      await caller.request({ t: 'join', room: 'm-r10', member: member('r10-c') });
      caller.send({ t: 'send', to: 'r10-m', msg: ring('m-r10', 'r10-c') });
      await callee.next((f) => f.t === 'msg' && (f.msg as { type: string }).type === 'ring', 'ring');
      assert.deepEqual(await callee.next((f) => f.t === 'msg', 'timeout', 3000), { t: 'msg', from: 'r10-c', msg: { type: 'ring-timeout', meetId: 'm-r10' } });
      caller.send({ t: 'send', to: 'r10-m', msg: ring('m-r10', 'r10-c') });
      await callee.next((f) => f.t === 'msg' && (f.msg as { type: string }).type === 'ring', 'second ring');
      caller.close();
      const cancel = await callee.next((f) => f.t === 'msg', 'cancel after the caller left', 3000);
      assert.deepEqual((cancel as { msg: unknown }).msg, { type: 'ring-cancel', meetId: 'm-r10' });
      callee.close();
    } finally {
      await short.close();
    }
  });

  it('R10 bookkeeping is bounded: at most 50 unanswered rings per connection', async () => {
    const caller = await as('many-rings');
    for (let i = 0; i < 51; i += 1) caller.send({ t: 'send', to: `nobody-${i}`, msg: ring(`m-many-${i}`, 'many-rings') });
    const refused = await caller.next((f) => f.t === 'error', 'the 51st refused');
    assert.equal((refused as { code: string }).code, 'CM_RATE_LIMITED');
    // Cancelling one frees a place.
    caller.send({ t: 'send', to: 'nobody-0', msg: { type: 'ring-cancel', meetId: 'm-many-0' } });
    caller.send({ t: 'send', to: 'nobody-51', msg: ring('m-many-51', 'many-rings') });
    assert.equal((await caller.request<{ t: string }>({ t: 'online', user: 'x' })).t, 'online');
    assert.equal(caller.frames.filter((f) => f.t === 'error').length, 0);
  });

  it('a token for another conversation cannot ring it nor join its meet', async () => {
    const owner = await as('own-c', { role: 'customer', conversations: ['conv-1'] });
    const stranger = await as('str-c', { role: 'customer', conversations: ['conv-2'] });
    const mgr = await as('own-m', { conversations: ['*'] });
    await owner.request({ t: 'join', room: 'm-bound', member: member('own-c') });
    assert.equal((await owner.request({ t: 'report', report: { type: 'meet-started', meetId: 'm-bound', kind: 'voice', conversationId: 'conv-1', by: 'own-c' } })).t, 'ok');
    const joinAttempt = await stranger.request<{ code: string }>({ t: 'join', room: 'm-bound', member: member('str-c') });
    assert.equal(joinAttempt.code, 'CM_NOT_ALLOWED');
    await stranger.request({ t: 'join', room: 'm-str', member: member('str-c') });
    stranger.send({ t: 'send', to: 'own-m', msg: ring('m-str', 'str-c', 'conv-1') });
    assert.equal(((await stranger.next((f) => f.t === 'error', 'refusal')) as { code: string }).code, 'CM_NOT_ALLOWED');
    // and it cannot hijack the bound meet by ringing it under its own conversation
    const spoof = await stranger.request<{ code: string }>({ t: 'report', report: { type: 'meet-started', meetId: 'm-bound', kind: 'voice', conversationId: 'conv-1', by: 'str-c' } });
    assert.equal(spoof.code, 'CM_NOT_ALLOWED');
    await sleep(50);
    assert.equal(mgr.frames.filter((f) => f.t === 'msg').length, 0);
  });

  it('presence: users who share a conversation see each other come and go; others see nothing', async () => {
    const mgr = await as('p-mgr', { conversations: ['*'] });
    const c1 = await as('p-c1', { role: 'customer', conversations: ['conv-p1'] });
    assert.deepEqual(await mgr.next((f) => f.t === 'presence' && f.user === 'p-c1', 'c1 online'), { t: 'presence', user: 'p-c1', online: true });
    const c2 = await as('p-c2', { role: 'customer', conversations: ['conv-p2'] });
    await mgr.next((f) => f.t === 'presence' && f.user === 'p-c2', 'c2 online');
    assert.equal((await c1.request<{ online: boolean }>({ t: 'online', user: 'p-mgr' })).online, true);
    assert.equal((await c1.request<{ online: boolean }>({ t: 'online', user: 'p-c2' })).online, false, 'no presence across conversations');
    // Messages do not cross conversations either (dropped silently: no oracle for who is online).
    c1.send({ t: 'send', to: 'p-c2', msg: { type: 'participant-left', meetId: 'x' } });
    c1.send({ t: 'send', to: 'p-mgr', msg: { type: 'participant-left', meetId: 'y' } });
    await mgr.next((f) => f.t === 'msg', 'the manager gets it');
    assert.equal(c2.frames.filter((f) => f.t === 'msg').length, 0);
    c2.close();
    assert.deepEqual(await mgr.next((f) => f.t === 'presence' && f.user === 'p-c2', 'c2 offline'), { t: 'presence', user: 'p-c2', online: false });
    await sleep(50);
    assert.equal(c1.frames.filter((f) => f.t === 'presence' && f.user === 'p-c2').length, 0);
  });

  it('presence: a user with two connections (different tokens) is online to the people of both, whichever connected last', async () => {
    const c1 = await as('m2-cust', { role: 'customer', conversations: ['conv-m2'] });
    const desk = await as('m2-mgr', { conversations: ['conv-m2'] });
    const team = await as('m2-mgr', { conversations: [], teamRooms: ['team-m2'] });
    const peer = await as('m2-other', { conversations: [], teamRooms: ['team-m2'] });
    assert.equal((await c1.request<{ online: boolean }>({ t: 'online', user: 'm2-mgr' })).online, true, 'the customer sees the desk connection');
    assert.equal((await peer.request<{ online: boolean }>({ t: 'online', user: 'm2-mgr' })).online, true, 'the team sees the team connection');
    team.close();
    await team.closed;
    await waitUntil(async () => !(await peer.request<{ online: boolean }>({ t: 'online', user: 'm2-mgr' })).online, 'the team no longer sees the manager');
    assert.equal((await c1.request<{ online: boolean }>({ t: 'online', user: 'm2-mgr' })).online, true, 'the customer still does');
    desk.close();
  });

  it('R7: a follow-up is POSTed to the webhook and kept for the demo', async () => {
    const c = await as('f-c', { role: 'customer' });
    const report = { type: 'follow-up', meetId: 'm-f', conversationId: 'conv-1', calleeId: 'f-m', reason: 'offline', link: 'https://shop.example/help?chat-meet=m-f' };
    assert.equal((await c.request({ t: 'report', report })).t, 'ok');
    await waitUntil(() => posted.length === 1, 'webhook POST');
    assert.deepEqual({ ...(posted[0] as object), at: undefined }, { type: 'follow-up', conversation: 'conv-1', callee: 'f-m', link: report.link, meetId: 'm-f', reason: 'offline', from: 'f-c', at: undefined });
    await waitUntil(() => run.server.followUps()[0]?.delivery === 'sent', 'delivery recorded');
    assert.equal(run.server.followUps()[0].calleeId, 'f-m');
  });

  it('R11: only a manager ends a meet for everyone', async () => {
    const [cust, mgr] = [await as('e-c', { role: 'customer' }), await as('e-m')];
    for (const [u, id] of [[cust, 'e-c'], [mgr, 'e-m']] as const) await u.request({ t: 'join', room: 'm-end', member: member(id) });
    cust.send({ t: 'broadcast', room: 'm-end', msg: { type: 'end-for-all', meetId: 'm-end' } });
    assert.equal(((await cust.next((f) => f.t === 'error', 'refusal')) as { code: string }).code, 'CM_NOT_ALLOWED');
    mgr.send({ t: 'broadcast', room: 'm-end', msg: { type: 'end-for-all', meetId: 'm-end' } });
    assert.deepEqual(await cust.next((f) => f.t === 'msg', 'end'), { t: 'msg', from: 'e-m', msg: { type: 'end-for-all', meetId: 'm-end' } });
    assert.equal(mgr.frames.filter((f) => f.t === 'msg').length, 0);
  });

  it('R4: the meet kind is kept (voice from the ring, video once changed) and given to later joiners', async () => {
    const [a, b, c] = [await as('k-a'), await as('k-b'), await as('k-c')];
    await a.request({ t: 'join', room: 'm-kind', member: member('k-a') });
    a.send({ t: 'send', to: 'k-b', msg: { ...ring('m-kind', 'k-a'), kind: 'voice' } });
    await b.next((f) => f.t === 'msg', 'ring');
    assert.equal((await b.request<{ kind?: string }>({ t: 'join', room: 'm-kind', member: member('k-b') })).kind, 'voice');
    a.send({ t: 'broadcast', room: 'm-kind', msg: { type: 'kind-changed', meetId: 'm-kind', kind: 'video' } });
    await b.next((f) => f.t === 'msg', 'kind-changed');
    assert.equal((await c.request<{ kind?: string }>({ t: 'join', room: 'm-kind', member: member('k-c') })).kind, 'video');
  });
});
