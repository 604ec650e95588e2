// <chat-meet-call> in real Chromium: real meet clients on the in-memory hub with fake
// devices for live behaviour (intents → core actions → stores → tiles), and fixed store
// states (call-states.ts) for layouts that need many people.
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { expect } from 'chai';
import '../../src/elements/call/call.js';
import '../../src/elements/settings/settings.js';
import type { ChatMeetCall } from '../../src/elements/call/call.element.js';
import { gridColumns, stageTileId, clampPosition } from '../../src/elements/call/layout.js';
import { bindIntents, INTENT_EVENT, type MeetIntent } from '../../src/elements/intents.js';
import { meetSettings } from '../../src/elements/settings/settings-store.js';
import type { MeetClient } from '../../src/core/types.js';
import { connectedTo, createWorld, type World } from '../helpers/meet.js';
import { liveTracks, openPeerConnections } from '../helpers/spy.js';
import { waitFor } from '../helpers/wait.js';
import { callStates, person, stateClient, stopCanvasStreams } from './call-states.js';

const mounted: HTMLElement[] = [];
function mount(client: MeetClient | null, props: Record<string, unknown> = {}): ChatMeetCall {
  const el = document.createElement('chat-meet-call');
  Object.assign(el, { client, locale: 'en', ...props });
  document.body.append(el);
  mounted.push(el);
  return el;
}
const $ = <T extends Element = HTMLElement>(el: ChatMeetCall, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = (el: ChatMeetCall, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const control = (el: ChatMeetCall, name: string) => $<HTMLButtonElement>(el, `[data-control="${name}"]`);
const tile = (el: ChatMeetCall, id: string) => $(el, `.tile[data-id="${id}"]`);

/** Resolves when the <video> in `tile` renders frames. */
function playing(video: HTMLVideoElement | null, timeoutMs = 10_000): Promise<boolean> {
  if (!video) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    video.requestVideoFrameCallback(() => (clearTimeout(timer), resolve(true)));
  });
}

afterEach(() => {
  mounted.splice(0).forEach((el) => el.remove());
  stopCanvasStreams();
});

describe('<chat-meet-call> module', () => {
  it('defines itself once; a second copy of the module (another bundle) is a no-op', async () => {
    const first = customElements.get('chat-meet-call');
    expect(first).to.not.equal(undefined);
    // A new URL evaluates the defining module again: without the guard, define() would throw.
    await import(/* @vite-ignore */ `/src/elements/call/call.ts?copy=${Date.now()}`);
    expect(customElements.get('chat-meet-call')).to.equal(first);
    const settings = customElements.get('chat-meet-settings');
    await import(/* @vite-ignore */ `/src/elements/settings/settings.ts?copy=${Date.now()}`);
    expect(customElements.get('chat-meet-settings')).to.equal(settings);
  });
});

describe('<chat-meet-call> layout rules', () => {
  it('grid columns stay square on desktop and at most two on mobile', () => {
    expect([1, 2, 3, 4, 5, 9, 10].map((n) => gridColumns(n, false))).to.deep.equal([1, 2, 2, 2, 3, 3, 4]);
    expect([1, 2, 3, 10].map((n) => gridColumns(n, true))).to.deep.equal([1, 1, 2, 2]);
  });
  it('a remote shared screen takes the stage before my own', () => {
    expect(stageTileId([{ id: 'self', screen: true, self: true }, { id: 'a', screen: true, self: false }])).to.equal('a');
    expect(stageTileId([{ id: 'self', screen: true, self: true }])).to.equal('self');
    expect(stageTileId([{ id: 'a', screen: false, self: false }])).to.equal(null);
  });
  it('a moved window stays inside the viewport', () => {
    expect(clampPosition({ x: -50, y: 5000 }, { width: 100, height: 100 }, { width: 800, height: 600 })).to.deep.equal({ x: 8, y: 492 });
  });
});

