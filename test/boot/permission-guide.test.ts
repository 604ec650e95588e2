// R17/R12 in a booted widget, in real Chromium: a refused camera, microphone or screen
// opens <chat-meet-permission-guide> for the user's platform; "reload and try again"
// keeps a meet that is still going in the address so the reloaded page joins it again.
// The refusals are the browser's own shape (a DOMException named NotAllowedError from
// navigator.mediaDevices), stubbed on the instance for one test at a time: a headless
// browser cannot be made to show and refuse its permission prompt.
import { expect } from 'chai';
import type { ChatMeetPermissionGuide } from '../../src/elements/permission-guide/permission-guide.element.js';
import { guideCatalog } from '../../src/i18n/catalog/guide.js';
import type { MeetClient } from '../../src/core/types.js';
import { liveTracks, openPeerConnections } from '../helpers/spy.js';
import { sleep, waitFor } from '../helpers/wait.js';
import { createBootWorld, statuses, type BootWorld } from './boot-world.js';

const en = guideCatalog.en;
const mac = { inApp: false, os: 'macos', mobile: false, supports: { meet: true, screenShare: true } };

let world: BootWorld;
/** getUserMedia / getDisplayMedia calls made while a refusal was stubbed, and what they asked for. */
let asked: MediaStreamConstraints[] = [];
const md = navigator.mediaDevices as unknown as Record<string, unknown>;

/** Refuses the capture `refuse` picks, the way the browser does; everything else reaches the real (fake-device) capture. */
function refuseUserMedia(refuse: (c: MediaStreamConstraints) => boolean) {
  const real = MediaDevices.prototype.getUserMedia;
  md.getUserMedia = (c: MediaStreamConstraints) => {
    asked.push(c);
    return refuse(c) ? Promise.reject(new DOMException('Permission denied', 'NotAllowedError')) : real.call(navigator.mediaDevices, c);
  };
}
function refuseScreen(message: string) {
  md.getDisplayMedia = () => Promise.reject(new DOMException(message, 'NotAllowedError'));
}

beforeEach(() => {
  world = createBootWorld();
  asked = [];
});
afterEach(async () => {
  delete md.getUserMedia;
  delete md.getDisplayMedia;
  world.destroy();
  document.querySelectorAll('chat-meet-button, chat-meet-ring, chat-meet-call, chat-meet-settings, chat-meet-permission-guide').forEach((e) => e.remove());
  await waitFor(() => liveTracks() === 0 && openPeerConnections() === 0, 'no camera, microphone or peer connection left');
});

const guide = () => document.querySelector<ChatMeetPermissionGuide>('chat-meet-permission-guide');
const steps = (g: ChatMeetPermissionGuide) => [...g.shadowRoot!.querySelectorAll('[part="steps"] li')].map((li) => li.textContent);
const liveVideoTracks = (c: MeetClient) => (c.$local.get().stream?.getVideoTracks() ?? []).filter((t) => t.readyState === 'live').length;

/** Boots the customer and brings a video meet with the assignee to live. */
async function liveVideoMeet(extra: Record<string, unknown> = {}) {
  const manager = world.peer('mgr-1');
  await manager.ready;
  world.ChatMeet('boot', world.options(extra));
  world.ChatMeet('startMeet', { kind: 'video' });
  await waitFor(() => manager.$meet.get().status === 'ringing-in', 'the assignee to ring');
  await manager.accept();
  await waitFor(() => statuses(world).includes('live'), 'the customer to be live');
  const client = (await world.ChatMeet.session!.client)!;
  return { manager, client };
}

