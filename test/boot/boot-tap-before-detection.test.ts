// R16, the moment before detection: the boot shows the button from the first download on a
// guess (this Chromium can meet), and detectEnvironment() arrives in a lazy chunk after it.
// A KakaoTalk customer who taps in that moment must get the way out, not a meet attempt:
// the tap waits for detection, and where the browser cannot meet the button opens its
// escape sheet and nobody is rung.
//
// The first test is the whole boot in a fresh page (this file's): the detector chunk has not
// been fetched yet when the test taps, which it checks. The others drive the lazy session
// (connectSession) with a detection the test resolves when it chooses: the seam between the
// first download and the session (SessionContext.detected).
import { expect } from 'chai';
import type { BootConfig } from '../../src/boot/options.js';
import { mountElements } from '../../src/boot/mount.js';
import { connectSession, type ConnectedSession } from '../../src/boot/session.js';
import type { ChatMeetButton } from '../../src/elements/button/button.element.js';
import type { ElementEnvironment } from '../../src/elements/base/environment.js';
import type { MeetIntent } from '../../src/elements/intents.js';
import { liveTracks, openPeerConnections } from '../helpers/spy.js';
import { pretendUserAgent as pretend, stopPretending } from '../helpers/user-agent.js';
import { sleep, waitFor } from '../helpers/wait.js';
import { createBootWorld, shownButton, statuses, type BootWorld } from './boot-world.js';

const KAKAOTALK = 'Mozilla/5.0 (Linux; Android 13; SM-S911N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 KAKAOTALK 10.4.3';


let world: BootWorld;
let place: HTMLElement;
const cleanups: (() => void)[] = [];
beforeEach(() => {
  world = createBootWorld();
  place = Object.assign(document.createElement('div'), { id: 'chat' });
  document.body.append(place);
});
afterEach(async () => {
  stopPretending();
  cleanups.splice(0).reverse().forEach((off) => off());
  world.destroy();
  place.remove();
  document.querySelectorAll('chat-meet-button, chat-meet-ring, chat-meet-call, chat-meet-settings').forEach((e) => e.remove());
  await waitFor(() => liveTracks() === 0 && openPeerConnections() === 0, 'no camera, microphone or peer connection left');
});

const button = () => document.querySelector<ChatMeetButton>('chat-meet-button')!;
const sheet = () => button()?.shadowRoot?.querySelector('[part="sheet"]') ?? null;
const escapeHref = () => button().shadowRoot!.querySelector('[part="escape-link"]')?.getAttribute('href') ?? null;

/** What detection reports for KakaoTalk on Android (the lazy chunk's function, given the user agent). */
async function kakaoTalkEnvironment(): Promise<ElementEnvironment> {
  const { detectEnvironment } = await import('../../src/environment/index.js');
  return { ...detectEnvironment({ userAgent: KAKAOTALK, url: location.href }), reasons: {} };
}
const canMeet: ElementEnvironment = { inApp: null, os: 'Linux', mobile: false, supports: { meet: true, screenShare: true } };

/**
 * The lazy session of a booted customer, as start.ts builds it, with a detection that
 * resolves when the test says (and the button the boot mounted into #chat).
 */
function sessionWithDetection(early: [MeetIntent, EventTarget | null][] = []) {
  const config = {
    user: { id: 'cust-1', name: 'Mina', role: 'customer' },
    conversation: { id: 'conv-1', assigneeId: 'mgr-1', source: 'web' },
    signaling: world.options().signaling,
    container: '#chat', customerCanStartMeet: true, joinFromUrl: false,
  } as unknown as BootConfig;
  let resolve!: (env: ElementEnvironment) => void;
  const detected = new Promise<ElementEnvironment | null>((r) => (resolve = r));
  const mount = mountElements(config);
  const failures: string[] = [];
  const session: ConnectedSession = connectSession(config, { emit: () => undefined, fail: (e) => failures.push(e.code) }, {
    mount, conversation: () => config.conversation, early, detected, markLive: () => undefined,
  });
  cleanups.push(() => mount.destroy(), () => session.destroy());
  return {
    session, failures,
    /** Detection arrives: the mount hands it to the button (as start.ts does), then the promise resolves. */
    detect(env: ElementEnvironment) {
      mount.setEnvironment(env);
      resolve(env);
    },
  };
}