describe('<chat-meet-call> with real clients', function () {
  this.timeout(40_000);
  let world: World;
  let unbind: (() => void)[] = [];
  beforeEach(() => (world = createWorld()));
  afterEach(() => {
    unbind.splice(0).forEach((u) => u());
    world.destroy();
  });

  async function videoMeet(custExtra = {}) {
    const mgr = world.add('mgr-1', 'manager');
    const cust = world.add('cust-1', 'customer', custExtra);
    await Promise.all([mgr.ready, cust.ready]);
    await mgr.call({ conversationId: 'conv-1', assigneeId: 'mgr-1', callee: 'cust-1', kind: 'video' });
    await waitFor(() => cust.$meet.get().status === 'ringing-in', 'customer rings');
    await cust.accept();
    await Promise.all([connectedTo(mgr, ['cust-1']), connectedTo(cust, ['mgr-1'])]);
    return { mgr, cust };
  }

  it('shows nothing until a meet connects, then a tile per person with live video', async () => {
    const mgr = world.add('mgr-1', 'manager');
    const cust = world.add('cust-1', 'customer');
    const el = mount(mgr, { userRole: 'manager' });
    await el.updateComplete;
    expect($(el, '.window')).to.equal(null);
    expect(el.dataset.status).to.equal('idle');
    expect(getComputedStyle(el).display).to.equal('none');
    await Promise.all([mgr.ready, cust.ready]);
    await mgr.call({ conversationId: 'conv-1', assigneeId: 'mgr-1', callee: 'cust-1', kind: 'video' });
    await waitFor(() => cust.$meet.get().status === 'ringing-in', 'customer rings');
    await cust.accept();
    await connectedTo(mgr, ['cust-1']);
    await waitFor(() => Boolean(tile(el, 'cust-1')?.matches(':not(.no-video)')), 'remote camera tile');
    expect($$(el, '.tile')).to.have.length(2);
    expect(tile(el, 'cust-1')!.querySelector('.name')!.textContent).to.equal('Name cust-1');
    expect(tile(el, 'self')!.querySelector('.name')!.textContent).to.equal('You');
    expect(await playing(tile(el, 'cust-1')!.querySelector('video'))).to.equal(true);
    expect(await playing(tile(el, 'self')!.querySelector('video'))).to.equal(true);
    // Remote audio plays from the remote tile; my own is muted (no echo).
    expect(tile(el, 'cust-1')!.querySelector('video')!.muted).to.equal(false);
    expect(tile(el, 'self')!.querySelector('video')!.muted).to.equal(true);
  });

  it('mic and camera controls go through intents to the core, and the other side sees it', async () => {
    const { mgr, cust } = await videoMeet();
    const mgrEl = mount(mgr, { userRole: 'manager' });
    const custEl = mount(cust, { userRole: 'customer' });
    unbind.push(bindIntents(mgrEl, mgr, { call: () => undefined }), bindIntents(custEl, cust, { call: () => undefined }));
    await mgrEl.updateComplete;
    const intents: MeetIntent[] = [];
    mgrEl.addEventListener(INTENT_EVENT, (e) => intents.push((e as CustomEvent<MeetIntent>).detail));
    expect(control(mgrEl, 'mic')!.getAttribute('aria-label')).to.equal('Turn microphone off');
    control(mgrEl, 'mic')!.click();
    expect(intents).to.deep.equal([{ type: 'set-mic', on: false }]);
    expect(mgr.$local.get().mic).to.equal(false);
    await mgrEl.updateComplete;
    expect(control(mgrEl, 'mic')!.getAttribute('aria-label')).to.equal('Turn microphone on');
    expect(tile(mgrEl, 'self')!.querySelector('[part="tile-muted"]')).to.not.equal(null);
    await waitFor(() => Boolean(tile(custEl, 'mgr-1')?.querySelector('[part="tile-muted"]')), 'the customer sees the manager muted');
    expect($(mgrEl, '[data-live]')!.textContent).to.equal('Your microphone is off');
    control(mgrEl, 'camera')!.click();
    await waitFor(() => mgr.$local.get().camera === false, 'camera off');
    await waitFor(() => Boolean(tile(custEl, 'mgr-1')?.classList.contains('no-video')), 'the customer sees the camera off');
    expect(tile(custEl, 'mgr-1')!.getAttribute('aria-label')).to.equal('Name mgr-1, Microphone off, Camera off');
  });

  it('R11: end for everyone is a manager control only; it ends the meet for both', async () => {
    const { mgr, cust } = await videoMeet();
    const mgrEl = mount(mgr, { userRole: 'manager' });
    const custEl = mount(cust);
    unbind.push(bindIntents(mgrEl, mgr, { call: () => undefined }));
    await Promise.all([mgrEl.updateComplete, custEl.updateComplete]);
    expect(control(custEl, 'end-for-all')).to.equal(null);
    expect(control(custEl, 'leave')).to.not.equal(null);
    control(mgrEl, 'end-for-all')!.click();
    await waitFor(() => cust.$meet.get().status === 'ended', 'customer ended');
    expect(cust.$meet.get().endReason).to.equal('ended-for-all');
    await custEl.updateComplete;
    expect($(custEl, '.window')).to.equal(null);
    await waitFor(() => openPeerConnections() === 0 && liveTracks() === 0, 'no leaked links or cameras');
  });

  it('leave ends it only for me; the other side is told who left (aria-live)', async () => {
    const { mgr, cust } = await videoMeet();
    const mgrEl = mount(mgr, { userRole: 'manager' });
    const custEl = mount(cust);
    unbind.push(bindIntents(custEl, cust, { call: () => undefined }));
    await mgrEl.updateComplete;
    control(custEl, 'leave')!.click();
    expect(cust.$meet.get().status).to.equal('ended');
    await waitFor(() => !tile(mgrEl, 'cust-1'), 'tile removed');
    expect(mgr.$meet.get().status).to.equal('live');
    await waitFor(() => $(mgrEl, '[data-live]')!.textContent === 'Name cust-1 left', 'leave announced');
  });

  it('announces who joins', async () => {
    const mgr = world.add('mgr-1', 'manager');
    const cust = world.add('cust-1', 'customer');
    await Promise.all([mgr.ready, cust.ready]);
    const el = mount(mgr, { userRole: 'manager' });
    await mgr.call({ conversationId: 'conv-1', assigneeId: 'mgr-1', callee: 'cust-1', kind: 'voice' });
    await waitFor(() => cust.$meet.get().status === 'ringing-in', 'customer rings');
    await cust.accept();
    await waitFor(() => $(el, '[data-live]')?.textContent === 'Name cust-1 joined', 'join announced');
  });

  it('R1: a manager turning video on with a phone participant present is told they cannot see it', async () => {
    const { mgr } = await videoMeet({ self: { id: 'cust-1', name: 'Phone caller', role: 'customer', audioOnly: true } });
    const el = mount(mgr, { userRole: 'manager' });
    await waitFor(() => Boolean($(el, '[part="notice"]')), 'the R1 notice');
    expect($(el, '[part="notice"]')!.textContent!.trim()).to.equal('Phone caller joined by phone and cannot see video.');
    expect(tile(el, 'cust-1')!.getAttribute('aria-label')).to.contain('By phone');
  });

  it('the chosen speaker (saved settings) is applied to remote audio with setSinkId', async () => {
    const { mgr } = await videoMeet();
    meetSettings('mgr-1').setKey('speakerId', 'default');
    const el = mount(mgr, { userRole: 'manager', userId: 'mgr-1' });
    await waitFor(() => (tile(el, 'cust-1')?.querySelector('video') as HTMLVideoElement & { sinkId: string })?.sinkId === 'default', 'sinkId set');
    meetSettings('mgr-1').setKey('speakerId', null);
    await waitFor(() => (tile(el, 'cust-1')?.querySelector('video') as HTMLVideoElement & { sinkId: string })?.sinkId === '', 'back to the system default');
  });

  it('network quality and speaking come from the core\'s getStats sampling', async () => {
    const { mgr } = await videoMeet();
    const el = mount(mgr, { userRole: 'manager' });
    await waitFor(() => Boolean(tile(el, 'cust-1')?.querySelector('[part="tile-quality"]')), 'quality bars on the remote tile', 15_000);
    // Loopback: no loss, tiny round trips.
    expect(tile(el, 'cust-1')!.querySelector('[part="tile-quality"]')!.getAttribute('aria-label')).to.equal('Network: good');
    // The fake microphone beeps: the remote tile lights up while it does.
    await waitFor(() => tile(el, 'cust-1')?.dataset.speaking === 'true', 'speaking ring', 15_000);
    expect(tile(el, 'cust-1')!.classList.contains('speaking')).to.equal(true);
  });

  it('reconnecting shows a banner while the signaling connection is back-off retrying', async () => {
    const { mgr } = await videoMeet();
    const el = mount(mgr, { userRole: 'manager' });
    await el.updateComplete;
    expect($(el, '[part="banner"]')).to.equal(null);
    mgr.$meet.setKey('status', 'reconnecting');
    await el.updateComplete;
    expect($(el, '[part="banner"]')!.textContent).to.equal('Connection lost. Reconnecting…');
    expect($(el, '[part="banner"]')!.getAttribute('role')).to.equal('status');
  });
});

