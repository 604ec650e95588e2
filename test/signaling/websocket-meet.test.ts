/**
 * Meets through the WebSocket adapter and the real reference server, in Chromium with
 * fake devices: two clients with video both ways, R7 follow-up via the server, and a
 * connection through coturn with time-limited credentials the server handed out.
 */
import { expect } from 'chai';
import { createMeetClient } from '../../src/core/client.js';
import type { MeetClient } from '../../src/core/types.js';
import type { SignalMessage } from '../../src/signaling/protocol.js';
import { createWebSocketAdapter } from '../../src/signaling/websocket.js';
import { connectedTo, participant, videoFrames } from '../helpers/meet.js';
import { openPeerConnectionList } from '../helpers/spy.js';
import { waitFor } from '../helpers/wait.js';

interface Config { url: string; restartUrl: string; turn: { urls: string[] } | null }
const config = async (): Promise<Config> => (await fetch('/__signaling/config')).json();
const tokenFor = async (id: string, role: string, conversations: string): Promise<string> =>
  (await (await fetch(`/__signaling/token?user=${encodeURIComponent(id)}&role=${role}&conversations=${conversations}`)).json()).token;

describe('meets through the WebSocket adapter and the reference server', function () {
  this.timeout(40_000);
  let clients: MeetClient[] = [];
  const run = Date.now().toString(36);
  afterEach(() => {
    for (const c of clients) c.destroy();
    clients = [];
  });
  async function client(id: string, role: 'customer' | 'manager', conversations: string, on: 'url' | 'restartUrl' = 'url', policy: RTCIceTransportPolicy = 'all') {
    const url = (await config())[on];
    const c = createMeetClient({
      iceTransportPolicy: policy,
      adapter: createWebSocketAdapter({ url, getToken: (self) => tokenFor(self.id, self.role, conversations), backoff: { baseMs: 200, maxMs: 1000 } }),
      self: { id, name: `Name ${id}`, role },
      video: { width: 160, height: 120, frameRate: 15 },
      meetLink: (meetId) => `https://shop.example/help?chat-meet=${meetId}`,
    });
    clients.push(c);
    await c.ready;
    return c;
  }

  it('R5: a customer calls the assignee; accepted; video flows both ways; the manager ends it for everyone (R11)', async () => {
    const conv = `conv-${run}-a`;
    const cust = await client(`cust-${run}-a`, 'customer', conv);
    const mgr = await client(`mgr-${run}-a`, 'manager', '*');
    await cust.call({ conversationId: conv, assigneeId: `mgr-${run}-a`, kind: 'video' });
    await waitFor(() => mgr.$meet.get().status === 'ringing-in', 'the manager rings', 10_000);
    expect(mgr.$meet.get()).to.deep.include({ kind: 'video', conversationId: conv });
    await mgr.accept();
    await Promise.all([connectedTo(cust, [`mgr-${run}-a`], 20_000), connectedTo(mgr, [`cust-${run}-a`], 20_000)]);
    expect(await videoFrames(participant(cust, `mgr-${run}-a`)!.stream)).to.equal(true);
    expect(await videoFrames(participant(mgr, `cust-${run}-a`)!.stream)).to.equal(true);
    const { reports } = await (await fetch('/__signaling/reports')).json();
    expect(reports.some((r: { from: string; report: { type: string; kind: string } }) => r.from === `cust-${run}-a` && r.report.type === 'meet-started' && r.report.kind === 'video')).to.equal(true);
    mgr.endForAll();
    await waitFor(() => cust.$meet.get().status === 'ended', 'the customer ended too', 10_000);
    expect(cust.$meet.get().endReason).to.equal('ended-for-all');
  });

  it('R7: the callee is offline → the server records the follow-up with the link; opening it joins the meet', async () => {
    const conv = `conv-${run}-b`;
    const mgrId = `mgr-${run}-b`;
    const cust = await client(`cust-${run}-b`, 'customer', conv);
    await cust.call({ conversationId: conv, assigneeId: mgrId, kind: 'voice' });
    const link = cust.$meet.get().followUpLink;
    expect(link).to.be.a('string');
    let followUps: { calleeId: string; link: string; conversationId: string }[] = [];
    await waitFor(async () => {
      followUps = (await (await fetch('/__signaling/reports')).json()).followUps;
      return followUps.some((f) => f.calleeId === mgrId);
    }, 'the follow-up at the server', 10_000);
    expect(followUps.find((f) => f.calleeId === mgrId)).to.deep.include({ link, conversationId: conv });
    const mgr = await client(mgrId, 'manager', '*');
    await mgr.join(link!);
    await Promise.all([connectedTo(cust, [mgrId], 20_000), connectedTo(mgr, [`cust-${run}-b`], 20_000)]);
  });

  it('the signaling node restarts mid-meet: both clients reconnect, resume the room, and the meet goes on', async () => {
    const conv = `conv-${run}-c`;
    const [custId, mgrId] = [`cust-${run}-c`, `mgr-${run}-c`];
    const cust = await client(custId, 'customer', conv, 'restartUrl');
    const mgr = await client(mgrId, 'manager', '*', 'restartUrl');
    await cust.call({ conversationId: conv, assigneeId: mgrId, kind: 'video' });
    await waitFor(() => mgr.$meet.get().status === 'ringing-in', 'the manager rings', 10_000);
    await mgr.accept();
    await Promise.all([connectedTo(cust, [mgrId], 20_000), connectedTo(mgr, [custId], 20_000)]);
    const seen: string[] = [];
    const off = cust.$meet.subscribe((m) => seen.push(m.status));
    await fetch('/__signaling/restart');
    await waitFor(() => seen.includes('reconnecting'), 'the customer saw the connection go', 10_000);
    await waitFor(() => cust.$meet.get().status === 'live' && mgr.$meet.get().status === 'live', 'both live again', 15_000);
    off();
    // Media never needed the server; signaling works again through the resumed room.
    expect(await videoFrames(participant(mgr, custId)!.stream)).to.equal(true);
    cust.setMic(false);
    await waitFor(() => participant(mgr, custId)?.mic === false, 'the mute reaches the manager after the restart', 10_000);
  });

  it('TURN: two meet clients with iceTransportPolicy relay hold a video meet through coturn, with the credentials from the join', async function () {
    const { turn } = await config();
    if (!turn) this.skip(); // no coturn installed here; .ci/run installs it
    const conv = `conv-${run}-turn`;
    const [custId, mgrId] = [`cust-${run}-turn`, `mgr-${run}-turn`];
    const cust = await client(custId, 'customer', conv, 'url', 'relay');
    const mgr = await client(mgrId, 'manager', '*', 'url', 'relay');
    await cust.call({ conversationId: conv, assigneeId: mgrId, kind: 'video' });
    await waitFor(() => mgr.$meet.get().status === 'ringing-in', 'the manager rings', 10_000);
    await mgr.accept();
    await Promise.all([connectedTo(cust, [mgrId], 20_000), connectedTo(mgr, [custId], 20_000)]);
    expect(await videoFrames(participant(cust, mgrId)!.stream)).to.equal(true);
    expect(await videoFrames(participant(mgr, custId)!.stream)).to.equal(true);
    const pcs = openPeerConnectionList();
    expect(pcs).to.have.length(2);
    for (const pc of pcs) {
      expect(pc.getConfiguration().iceTransportPolicy).to.equal('relay');
      const stats = await pc.getStats();
      const candidates = new Map<string, string>();
      let pairLocal: string | undefined;
      stats.forEach((s: Record<string, unknown>) => {
        if (s.type === 'local-candidate') candidates.set(s.id as string, s.candidateType as string);
        if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded') pairLocal = s.localCandidateId as string;
      });
      expect(pairLocal, 'a nominated candidate pair').to.be.a('string');
      expect(candidates.get(pairLocal!), 'the pair in use starts at the relay').to.equal('relay');
      expect([...candidates.values()].every((t) => t === 'relay'), 'no host or srflx candidate gathered').to.equal(true);
    }
  });

  it('TURN: with the credentials from the join, two bare peer connections connect through coturn with iceTransportPolicy relay', async function () {
    const { url, turn } = await config();
    if (!turn) this.skip(); // no coturn installed here; .ci/run installs it
    const room = `turn-${run}`;
    const [a, b] = [`ta-${run}`, `tb-${run}`].map((id) => ({ id, adapter: createWebSocketAdapter({ url, getToken: (self) => tokenFor(self.id, 'manager', 'conv-1') }) }));
    const pcs: RTCPeerConnection[] = [];
    try {
      for (const p of [a, b]) await p.adapter.connect({ id: p.id, name: p.id, role: 'manager' });
      const snapA = await a.adapter.join(room, { id: a.id, name: a.id, role: 'manager', audioOnly: false, mic: true, camera: false, screen: false });
      const snapB = await b.adapter.join(room, { id: b.id, name: b.id, role: 'manager', audioOnly: false, mic: true, camera: false, screen: false });
      expect(snapA.iceServers?.[0].urls).to.deep.equal(turn.urls);
      expect(snapA.iceServers?.[0].username).to.match(new RegExp(`^\\d+:${a.id}$`));
      const make = (iceServers: RTCIceServer[], self: typeof a, other: typeof a) => {
        const pc = new RTCPeerConnection({ iceServers, iceTransportPolicy: 'relay' });
        pcs.push(pc);
        pc.onicecandidate = (e) => e.candidate && self.adapter.send(other.id, { type: 'signal', meetId: room, epoch: 0, data: { type: 'candidate', candidate: e.candidate.toJSON() as { candidate: string } } });
        self.adapter.on('message', async (m: SignalMessage) => {
          if (m.type !== 'signal') return;
          const d = m.data as { type?: string; sdp?: string; candidate?: RTCIceCandidateInit };
          if (d.type === 'offer') {
            await pc.setRemoteDescription({ type: 'offer', sdp: d.sdp });
            await pc.setLocalDescription(await pc.createAnswer());
            self.adapter.send(other.id, { type: 'signal', meetId: room, epoch: 0, data: { type: 'answer', sdp: pc.localDescription!.sdp } });
          } else if (d.type === 'answer') await pc.setRemoteDescription({ type: 'answer', sdp: d.sdp });
          else if (d.type === 'candidate') await pc.addIceCandidate(d.candidate).catch(() => undefined);
        });
        return pc;
      };
      const pa = make(snapA.iceServers!, a, b);
      const pb = make(snapB.iceServers!, b, a);
      const channel = pa.createDataChannel('relay-check');
      const received = new Promise<string>((resolve) => (pb.ondatachannel = (e) => (e.channel.onmessage = (m) => resolve(String(m.data)))));
      await pa.setLocalDescription(await pa.createOffer());
      a.adapter.send(b.id, { type: 'signal', meetId: room, epoch: 0, data: { type: 'offer', sdp: pa.localDescription!.sdp } });
      await waitFor(() => channel.readyState === 'open', 'the data channel over the relay', 15_000);
      channel.send('through coturn');
      expect(await received).to.equal('through coturn');
      let relayed = false;
      (await pa.getStats()).forEach((s: Record<string, unknown>) => {
        if (s.type === 'local-candidate' && s.candidateType === 'relay') relayed = true;
      });
      expect(relayed, 'a relay candidate is in use').to.equal(true);
    } finally {
      pcs.forEach((pc) => pc.close());
      a.adapter.close();
      b.adapter.close();
    }
  });
});