describe('a tap before detection arrives (R16)', function () {
  this.timeout(30_000);

  it('boot under a KakaoTalk user agent, tapped before the detector chunk is in: the escape sheet opens, nobody is rung', async () => {
    pretend(KAKAOTALK);
    const manager = world.peer('mgr-1');
    await manager.ready;
    world.ChatMeet('boot', world.options({ container: '#chat' }));
    await button().updateComplete;
    expect(button().environment, 'detection has not arrived when the customer taps').to.equal(null);
    expect(button().dataset.mode, 'the guess: this browser can meet').to.equal('call');
    shownButton(button())!.click();
    await waitFor(() => sheet() !== null, 'the escape sheet');
    expect(button().dataset.mode).to.equal('escape');
    expect(escapeHref()).to.equal(`kakaotalk://web/openExternal?url=${encodeURIComponent(location.href)}`);
    // Focus went into the sheet (R16's way out is one tap away).
    expect(button().shadowRoot!.activeElement?.getAttribute('part')).to.equal('escape-link');
    await sleep(500);
    expect(manager.$meet.get().status, 'the assignee never rang').to.equal('idle');
    expect(statuses(world)).to.not.include('ringing-out');
    expect(world.errors).to.deep.equal([]);
  });

  it('session loaded, detection still pending: the tap waits; KakaoTalk detected → the escape sheet, no call', async () => {
    const manager = world.peer('mgr-1');
    await manager.ready;
    const { session, detect, failures } = sessionWithDetection();
    const client = (await session.client)!;
    await waitFor(() => shownButton(button()) !== null, 'the button, on its guess');
    shownButton(button())!.click();
    await sleep(300);
    expect(client.$meet.get().status, 'no call while detection is pending').to.equal('idle');
    expect(sheet()).to.equal(null);
    detect(await kakaoTalkEnvironment());
    await waitFor(() => sheet() !== null, 'the escape sheet');
    await sleep(300);
    expect([client.$meet.get().status, manager.$meet.get().status]).to.deep.equal(['idle', 'idle']);
    expect(failures).to.deep.equal([]);
  });

  it('session loaded, detection still pending: detection says this browser can meet → the held tap calls the assignee', async () => {
    const manager = world.peer('mgr-1');
    await manager.ready;
    const { session, detect } = sessionWithDetection();
    const client = (await session.client)!;
    await waitFor(() => shownButton(button()) !== null, 'the button');
    shownButton(button())!.click();
    await sleep(300);
    expect(manager.$meet.get().status).to.equal('idle');
    detect(canMeet);
    await waitFor(() => manager.$meet.get().status === 'ringing-in', 'the assignee to ring');
    expect(sheet()).to.equal(null);
    client.cancel();
  });

  it('a tap held before the session existed (the boot\'s early intents) gets the same answer: KakaoTalk → the escape sheet', async () => {
    const manager = world.peer('mgr-1');
    await manager.ready;
    // The button the mount will configure is the one that was tapped.
    const tapped = document.createElement('chat-meet-button');
    place.append(tapped);
    const { session, detect } = sessionWithDetection([[{ type: 'call', kind: 'video' }, tapped]]);
    const client = (await session.client)!;
    await sleep(200);
    expect(client.$meet.get().status).to.equal('idle');
    detect(await kakaoTalkEnvironment());
    await waitFor(() => sheet() !== null, 'the escape sheet');
    await sleep(300);
    expect([client.$meet.get().status, manager.$meet.get().status]).to.deep.equal(['idle', 'idle']);
  });
});
