// R13 in the call window: its controls name their keys (aria-keyshortcuts, and the tooltip)
// while shortcuts are on for the user, and the window listens for them itself when no
// <chat-meet-ring> is mounted (an npm or Preact page may mount only the call window). With
// both on one client, exactly one listens: a press acts once. Keys are real KeyboardEvents
// at the window (what tinykeys listens to); headless Chromium on Linux, so `$mod` is Ctrl.
import { expect } from 'chai';
import '../../src/elements/call/call.js';
import '../../src/elements/ring/ring.js';
import { mountElements } from '../../src/boot/mount.js';
import { parseBootOptions, type BootConfig } from '../../src/boot/options.js';
import type { ChatMeetCall } from '../../src/elements/call/call.element.js';
import type { ChatMeetRing } from '../../src/elements/ring/ring.element.js';
import { INTENT_EVENT, type MeetIntent } from '../../src/elements/intents.js';
import type { MeetClient } from '../../src/core/types.js';
import { stateClient, stopCanvasStreams } from './call-states.js';
import { CHORDS, press } from './shortcut-keys.js';

const intents: { type: string; from: string }[] = [];
const record = (e: Event) => intents.push({ type: (e as CustomEvent<MeetIntent>).detail.type, from: (e.target as Element).localName });
const mounted: HTMLElement[] = [];

async function call(client: MeetClient, props: Partial<ChatMeetCall> = {}): Promise<ChatMeetCall> {
  const el = Object.assign(document.createElement('chat-meet-call'), { locale: 'en', client, ...props });
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  return el;
}
async function ring(client: MeetClient, props: Partial<ChatMeetRing> = {}): Promise<ChatMeetRing> {
  const el = Object.assign(document.createElement('chat-meet-ring'), { locale: 'en', client, sound: 'off', noticeMs: 0, ...props });
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  return el;
}
const live = (status: 'live' | 'ringing-in' = 'live') => stateClient({ status }, [], { mic: true, camera: false, stream: null });
/** `[title, aria-keyshortcuts]` of a control. */
const keysOf = (el: ChatMeetCall, name: string) => {
  const b = el.shadowRoot!.querySelector(`[data-control="${name}"]`);
  return b ? [b.getAttribute('title'), b.getAttribute('aria-keyshortcuts')] : null;
};

