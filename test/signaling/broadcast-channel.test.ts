// The BroadcastChannel adapter through the shared contract, plus what only it has: tabs
// that vanish without a goodbye, and the R3 race of two joins into a room of nine.
import { expect } from 'chai';
import { createBroadcastChannelAdapter, listenBroadcastReports } from '../../src/signaling/broadcast-channel.js';
import type { BackendReport, Member } from '../../src/signaling/protocol.js';
import { runAdapterContract } from './contract.js';

let seq = 0;
const channelName = () => `chat-meet-test-${Date.now().toString(36)}-${(seq += 1)}`;

runAdapterContract('broadcast-channel', () => {
  const channel = channelName();
  const reports: BackendReport[] = [];
  const stop = listenBroadcastReports((r) => reports.push(r), channel);
  const raw = new BroadcastChannel(channel);
  return {
    create: () => createBroadcastChannelAdapter({ channel, settleMs: 60 }),
    // Another script on the same origin could post anything on the channel.
    injectRaw: (to, from, msg) => raw.postMessage({ k: 'send', from, to, msg }),
    reports: () => reports,
    dispose: () => {
      stop();
      raw.close();
    },
  };
});

const member = (id: string): Member => ({ id, name: id, role: 'manager', audioOnly: false, mic: true, camera: false, screen: false });

describe('broadcast-channel adapter: without a server', function () {
  this.timeout(20_000);

  it('a tab that vanishes without a goodbye is forgotten after four missed heartbeats', async () => {
    const channel = channelName();
    const a = createBroadcastChannelAdapter({ channel, heartbeatMs: 100, settleMs: 30 });
    await a.connect({ id: 'a', name: 'A', role: 'manager' });
    const seen: string[] = [];
    a.on('presence', (p) => seen.push(`${p.userId}:${p.online}`));
    // A "tab" that says hello, joins a room and then goes silent (as a crashed tab would).
    const ghost = new BroadcastChannel(channel);
    ghost.postMessage({ k: 'hello', conn: 'c-ghost', user: 'ghost', rooms: [['room-1', { member: member('ghost'), at: Date.now() }]] });
    await new Promise((r) => setTimeout(r, 100));
    expect(await a.isOnline('ghost')).to.equal(true);
    expect(seen).to.deep.equal(['ghost:true']);
    await new Promise((r) => setTimeout(r, 700));
    expect(await a.isOnline('ghost')).to.equal(false);
    expect(seen).to.deep.equal(['ghost:true', 'ghost:false']);
    const snap = await a.join('room-1', member('a'));
    expect(snap.members).to.have.length(0);
    ghost.close();
    a.close();
  });

  it('R3: two tabs joining a room of nine at the same moment: exactly one gets in', async () => {
    const channel = channelName();
    const users = Array.from({ length: 11 }, (_, i) => createBroadcastChannelAdapter({ channel, settleMs: 80 }));
    for (const [i, u] of users.entries()) await u.connect({ id: `u${i}`, name: `U${i}`, role: 'manager' });
    for (const [i, u] of users.slice(0, 9).entries()) await u.join('room', member(`u${i}`));
    const results = await Promise.all(users.slice(9).map((u, i) => u.join('room', member(`u${9 + i}`)).then(() => 'in', (e: { code: string }) => e.code)));
    expect(results.sort()).to.deep.equal(['CM_ROOM_FULL', 'in']);
    users.forEach((u) => u.close());
  });

  it('an invalid report is refused with a code and never reaches the channel', async () => {
    const channel = channelName();
    const heard: BackendReport[] = [];
    const stop = listenBroadcastReports((r) => heard.push(r), channel);
    const onReport: BackendReport[] = [];
    const a = createBroadcastChannelAdapter({ channel, settleMs: 10, onReport: (r) => onReport.push(r) });
    await a.connect({ id: 'a', name: 'A', role: 'manager' });
    const code = await a.report({ type: 'follow-up' } as unknown as BackendReport).then(() => 'resolved', (e: { code: string }) => e.code);
    expect(code).to.equal('CM_INVALID_MESSAGE');
    await a.report({ type: 'meet-kind-changed', meetId: 'm1', kind: 'video' });
    await new Promise((r) => setTimeout(r, 50));
    expect(heard).to.deep.equal([{ type: 'meet-kind-changed', meetId: 'm1', kind: 'video' }]);
    expect(onReport).to.deep.equal(heard);
    stop();
    a.close();
  });
});
