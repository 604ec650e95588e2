// Two-party meets through the in-memory adapter in real Chromium: ringing (R5, R7, R10),
// frames both ways, and bad input that must not break state.
import { expect } from 'chai';
import { connectedTo, createWorld, participant, videoFrames, type World } from '../helpers/meet.js';
import { waitFor } from '../helpers/wait.js';

describe('meet client: ringing and two-party meets', function () {
  this.timeout(30_000);
  let world: World;
  beforeEach(() => (world = createWorld()));
  afterEach(() => world.destroy());

  it('R5: a customer video call rings the assignee; accepted, frames flow both ways', async () => {
    const cust = world.add('cust-1', 'customer');
    const mgr = world.add('mgr-1', 'manager');
    await Promise.all([cust.ready, mgr.ready]);
    await cust.call({ conversationId: 'conv-1', assigneeId: 'mgr-1', kind: 'video' });
    expect(cust.$meet.get().status).to.equal('ringing-out');
    await waitFor(() => mgr.$meet.get().status === 'ringing-in', 'manager rings');
    expect(mgr.$meet.get()).to.deep.include({ kind: 'video', conversationId: 'conv-1' });
    expect(mgr.$meet.get().caller?.id).to.equal('cust-1');
    await mgr.accept();
    await Promise.all([connectedTo(cust, ['mgr-1']), connectedTo(mgr, ['cust-1'])]);
    await waitFor(() => cust.$meet.get().status === 'live' && mgr.$meet.get().status === 'live', 'both live');
    expect(await videoFrames(participant(cust, 'mgr-1')!.stream)).to.equal(true);
    expect(await videoFrames(participant(mgr, 'cust-1')!.stream)).to.equal(true);
    expect(world.hub.reports.map((r) => r.type)).to.include('meet-started');
  });

  it('R10: decline is told to the caller and the missed meet reported', async () => {
    const cust = world.add('cust-2', 'customer');
    const mgr = world.add('mgr-2');
    await Promise.all([cust.ready, mgr.ready]);
    await cust.call({ conversationId: 'conv-2', assigneeId: 'mgr-2', kind: 'voice' });
    await waitFor(() => mgr.$meet.get().status === 'ringing-in', 'ringing');
    mgr.decline();
    expect(mgr.$meet.get()).to.deep.include({ status: 'ended', endReason: 'declined' });
    await waitFor(() => cust.$meet.get().status === 'ended', 'caller told');
    expect(cust.$meet.get().endReason).to.equal('declined');
    expect(world.hub.reports).to.deep.include({ type: 'meet-missed', meetId: cust.$meet.get().meetId!, calleeId: 'mgr-2', reason: 'declined', conversationId: 'conv-2' });
    expect(cust.$local.get().stream).to.equal(null);
  });

  it('R10: cancel stops the ringing on the callee', async () => {
    const mgr = world.add('mgr-3');
    const cust = world.add('cust-3', 'customer');
    await Promise.all([cust.ready, mgr.ready]);
    await mgr.call({ conversationId: 'conv-3', assigneeId: 'mgr-3', callee: 'cust-3', kind: 'voice' });
    await waitFor(() => cust.$meet.get().status === 'ringing-in', 'customer rings');
    mgr.cancel();
    expect(mgr.$meet.get()).to.deep.include({ status: 'ended', endReason: 'cancelled' });
    await waitFor(() => cust.$meet.get().status === 'ended', 'callee told');
    expect(cust.$meet.get().endReason).to.equal('cancelled');
    expect(world.hub.reports.some((r) => r.type === 'meet-missed' && r.reason === 'cancelled')).to.equal(true);
  });

  it('R10: an unanswered ring times out for both, with a missed report and a follow-up link', async () => {
    const mgr = world.add('mgr-4', 'manager', { ringTimeoutMs: 300 });
    const cust = world.add('cust-4', 'customer', { ringTimeoutMs: 300 });
    await Promise.all([cust.ready, mgr.ready]);
    await mgr.call({ conversationId: 'conv-4', assigneeId: 'mgr-4', callee: 'cust-4', kind: 'voice' });
    await waitFor(() => mgr.$meet.get().status === 'ended' && cust.$meet.get().status === 'ended', 'both ended');
    expect(mgr.$meet.get().endReason).to.equal('timeout');
    expect(cust.$meet.get().endReason).to.equal('timeout');
    const types = world.hub.reports.map((r) => `${r.type}:${'reason' in r ? r.reason : ''}`);
    expect(types).to.include.members(['meet-missed:timeout', 'follow-up:missed']);
  });

  it('R7: an offline customer gets a follow-up with a link; opening it joins the meet', async () => {
    const mgr = world.add('mgr-5');
    await mgr.ready;
    await mgr.call({ conversationId: 'conv-5', assigneeId: 'mgr-5', callee: 'cust-5', kind: 'voice' });
    const followUp = world.hub.reports.find((r) => r.type === 'follow-up');
    expect(followUp).to.deep.include({ reason: 'offline', calleeId: 'cust-5', conversationId: 'conv-5' });
    const link = (followUp as { link: string }).link;
    expect(link).to.match(/^https:\/\/shop\.example\/help\?chat-meet=m-/);
    expect(mgr.$meet.get()).to.deep.include({ status: 'live', followUpLink: link });
    const cust = world.add('cust-5', 'customer');
    await cust.join(link);
    await Promise.all([connectedTo(cust, ['mgr-5']), connectedTo(mgr, ['cust-5'])]);
    expect(cust.$meet.get()).to.deep.include({ status: 'live', meetId: mgr.$meet.get().meetId });
  });

  it('bad input never breaks state: coded errors, state unchanged', async () => {
    const cust = world.add('cust-6', 'customer');
    await cust.ready;
    const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { code: string }) => e.code);
    expect(await codeOf(cust.call({ conversationId: 'conv-6', assigneeId: null, kind: 'voice' }))).to.equal('CM_NO_ASSIGNEE');
    expect(await codeOf(cust.call({ kind: 'voice' }))).to.equal('CM_NO_CONVERSATION');
    expect(await codeOf(cust.call({ conversationId: 'c', assigneeId: 'm', kind: 'hologram' as never }))).to.equal('CM_INVALID_OPTIONS');
    expect(await codeOf(cust.accept())).to.equal('CM_INVALID_STATE');
    expect(await codeOf(cust.join('not a link at all'))).to.equal('CM_INVALID_LINK');
    expect(await codeOf(cust.setCamera(true))).to.equal('CM_INVALID_STATE');
    expect(() => cust.endForAll()).to.throw().with.property('code', 'CM_NOT_ALLOWED');
    cust.decline(); cust.cancel(); cust.leave();
    expect(cust.$meet.get().status).to.equal('idle');
    // Invalid messages from the wire are dropped with a code, never thrown.
    world.hub.inject('cust-6', 'evil', { type: 'ring', meetId: 'x' });
    await waitFor(() => cust.$meet.get().error?.code === 'CM_INVALID_MESSAGE', 'invalid message error');
    expect(cust.$meet.get().status).to.equal('idle');
  });

  it('a denied camera leaks no track and keeps the meet going', async () => {
    const denied = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    const mgr = world.add('mgr-7', 'manager', {
      media: { getUserMedia: (c) => (c.video ? denied() : navigator.mediaDevices.getUserMedia(c)) },
    });
    await mgr.ready;
    await mgr.call({ conversationId: 'conv-7', assigneeId: 'mgr-7', callee: 'nobody', kind: 'voice' });
    const code = await mgr.setCamera(true).then(() => 'resolved', (e: { code: string }) => e.code);
    expect(code).to.equal('CM_MEDIA_DENIED');
    expect(mgr.$local.get().camera).to.equal(false);
    expect(mgr.$local.get().stream!.getVideoTracks()).to.have.length(0);
    expect(mgr.$meet.get().status).to.equal('live');
  });
});