describe('<chat-meet-call> and the R13 shortcuts', () => {
  beforeEach(() => {
    intents.length = 0;
    document.addEventListener(INTENT_EVENT, record);
  });
  afterEach(() => {
    document.removeEventListener(INTENT_EVENT, record);
    mounted.splice(0).forEach((el) => el.remove());
    stopCanvasStreams();
  });

  it('a manager: mic, leave and end for everyone name their keys in the tooltip and aria-keyshortcuts; the others do not', async () => {
    const el = await call(live(), { userRole: 'manager' });
    expect(el.shortcutsActive).to.equal(true);
    expect(keysOf(el, 'mic')).to.deep.equal(['Turn microphone off (Ctrl+Shift+M)', 'Control+Shift+M']);
    expect(keysOf(el, 'leave')).to.deep.equal(['Leave (Ctrl+O)', 'Control+O']);
    expect(keysOf(el, 'end-for-all')).to.deep.equal(['End for everyone (Ctrl+Shift+O)', 'Control+Shift+O']);
    expect(keysOf(el, 'camera')?.[1]).to.equal(null);
    expect(keysOf(el, 'settings')?.[1]).to.equal(null);
    // The accessible name stays the label alone: aria-keyshortcuts carries the keys.
    const mic = el.shadowRoot!.querySelector('[data-control="mic"]')!;
    expect(mic.getAttribute('aria-label')).to.equal('Turn microphone off');
  });

  it('minimised: the pill\'s mic and leave buttons name their keys too', async () => {
    const el = await call(live(), { userRole: 'manager', minimised: true });
    expect(keysOf(el, 'mic-mini')).to.deep.equal(['Turn microphone off (Ctrl+Shift+M)', 'Control+Shift+M']);
    expect(keysOf(el, 'leave-mini')).to.deep.equal(['Leave (Ctrl+O)', 'Control+O']);
  });

  it('a customer: off by default (plain tooltips, no keys, nothing fires); `shortcuts="on"` opts in', async () => {
    const client = live();
    const el = await call(client);
    expect(el.shortcutsActive).to.equal(false);
    expect(keysOf(el, 'mic')).to.deep.equal(['Turn microphone off', null]);
    expect(keysOf(el, 'leave')).to.deep.equal(['Leave', null]);
    press(CHORDS.toggleMic);
    expect(press(CHORDS.leave).defaultPrevented).to.equal(false);
    expect(intents).to.deep.equal([]);
    el.shortcuts = 'on';
    await el.updateComplete;
    expect(keysOf(el, 'mic')).to.deep.equal(['Turn microphone off (Ctrl+Shift+M)', 'Control+Shift+M']);
    expect(keysOf(el, 'end-for-all'), 'customers have no end for everyone (R11)').to.equal(null);
    press(CHORDS.toggleMic);
    press(CHORDS.endForAll);
    press(CHORDS.leave);
    expect(intents).to.deep.equal([{ type: 'set-mic', from: 'chat-meet-call' }, { type: 'leave', from: 'chat-meet-call' }]);
  });

  it('with no ring on the page, the window listens: mic, end for everyone, leave; the browser keeps nothing of Ctrl+O', async () => {
    await call(live(), { userRole: 'manager' });
    press(CHORDS.toggleMic);
    press(CHORDS.endForAll);
    expect(press(CHORDS.leave).defaultPrevented).to.equal(true);
    expect(intents).to.deep.equal([
      { type: 'set-mic', from: 'chat-meet-call' }, { type: 'end-for-all', from: 'chat-meet-call' }, { type: 'leave', from: 'chat-meet-call' },
    ]);
  });

  it('ring and window on one client: each press acts once; when one goes, the other takes over; when both go, nothing listens', async () => {
    const client = live();
    const r = await ring(client, { userRole: 'manager' });
    const w = await call(client, { userRole: 'manager' });
    expect([r.shortcutsActive, w.shortcutsActive]).to.deep.equal([true, true]);
    press(CHORDS.toggleMic);
    press(CHORDS.leave);
    expect(intents.map((i) => i.type)).to.deep.equal(['set-mic', 'leave']);
    intents.length = 0;
    r.remove();
    press(CHORDS.toggleMic);
    expect(intents).to.deep.equal([{ type: 'set-mic', from: 'chat-meet-call' }]);
    intents.length = 0;
    w.remove();
    expect(press(CHORDS.leave).defaultPrevented).to.equal(false);
    expect(intents).to.deep.equal([]);
    // Mounted again (the window first this time): still one action per press.
    document.body.append(w, r);
    await Promise.all([w.updateComplete, r.updateComplete]);
    press(CHORDS.toggleMic);
    expect(intents).to.deep.equal([{ type: 'set-mic', from: 'chat-meet-call' }]);
  });

  it('two clients on one page (two users in a QA page) each keep their own listener', async () => {
    await call(live(), { userRole: 'manager' });
    await call(live(), { userRole: 'manager' });
    press(CHORDS.toggleMic);
    expect(intents.map((i) => i.type)).to.deep.equal(['set-mic', 'set-mic']);
  });

  it('ringing with only the window mounted: Ctrl+Shift+Space still accepts', async () => {
    await call(live('ringing-in'), { userRole: 'manager' });
    press(CHORDS.accept);
    expect(intents).to.deep.equal([{ type: 'accept', from: 'chat-meet-call' }]);
  });

  it('the boot passes its `shortcuts` option to the call window as well as the ring', async () => {
    const config = (parseBootOptions({ user: { id: 'c1', role: 'customer' }, shortcuts: 'on' }) as { output: BootConfig }).output;
    const mount = mountElements(config);
    const el = document.createElement('chat-meet-call') as ChatMeetCall;
    el.locale = 'en';
    mount.add(el);
    mount.setClient(live());
    await el.updateComplete;
    try {
      expect([el.shortcuts, el.shortcutsActive, keysOf(el, 'mic')?.[1]]).to.deep.equal(['on', true, 'Control+Shift+M']);
    } finally {
      mount.destroy();
    }
  });
});