describe('<chat-meet-call> states', function () {
  this.timeout(20_000);
  const unbind: (() => void)[] = [];
  afterEach(() => unbind.splice(0).forEach((u) => u()));

  it('every named state renders its window', async () => {
    for (const [name, state] of Object.entries(callStates)) {
      const { client, props } = state.make();
      const el = mount(client, props);
      await el.updateComplete;
      expect($(el, '.window'), name).to.not.equal(null);
      el.remove();
    }
  });

  it('ten people in a 4-column grid; each tile shows speaking, link state and network quality', async () => {
    const { client, props } = callStates['live-ten-manager'].make();
    const el = mount(client, props);
    await el.updateComplete;
    expect($$(el, '.tile')).to.have.length(10);
    expect(getComputedStyle($(el, '.grid')!).gridTemplateColumns.split(' ')).to.have.length(4);
    expect($$(el, '.tile.speaking').map((t) => t.dataset.id)).to.deep.equal(['p3']);
    expect(tile(el, 'p7')!.querySelector('[part="tile-connection"]')!.textContent).to.equal('Reconnecting');
    expect(tile(el, 'p0')!.querySelector('[part="tile-quality"]')!.getAttribute('aria-label')).to.equal('Network: good');
    expect(tile(el, 'p1')!.querySelector('[part="tile-quality"]')!.getAttribute('aria-label')).to.equal('Network: fair');
    expect(tile(el, 'p2')!.querySelector('[part="tile-quality"]')!.getAttribute('aria-label')).to.equal('Network: poor');
    expect(tile(el, 'p1')!.querySelector('[part="tile-muted"]')).to.not.equal(null);
    expect(tile(el, 'p2')!.classList.contains('no-video')).to.equal(true);
    expect(control(el, 'end-for-all')).to.not.equal(null);
  });

  it('a shared screen goes on the large stage tile, the rest in a strip', async () => {
    const { client } = callStates['screen-share'].make();
    const el = mount(client);
    await el.updateComplete;
    const stage = $(el, '[part="stage"]')!;
    expect(stage.getAttribute('aria-label')).to.equal('Alex Park is sharing the screen');
    expect(stage.querySelector<HTMLElement>('.tile')!.dataset.id).to.equal('p1');
    expect(stage.getBoundingClientRect().width).to.be.greaterThan(tile(el, 'p0')!.getBoundingClientRect().width * 2);
  });

  it('takes focus when it appears while focus is nowhere, and never steals it', async () => {
    (document.activeElement as HTMLElement | null)?.blur();
    const client = stateClient({ status: 'idle' }, [person(0)]);
    const el = mount(client);
    await el.updateComplete;
    client.$meet.setKey('status', 'connecting');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(control(el, 'mic'));
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    const other = stateClient({ status: 'idle' }, [person(1)]);
    const second = mount(other);
    other.$meet.setKey('status', 'live');
    await second.updateComplete;
    expect(document.activeElement).to.equal(input);
    input.remove();
  });

  it('R12: screen share is offered only where the environment supports it', async () => {
    const client = stateClient({}, [person(0)]);
    const el = mount(client, { environment: { inApp: false, mobile: false, supports: { meet: true, screenShare: true } } });
    await el.updateComplete;
    expect(control(el, 'screen')).to.not.equal(null);
    el.environment = { inApp: false, mobile: true, supports: { meet: true, screenShare: false } };
    await el.updateComplete;
    expect(control(el, 'screen')).to.equal(null);
  });

  it('mobile layout fills the viewport, at most two columns', async () => {
    const { client, props } = callStates.mobile.make();
    const el = mount(client, props);
    await el.updateComplete;
    const rect = $(el, '.window')!.getBoundingClientRect();
    expect(rect.width).to.equal(window.innerWidth);
    expect(rect.top).to.equal(0);
    expect(getComputedStyle($(el, '.grid')!).gridTemplateColumns.split(' ')).to.have.length(2);
    expect(control(el, 'move')).to.equal(null); // full screen: nothing to move
    expect(control(el, 'screen')).to.equal(null); // R12
  });

  it('minimise keeps the meet in a pill with mic and leave; restore brings the controls back', async () => {
    const client = stateClient({}, [person(0)]);
    const el = mount(client);
    await el.updateComplete;
    const events: boolean[] = [];
    el.addEventListener('chat-meet-minimise', (e) => events.push((e as CustomEvent).detail.minimised));
    control(el, 'minimise')!.click();
    await el.updateComplete;
    expect(el.minimised).to.equal(true);
    expect($(el, '[part="controls"]')).to.equal(null);
    expect(control(el, 'mic-mini')).to.not.equal(null);
    expect(control(el, 'minimise')!.getAttribute('aria-label')).to.equal('Restore meet window');
    // The tiles stay in the DOM so remote audio keeps playing.
    expect(tile(el, 'p0')!.querySelector('video')!.srcObject).to.not.equal(null);
    control(el, 'minimise')!.click();
    await el.updateComplete;
    expect($(el, '[part="controls"]')).to.not.equal(null);
    expect(events).to.deep.equal([true, false]);
  });

  it('moves with the arrow keys on the focused handle, and by pointer drag', async () => {
    const client = stateClient({}, [person(0)]);
    const el = mount(client, { layout: 'desktop' });
    el.style.setProperty('--chat-meet-call-width', '360px');
    await el.updateComplete;
    const frame = $(el, '.window')!;
    const start = frame.getBoundingClientRect();
    control(el, 'move')!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    let now = frame.getBoundingClientRect();
    expect(Math.round(start.left - now.left)).to.equal(16);
    expect(Math.round(start.top - now.top)).to.equal(16);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ up: 'Shift' });
    await el.updateComplete;
    expect(Math.round(now.left - frame.getBoundingClientRect().left)).to.equal(64);
    now = frame.getBoundingClientRect();
    const handle = control(el, 'move')!.getBoundingClientRect();
    const [hx, hy] = [Math.round(handle.left + handle.width / 2), Math.round(handle.top + handle.height / 2)];
    await sendMouse({ type: 'move', position: [hx, hy] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [hx - 100, hy - 50] });
    await sendMouse({ type: 'up' });
    await el.updateComplete;
    const moved = frame.getBoundingClientRect();
    expect(Math.round(now.left - moved.left)).to.equal(100);
    expect(Math.round(now.top - moved.top)).to.equal(50);
    // Dragging far outside keeps it on screen.
    control(el, 'move')!.focus();
    for (let i = 0; i < 80; i++) await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(frame.getBoundingClientRect().left).to.equal(8);
  });

  it('every control is reachable with Tab and works with Enter and Space', async () => {
    const client = stateClient({}, [person(0)]);
    const el = mount(client, { userRole: 'manager', layout: 'desktop', environment: { inApp: false, mobile: false, supports: { meet: true, screenShare: true } } });
    unbind.push(bindIntents(el, client, { call: () => undefined }));
    await el.updateComplete;
    control(el, 'move')!.focus();
    const order: string[] = [];
    for (let i = 0; i < 9; i++) {
      order.push((el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.control ?? (el.shadowRoot!.activeElement?.className || ''));
      await sendKeys({ press: 'Tab' });
    }
    expect(order).to.deep.equal(['move', 'minimise', 'body', 'mic', 'camera', 'screen', 'settings', 'leave', 'end-for-all']);
    control(el, 'mic')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(client.$local.get().mic).to.equal(false);
    await el.updateComplete;
    await sendKeys({ press: 'Space' });
    expect(client.$local.get().mic).to.equal(true);
  });

  it('speaks Korean and Japanese', async () => {
    const client = stateClient({ status: 'reconnecting' }, [person(0, { mic: false })]);
    const ko = mount(client, { locale: 'ko', userRole: 'manager' });
    const ja = mount(client, { locale: 'ja', userRole: 'manager' });
    await Promise.all([ko.updateComplete, ja.updateComplete]);
    expect(control(ko, 'end-for-all')!.getAttribute('aria-label')).to.equal('모두에게 미트 종료');
    expect($(ko, '[part="banner"]')!.textContent).to.equal('연결이 끊겼습니다. 다시 연결하는 중…');
    expect(control(ja, 'leave')!.getAttribute('aria-label')).to.equal('退出');
    expect(tile(ja, 'p0')!.getAttribute('aria-label')).to.equal('Mina Kim, マイクオフ');
  });

  it('looks the same inside a host page with hostile global CSS', async () => {
    const measure = async () => {
      const { client, props } = callStates['live-ten-manager'].make();
      const el = mount(client, { ...props, layout: 'desktop' });
      await el.updateComplete;
      const box = (sel: string) => {
        const r = $(el, sel)!.getBoundingClientRect();
        return [Math.round(r.width), Math.round(r.height)];
      };
      const sizes = { window: box('.window'), tile: box('.tile'), mic: box('[data-control="mic"]'), font: getComputedStyle($(el, '.name')!).fontSize, visible: getComputedStyle($(el, 'video')!).display };
      el.remove();
      return sizes;
    };
    const clean = await measure();
    const hostile = document.createElement('style');
    hostile.textContent = `* { box-sizing: content-box !important; font-size: 31px !important; line-height: 3 !important; letter-spacing: 4px !important; }
      html { font-size: 40px !important; } button { background: red !important; padding: 20px !important; display: block !important; }
      video { display: none !important; } div, section, ul, li { margin: 30px !important; padding: 30px !important; }`;
    document.head.append(hostile);
    try {
      expect(await measure()).to.deep.equal(clean);
    } finally {
      hostile.remove();
    }
  });

  it('works under a strict Content-Security-Policy (no unsafe-inline, no unsafe-eval)', async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '1000px';
    frame.style.height = '900px';
    frame.srcdoc = `<!doctype html><html><head>
      <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; media-src 'self' blob: mediastream:; img-src 'self' data:">
      </head><body><script type="module" src="/test/elements/call-csp-frame.ts"></script></body></html>`;
    document.body.append(frame);
    try {
      await waitFor(() => Boolean((frame.contentWindow as unknown as { cspResult?: unknown })?.cspResult), 'the frame ran', 15_000);
      const result = await (frame.contentWindow as unknown as { cspResult: Promise<Record<string, unknown>> }).cspResult;
      expect(result).to.deep.equal({ violations: [], windowBackground: 'rgb(17, 24, 39)', windowLeft: result.windowLeft, gridColumns: 4, panelBorderRadius: '12px' });
      expect(result.windowLeft).to.match(/^\d+px$/);
    } finally {
      frame.remove();
    }
  });
});
