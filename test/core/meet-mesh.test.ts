// Meets of three and more through the in-memory adapter in real Chromium: the mesh,
// R4 (voice → video, one way), R11 (leave vs end for everyone), R3, R1, and cleanup.
import { expect } from 'chai';
import type { MeetClient } from '../../src/core/types.js';
import { createMeetClient } from '../../src/core/client.js';
import type { SignalingAdapter } from '../../src/signaling/adapter.js';
import { createMemoryAdapter, createMemoryHub, type MemoryHub } from '../../src/signaling/memory.js';
import { createWorld, meetOf, participant, videoFrames, type World } from '../helpers/meet.js';
import { liveTracks, openPeerConnections, sentTracks } from '../helpers/spy.js';
import { sleep, waitFor } from '../helpers/wait.js';

describe('meet client: mesh', function () {
  this.timeout(40_000);
  let world: World;
  let a: MeetClient, b: MeetClient, c: MeetClient;
  beforeEach(() => {
    world = createWorld();
    [a, b, c] = ['p0', 'p1', 'p2'].map((id) => world.add(id));
  });
  afterEach(() => world.destroy());

  it('three participants: every pair linked, video from one reaches both others', async () => {
    await meetOf(world, a, [b, c]);
    await b.setCamera(true);
    expect(await videoFrames(participant(a, 'p1')!.stream)).to.equal(true);
    expect(await videoFrames(participant(c, 'p1')!.stream)).to.equal(true);
  });

  it('R4: camera on turns voice into video for all and the backend; camera off keeps video', async () => {
    await meetOf(world, a, [b, c]);
    expect(a.$meet.get().kind).to.equal('voice');
    await c.setCamera(true);
    await waitFor(() => [a, b, c].every((x) => x.$meet.get().kind === 'video'), 'all see video');
    expect(participant(a, 'p2')!.camera).to.equal(true);
    expect(world.hub.reports.filter((r) => r.type === 'meet-kind-changed')).to.have.length(1);
    await c.setCamera(false);
    await waitFor(() => participant(a, 'p2')!.camera === false, 'camera off seen');
    expect([a, b, c].map((x) => x.$meet.get().kind)).to.deep.equal(['video', 'video', 'video']);
    // A late joiner learns the kind too.
    const d = world.add('p3');
    await d.join(a.$meet.get().followUpLink!);
    await waitFor(() => d.$meet.get().kind === 'video', 'late joiner sees video');
  });

  it('R4: screen share turns voice into video; the shared screen reaches the others', async () => {
    await meetOf(world, a, [b]);
    await a.startScreenShare();
    expect(a.$local.get().screen).to.equal(true);
    await waitFor(() => b.$meet.get().kind === 'video' && participant(b, 'p0')!.screen, 'b sees screen');
    expect(await videoFrames(participant(b, 'p0')!.stream)).to.equal(true);
    await a.stopScreenShare();
    expect(a.$local.get().screen).to.equal(false);
    expect(b.$meet.get().kind).to.equal('video');
  });

  it('R11: leave keeps the others connected; after leave no open link or live track of the leaver', async () => {
    await meetOf(world, a, [b, c], 'video');
    await c.setCamera(true); // joining through a link opens with the camera off
    a.leave();
    expect(a.$meet.get()).to.deep.include({ status: 'ended', endReason: 'left' });
    expect(a.$participants.get()).to.have.length(0);
    expect(a.$local.get().stream).to.equal(null);
    await waitFor(() => !participant(b, 'p0') && !participant(c, 'p0'), 'others drop the leaver');
    expect(b.$meet.get().status).to.equal('live');
    expect(participant(b, 'p2')!.connection).to.equal('connected');
    await waitFor(() => openPeerConnections() === 2, 'only the b–c link left open');
    expect(await videoFrames(participant(b, 'p2')!.stream)).to.equal(true);
    b.leave();
    c.leave();
    await waitFor(() => openPeerConnections() === 0, 'no open peer connection');
    expect(liveTracks()).to.equal(0);
  });

  it('R11: a manager ends the meet for everyone; a customer may not', async () => {
    const cust = world.add('p9', 'customer');
    await meetOf(world, a, [b, cust]);
    expect(() => cust.endForAll()).to.throw().with.property('code', 'CM_NOT_ALLOWED');
    expect(cust.$meet.get().status).to.equal('live');
    b.endForAll();
    await waitFor(() => [a, b, cust].every((x) => x.$meet.get().status === 'ended'), 'all ended');
    expect([a, cust].map((x) => x.$meet.get().endReason)).to.deep.equal(['ended-for-all', 'ended-for-all']);
    await waitFor(() => openPeerConnections() === 0, 'no open peer connection');
    expect(liveTracks()).to.equal(0);
  });

  it('R3: the 11th participant is refused with CM_ROOM_FULL (by the backend, and by the client where the backend does not) and keeps no track', async () => {
    // The nine others sit in the room as bare adapters: ten meet clients in one page would
    // build 45 links, more than one page carries on this machine (see meet-mesh-tabs.node.test.ts).
    const seat = async (hub: MemoryHub, meetId: string, n: number) => {
      for (let i = 0; i < n; i += 1) {
        const adapter = createMemoryAdapter(hub);
        seated.push(adapter);
        await adapter.connect({ id: `q${i}`, name: `Q${i}`, role: 'manager' });
        await adapter.join(meetId, { id: `q${i}`, name: `Q${i}`, role: 'manager', audioOnly: false, mic: true, camera: false, screen: false });
      }
    };
    const seated: SignalingAdapter[] = [];
    try {
      await a.call({ teamRoomId: 'team-1', callee: 'offline-someone', kind: 'voice' });
      const link = a.$meet.get().followUpLink!;
      await seat(world.hub, a.$meet.get().meetId!, 9);
      const captured: MediaStreamTrack[] = [];
      const media = { getUserMedia: (c: MediaStreamConstraints) => navigator.mediaDevices.getUserMedia(c).then((st) => (captured.push(...st.getTracks()), st)) };
      const eleventh = world.add('q9', 'manager', { media });
      const code = await eleventh.join(link).then(() => 'joined', (e: { code: string }) => e.code);
      expect(code).to.equal('CM_ROOM_FULL');
      expect(eleventh.$meet.get()).to.deep.include({ status: 'ended', endReason: 'error' });
      expect(eleventh.$meet.get().error?.message).to.match(/10 participants/);
      expect(world.hub.members(a.$meet.get().meetId!)).to.have.length(10);

      // A backend that lets anyone in (capacity 20): the client refuses itself and leaves the room.
      const lax = createMemoryHub({ capacity: 20 });
      await seat(lax, 'm-lax-meet', 10);
      const late = createMeetClient({ adapter: createMemoryAdapter(lax), self: { id: 'late', name: 'Late', role: 'manager' }, media });
      const lateCode = await late.join('m-lax-meet').then(() => 'joined', (e: { code: string }) => e.code);
      late.destroy();
      expect(lateCode).to.equal('CM_ROOM_FULL');
      expect(lax.members('m-lax-meet').map((m) => m.id)).to.not.include('late');
      await sleep(100);
      expect(captured.filter((t) => t.readyState === 'live')).to.have.length(0);
    } finally {
      seated.forEach((x) => x.close());
    }
  });

  it('R1: an audio-only participant is never sent video, and managers are told', async () => {
    const phone = world.add('p5', 'customer', { self: { id: 'p5', name: 'By phone', role: 'customer', audioOnly: true } });
    await meetOf(world, a, [b, phone]);
    await a.setCamera(true);
    // Exactly one link (to b) carries a's camera; the link to the phone carries no video.
    const camera = a.$local.get().stream!.getVideoTracks()[0];
    expect(sentTracks('video').filter((t) => t === camera)).to.have.length(1);
    expect(a.$audioOnlyNotice.get()).to.deep.equal([{ id: 'p5', name: 'By phone' }]);
    expect(b.$audioOnlyNotice.get()).to.deep.equal([]);
    expect(await videoFrames(participant(b, 'p0')!.stream)).to.equal(true);
    expect(await videoFrames(participant(phone, 'p0')!.stream, 1, 1500)).to.equal(false);
    const code = await phone.setCamera(true).then(() => 'ok', (e: { code: string }) => e.code);
    expect(code).to.equal('CM_NOT_ALLOWED');
    // Nor does a screen share reach the phone; and a link re-created later keeps it that way.
    await b.startScreenShare();
    const screen = b.$local.get().stream!.getVideoTracks()[0];
    expect(sentTracks('video').filter((t) => t === screen)).to.have.length(1);
    expect(sentTracks('video')).to.have.length(2);
    let decoded = 0;
    for (const id of ['p0', 'p1']) {
      const track = participant(phone, id)!.stream!.getVideoTracks()[0];
      decoded += track && !track.muted ? 1 : 0;
    }
    expect(decoded, 'video tracks the phone receives media on').to.equal(0);
  });
});
