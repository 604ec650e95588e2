// The reported bug: opening settings during a meet opened the camera a second time (the
// preview's own getUserMedia while the meet held the camera). Now, in real Chromium with
// fake devices, the panel shows the meet's own tracks: no getUserMedia, one live camera
// track, the meet's tracks untouched when the panel goes; outside a meet it captures again.
import { expect } from 'chai';
import '../../src/elements/settings/settings.js';
import type { MeetClient } from '../../src/core/types.js';
import type { ChatMeetSettings } from '../../src/elements/settings/settings.element.js';
import { createBootWorld, statuses, type BootWorld } from '../boot/boot-world.js';
import { createWorld, type World } from '../helpers/meet.js';
import { liveTracks, openPeerConnections } from '../helpers/spy.js';
import { sleep, waitFor } from '../helpers/wait.js';

/** Every getUserMedia call of the page and the tracks it returned (a pass-through on the instance). */
const calls: { constraints: MediaStreamConstraints; tracks: MediaStreamTrack[] }[] = [];
const md = navigator.mediaDevices as unknown as Record<string, unknown>;
const gumCalls = () => calls.length;
/** Live camera tracks of the page, less the other side's (the manager is on this page too, camera on). */
let otherSide: MeetClient | null = null;
const liveCameraTracks = () => {
  const theirs = otherSide?.$local.get().stream?.getTracks() ?? [];
  return calls.flatMap((c) => c.tracks).filter((t) => t.kind === 'video' && t.readyState === 'live' && !theirs.includes(t));
};

beforeEach(() => {
  calls.length = 0;
  const real = MediaDevices.prototype.getUserMedia;
  md.getUserMedia = async (constraints: MediaStreamConstraints) => {
    const stream = await real.call(navigator.mediaDevices, constraints);
    calls.push({ constraints, tracks: stream.getTracks() });
    return stream;
  };
});
afterEach(() => {
  delete md.getUserMedia;
});

const previewTracks = (el: ChatMeetSettings) => ((el.shadowRoot!.querySelector<HTMLVideoElement>('.preview video')?.srcObject as MediaStream | null)?.getTracks() ?? []);
const level = (el: ChatMeetSettings) => el.shadowRoot!.querySelector<HTMLMeterElement>('meter')!.value;