describe('booted widget: permission guide (R17, R12)', function () {
  this.timeout(30_000);

  it('camera refused at the start of a video meet: the camera/microphone guide for this browser, the meet goes on, no camera track left', async () => {
    refuseUserMedia((c) => Boolean(c.video));
    const { manager, client } = await liveVideoMeet();
    await waitFor(() => guide() !== null, 'the permission guide');
    const g = guide()!;
    await g.updateComplete;
    expect(client.$meet.get().error?.code).to.equal('CM_MEDIA_DENIED');
    expect(client.$meet.get().error?.details).to.include({ what: 'camera', name: 'NotAllowedError', bySystem: false });
    expect(g.topic).to.equal('media');
    expect(g.overlay, 'shown over the page').to.equal(true);
    // Headless Chromium on Linux: the Chrome steps of the seed article.
    expect(g.dataset.platform).to.equal('chrome');
    expect(steps(g)).to.deep.equal(en.media.chrome);
    expect(g.shadowRoot!.querySelector('h2')!.textContent).to.equal(en.titleMedia);
    expect(g.shadowRoot!.activeElement?.localName, 'focus lands on the guide').to.equal('h2');
    expect(getComputedStyle(g).position).to.equal('fixed');
    // The refusal left nothing behind: the capture asked for the camera, got nothing, holds nothing.
    expect(asked.some((c) => c.video)).to.equal(true);
    expect(client.$local.get().camera).to.equal(false);
    expect(liveVideoTracks(client)).to.equal(0);
    expect(client.$meet.get().status, 'the meet goes on with voice').to.equal('live');
    expect(manager.$participants.get().map((p) => p.id)).to.deep.equal(['cust-1']);
    manager.leave();
  });

  it('microphone refused when calling: the meet ends with the error, the guide opens, nothing is captured', async () => {
    refuseUserMedia((c) => Boolean(c.audio));
    const manager = world.peer('mgr-1');
    await manager.ready;
    world.ChatMeet('boot', world.options({ locale: 'ko' }));
    world.ChatMeet('startMeet', { kind: 'voice' });
    await waitFor(() => guide() !== null, 'the permission guide');
    const g = guide()!;
    await g.updateComplete;
    const client = (await world.ChatMeet.session!.client)!;
    expect(client.$meet.get().error?.details).to.include({ what: 'microphone' });
    expect(statuses(world).at(-1)).to.equal('ended');
    expect(g.topic).to.equal('media');
    // The boot locale reaches the guide: the Korean steps of the seed.
    expect(steps(g)).to.deep.equal(guideCatalog.ko.media.chrome);
    expect(liveTracks()).to.equal(0);
  });

  it('screen capture refused by macOS: the Screen Recording guide for Chrome on Mac', async () => {
    const { manager, client } = await liveVideoMeet({ environment: mac });
    await waitFor(() => client.$local.get().camera, 'the camera');
    refuseScreen('Permission denied by system');
    const call = document.querySelector('chat-meet-call')!;
    await waitFor(() => call.shadowRoot?.querySelector('[data-control="screen"]') != null, 'the share-screen control');
    call.shadowRoot!.querySelector<HTMLButtonElement>('[data-control="screen"]')!.click();
    await waitFor(() => guide() !== null, 'the screen guide');
    const g = guide()!;
    await g.updateComplete;
    expect(client.$meet.get().error?.details).to.include({ what: 'screen', bySystem: true });
    expect(g.topic).to.equal('screen');
    expect(g.dataset.platform).to.equal('mac-chrome');
    expect(steps(g)).to.deep.equal(en.screen['mac-chrome']);
    expect(g.shadowRoot!.querySelector('h2')!.textContent).to.equal(en.titleScreen);
    // The camera still goes out; no screen track was made.
    expect(client.$local.get().screen).to.equal(false);
    expect(liveVideoTracks(client)).to.equal(1);
    manager.leave();
  });

  it('the user closing the screen picker (not the system) opens no guide; closing a guide removes it and a later refusal opens it again', async () => {
    const { manager, client } = await liveVideoMeet({ environment: mac });
    refuseScreen('Permission denied');
    await client.startScreenShare().catch(() => undefined);
    expect(client.$meet.get().error?.details).to.include({ what: 'screen', bySystem: false });
    await sleep(300);
    expect(guide(), 'no guide for a dismissed picker').to.equal(null);

    refuseScreen('Permission denied by system');
    const call = document.querySelector('chat-meet-call')!;
    await waitFor(() => call.shadowRoot?.querySelector('[data-control="screen"]') != null, 'the share-screen control');
    const share = call.shadowRoot!.querySelector<HTMLButtonElement>('[data-control="screen"]')!;
    share.focus();
    share.click();
    await waitFor(() => guide() !== null, 'the screen guide');
    await guide()!.updateComplete;
    expect(guide()!.shadowRoot!.activeElement?.id, 'focus in the guide').to.equal('guide-title');
    guide()!.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="close"]')!.click();
    expect(guide(), 'closed').to.equal(null);
    // Compared as a boolean: chai's failure message would try to print two live elements.
    expect(call.shadowRoot!.activeElement === share, 'focus back on the share-screen button').to.equal(true);

    refuseUserMedia((c) => Boolean(c.video));
    await client.setCamera(false);
    await client.setCamera(true).catch(() => undefined);
    await waitFor(() => guide() !== null, 'the guide again, for the camera');
    expect(guide()!.topic).to.equal('media');
    manager.leave();
  });

  it('"reload and try again" during a meet that goes on: the meet is put in the address (joinFromUrl rejoins it), then the page reloads', async () => {
    refuseUserMedia((c) => Boolean(c.video));
    const { manager, client } = await liveVideoMeet();
    await waitFor(() => guide() !== null, 'the permission guide');
    await guide()!.updateComplete;
    const before = location.href;
    // The test page must not really reload: the host may cancel the event, and this host does,
    // after the widget's own listener ran (a window listener comes last).
    const seen: { topic: string; search: string; cancelable: boolean }[] = [];
    const cancel = (e: Event) => {
      seen.push({ topic: (e as CustomEvent<{ topic: string }>).detail.topic, search: location.search, cancelable: e.cancelable });
      e.preventDefault();
    };
    window.addEventListener('chat-meet-reload', cancel);
    try {
      guide()!.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="reload"]')!.click();
      expect(seen).to.have.length(1);
      expect(seen[0]).to.include({ topic: 'media', cancelable: true });
      expect(new URLSearchParams(seen[0].search).get('chat-meet')).to.equal(client.$meet.get().meetId);
    } finally {
      window.removeEventListener('chat-meet-reload', cancel);
      history.replaceState(null, '', before);
    }
    manager.leave();
  });

  it('a real reload in a frame: the reloaded page boots and joins the same meet from the address', async () => {
    const frame = document.createElement('iframe');
    frame.src = '/test/boot/permission-guide-frame.html';
    let loads = 0;
    frame.addEventListener('load', () => (loads += 1));
    document.body.append(frame);
    try {
      type FrameWindow = Window & { guideFrame?: { meetId: string | null; status: string; guide: boolean; loads: number } };
      const win = () => frame.contentWindow as FrameWindow;
      await waitFor(() => Boolean(win().guideFrame?.guide), 'the guide in the frame', 20_000);
      const meetId = win().guideFrame!.meetId;
      expect(meetId).to.match(/^m-/);
      const g = frame.contentDocument!.querySelector('chat-meet-permission-guide')!;
      g.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="reload"]')!.click();
      await waitFor(() => loads === 2, 'the frame to reload', 20_000);
      await waitFor(() => win().guideFrame?.status === 'live' || win().guideFrame?.status === 'connecting', 'the reloaded frame to join', 20_000);
      expect(win().guideFrame!.meetId, 'the same meet').to.equal(meetId);
      expect(win().guideFrame!.loads, 'a second page load').to.equal(2);
      expect(new URL(win().location.href).searchParams.has('chat-meet'), 'the link left the address again').to.equal(false);
    } finally {
      frame.remove();
    }
  });
});