describe('<chat-meet-settings> during a meet: one camera', function () {
  this.timeout(30_000);
  let world: World;
  let customer: MeetClient;
  let manager: MeetClient;
  beforeEach(async () => {
    world = createWorld();
    customer = world.add('cust-1', 'customer');
    manager = world.add('mgr-1', 'manager');
    otherSide = manager;
    await Promise.all([customer.ready, manager.ready]);
  });
  afterEach(async () => {
    document.querySelectorAll('chat-meet-settings').forEach((e) => e.remove());
    world.destroy();
    await waitFor(() => liveTracks() === 0 && openPeerConnections() === 0, 'no camera, microphone or peer connection left');
  });

  async function videoMeet() {
    void customer.call({ conversationId: 'conv-1', assigneeId: 'mgr-1', kind: 'video' });
    await waitFor(() => manager.$meet.get().status === 'ringing-in', 'the ring');
    await manager.accept();
    await waitFor(() => customer.$local.get().camera, 'the customer camera');
  }

  it('shows the meet\'s camera and microphone: no getUserMedia of its own, one live camera track, a moving level', async () => {
    await videoMeet();
    const before = gumCalls();
    expect(liveCameraTracks(), 'the meet holds one camera').to.have.length(1);
    const meetCamera = customer.$local.get().stream!.getVideoTracks()[0];
    const meetMic = customer.$local.get().stream!.getAudioTracks()[0];

    const el = Object.assign(document.createElement('chat-meet-settings'), { userId: 'cust-1', locale: 'en', client: customer });
    document.body.append(el);
    await waitFor(() => previewTracks(el).length === 2, 'the preview');
    expect(previewTracks(el)).to.include.members([meetCamera, meetMic]);
    await waitFor(() => level(el) > 0, 'the microphone level from the meet\'s microphone');
    await sleep(300);
    expect(gumCalls() - before, 'getUserMedia calls by the panel').to.equal(0);
    expect(liveCameraTracks(), 'still one camera').to.have.length(1);

    // The camera off in the meet: the preview says so, and does not open the camera itself.
    await customer.setCamera(false);
    await waitFor(() => el.shadowRoot!.querySelector('.preview video') === null, 'the preview off with the meet camera');
    expect(gumCalls() - before).to.equal(0);

    // The panel goes: the meet's microphone is not stopped with it.
    el.remove();
    await sleep(100);
    expect(meetMic.readyState).to.equal('live');
    expect(customer.$meet.get().status).to.equal('live');
  });

  it('opened before the meet, it hands its own capture over when the meet starts, and captures again after it', async () => {
    const el = Object.assign(document.createElement('chat-meet-settings'), { userId: 'cust-1', locale: 'en', client: customer });
    document.body.append(el);
    await waitFor(() => previewTracks(el).length === 2, 'the panel\'s own preview');
    expect(gumCalls(), 'outside a meet the panel captures').to.equal(1);
    const own = calls[0].tracks;

    await videoMeet();
    await waitFor(() => own.every((t) => t.readyState === 'ended'), 'the panel\'s own capture stopped');
    await waitFor(() => previewTracks(el).includes(customer.$local.get().stream!.getVideoTracks()[0]), 'the preview on the meet camera');
    expect(liveCameraTracks(), 'one camera during the meet').to.have.length(1);

    const duringMeet = gumCalls();
    customer.leave();
    await waitFor(() => gumCalls() === duringMeet + 1, 'the panel capturing again after the meet');
    await waitFor(() => previewTracks(el).length === 2 && previewTracks(el).every((t) => t.readyState === 'live'), 'its own preview again');
    expect(liveCameraTracks(), 'the panel\'s camera only').to.have.length(1);
  });
});

describe('booted widget: settings opened from the call window during a meet', function () {
  this.timeout(30_000);
  let boot: BootWorld;
  beforeEach(() => (boot = createBootWorld()));
  afterEach(async () => {
    boot.destroy();
    document.querySelectorAll('chat-meet-button, chat-meet-ring, chat-meet-call, chat-meet-settings').forEach((e) => e.remove());
    await waitFor(() => liveTracks() === 0 && openPeerConnections() === 0, 'no camera, microphone or peer connection left');
  });

  it('the camera is opened once (reported bug): the panel reuses the meet\'s track', async () => {
    const manager = boot.peer('mgr-1');
    otherSide = manager;
    await manager.ready;
    boot.ChatMeet('boot', boot.options());
    boot.ChatMeet('startMeet', { kind: 'video' });
    await waitFor(() => manager.$meet.get().status === 'ringing-in', 'the ring');
    await manager.accept();
    await waitFor(() => statuses(boot).includes('live'), 'live');
    const client = (await boot.ChatMeet.session!.client)!;
    await waitFor(() => client.$local.get().camera, 'the camera');
    const before = gumCalls();
    expect(liveCameraTracks()).to.have.length(1);

    await waitFor(() => document.querySelector('chat-meet-call')?.shadowRoot?.querySelector('[data-control="settings"]') != null, 'the call window');
    const call = document.querySelector('chat-meet-call')!;
    call.shadowRoot!.querySelector<HTMLButtonElement>('[data-control="settings"]')!.click();
    await waitFor(() => document.querySelector('chat-meet-settings') !== null, 'the settings panel');
    const panel = document.querySelector<ChatMeetSettings>('chat-meet-settings')!;
    await waitFor(() => previewTracks(panel).length === 2, 'the preview');
    await sleep(300);
    expect(gumCalls() - before, 'getUserMedia calls for the panel').to.equal(0);
    expect(liveCameraTracks(), 'live camera tracks').to.have.length(1);
    expect(previewTracks(panel)).to.include(client.$local.get().stream!.getVideoTracks()[0]);
    manager.leave();
  });
});
