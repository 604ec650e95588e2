// R13 keyboard shortcuts, as <chat-meet-ring> hosts them: which intent each chord sends in
// each meet status, on by default for managers, opt-in for customers, off when turned off,
// also while the user types in the host page's chat box. Keys are real KeyboardEvents
// at the window (what tinykeys listens to); the last test runs them against real clients.
import { expect } from 'chai';
import '../../src/elements/ring/ring.js';
import type { ChatMeetRing } from '../../src/elements/ring/ring.element.js';
import { bindIntents, INTENT_EVENT, type MeetIntent } from '../../src/elements/intents.js';
import { describeShortcut, notForUs, SHORTCUTS, shortcutsEnabled } from '../../src/elements/shortcuts/shortcuts.js';
import type { MeetStatus } from '../../src/core/status.js';
import type { MeetClient } from '../../src/core/types.js';
import { stateClient, stopCanvasStreams, type StateClient } from './call-states.js';
import { createWorld, type World } from '../helpers/meet.js';
import { mountElements } from '../../src/boot/mount.js';
import { parseBootOptions, type BootConfig } from '../../src/boot/options.js';
import { waitFor } from '../helpers/wait.js';
import { CHORDS, press, type Chord } from './shortcut-keys.js';

const intents: MeetIntent[] = [];
const record = (e: Event) => intents.push((e as CustomEvent<MeetIntent>).detail);
const mounted: HTMLElement[] = [];

async function ring(client: MeetClient, props: Partial<ChatMeetRing> = {}): Promise<ChatMeetRing> {
  const el = Object.assign(document.createElement('chat-meet-ring'), { locale: 'en', client, sound: 'off', noticeMs: 0, ...props });
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  return el;
}

/** A ring on a client in `status` (stores only, no network). */
async function ringIn(status: MeetStatus, props: Partial<ChatMeetRing> = {}, mic = true): Promise<{ el: ChatMeetRing; client: StateClient }> {
  const client = stateClient({ status, caller: { id: 'p1', name: 'Mina', role: 'manager', audioOnly: false, mic: true, camera: true, screen: false } }, [], { mic, stream: null });
  const el = await ring(client, props);
  return { el, client };
}

/** What each chord sends, in order, in this state. */
function pressAll(): Record<keyof typeof CHORDS, MeetIntent[]> {
  const out = {} as Record<keyof typeof CHORDS, MeetIntent[]>;
  for (const [name, chord] of Object.entries(CHORDS) as [keyof typeof CHORDS, Chord][]) {
    intents.length = 0;
    press(chord);
    out[name] = [...intents];
  }
  intents.length = 0;
  return out;
}

describe('R13 keyboard shortcuts', function () {
  this.timeout(30_000);
  beforeEach(() => {
    intents.length = 0;
    document.addEventListener(INTENT_EVENT, record);
  });
  afterEach(() => {
    document.removeEventListener(INTENT_EVENT, record);
    mounted.splice(0).forEach((el) => el.remove());
    document.querySelectorAll('[data-test-host]').forEach((e) => e.remove());
    stopCanvasStreams();
  });

  it('the bindings are R13\'s, with ⌘ on a Mac and Ctrl elsewhere', () => {
    expect(SHORTCUTS).to.deep.equal({ accept: '$mod+Shift+Space', toggleMic: '$mod+Shift+m', endForAll: '$mod+Shift+o', leave: '$mod+o' });
    expect(describeShortcut(SHORTCUTS.accept, false)).to.deep.equal({ label: 'Ctrl+Shift+Space', aria: 'Control+Shift+Space' });
    expect(describeShortcut(SHORTCUTS.accept, true)).to.deep.equal({ label: '⌘+Shift+Space', aria: 'Meta+Shift+Space' });
    expect(describeShortcut(SHORTCUTS.toggleMic, true).label).to.equal('⌘+Shift+M');
    expect(describeShortcut(SHORTCUTS.endForAll, false).label).to.equal('Ctrl+Shift+O');
    expect(describeShortcut(SHORTCUTS.leave, false).label).to.equal('Ctrl+O');
  });

  it('on by default for managers, opt-in for customers, and can be turned off', () => {
    expect(shortcutsEnabled('auto', 'manager')).to.equal(true);
    expect(shortcutsEnabled('auto', 'customer')).to.equal(false);
    expect(shortcutsEnabled(undefined, 'customer')).to.equal(false);
    expect(shortcutsEnabled('on', 'customer')).to.equal(true);
    expect(shortcutsEnabled('off', 'manager')).to.equal(false);
    expect(shortcutsEnabled('off', 'customer')).to.equal(false);
  });

  it('a manager, ringing in: Ctrl+Shift+Space accepts; the others do nothing yet', async () => {
    const { el } = await ringIn('ringing-in', { userRole: 'manager' });
    expect(el.shortcutsActive).to.equal(true);
    expect(pressAll()).to.deep.equal({ accept: [{ type: 'accept' }], toggleMic: [], endForAll: [], leave: [] });
    // The ring shows the chord on the accept button and as a hint.
    const accept = el.shadowRoot!.querySelector('[part="accept"]')!;
    expect(accept.getAttribute('aria-keyshortcuts')).to.equal('Control+Shift+Space');
    expect(el.shadowRoot!.querySelector('.hint')!.textContent).to.equal('Shortcut: Ctrl+Shift+Space');
  });

  for (const status of ['connecting', 'live', 'reconnecting'] as const) {
    it(`a manager, ${status}: mic toggles, end for everyone, leave`, async () => {
      await ringIn(status, { userRole: 'manager' });
      expect(pressAll()).to.deep.equal({ accept: [], toggleMic: [{ type: 'set-mic', on: false }], endForAll: [{ type: 'end-for-all' }], leave: [{ type: 'leave' }] });
    });
  }

  it('mic toggle follows the microphone: off turns it on', async () => {
    await ringIn('live', { userRole: 'manager' }, false);
    press(CHORDS.toggleMic);
    expect(intents).to.deep.equal([{ type: 'set-mic', on: true }]);
  });

  it('a manager, ringing out: leave and end for everyone (both cancel the ring); no accept, no mic', async () => {
    await ringIn('ringing-out', { userRole: 'manager' });
    expect(pressAll()).to.deep.equal({ accept: [], toggleMic: [], endForAll: [{ type: 'end-for-all' }], leave: [{ type: 'leave' }] });
  });

  for (const status of ['idle', 'ended'] as const) {
    it(`${status}: nothing fires and the browser keeps its keys (Ctrl+O is not prevented)`, async () => {
      const { el } = await ringIn(status, { userRole: 'manager' });
      expect(el.shortcutsActive, 'listening (the setting is on)').to.equal(true);
      for (const chord of Object.values(CHORDS)) expect(press(chord).defaultPrevented, chord.code).to.equal(false);
      expect(intents).to.deep.equal([]);
    });
  }

  it('a shortcut that fires keeps the browser from acting on it too', async () => {
    await ringIn('live', { userRole: 'manager' });
    expect(press(CHORDS.leave).defaultPrevented).to.equal(true);
  });

  it('a customer: off by default (no hint either); `shortcuts="on"` opts in, without end for everyone', async () => {
    const { el, client } = await ringIn('ringing-in');
    expect(el.shortcutsActive).to.equal(false);
    expect(el.shadowRoot!.querySelector('.hint')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="accept"]')!.hasAttribute('aria-keyshortcuts')).to.equal(false);
    expect(pressAll()).to.deep.equal({ accept: [], toggleMic: [], endForAll: [], leave: [] });
    el.shortcuts = 'on';
    await el.updateComplete;
    expect(el.shortcutsActive).to.equal(true);
    expect(pressAll().accept).to.deep.equal([{ type: 'accept' }]);
    client.$meet.setKey('status', 'live');
    // R11: ending for everyone is a manager's; a customer's Ctrl+Shift+O does nothing.
    expect(pressAll()).to.deep.equal({ accept: [], toggleMic: [{ type: 'set-mic', on: false }], endForAll: [], leave: [{ type: 'leave' }] });
  });

  it('turned off for a manager (attribute `shortcuts="off"`), live: nothing fires; back on, they work again', async () => {
    const { el } = await ringIn('live', { userRole: 'manager' });
    el.setAttribute('shortcuts', 'off');
    await el.updateComplete;
    expect(el.shortcutsActive).to.equal(false);
    expect(pressAll()).to.deep.equal({ accept: [], toggleMic: [], endForAll: [], leave: [] });
    el.setAttribute('shortcuts', 'auto');
    await el.updateComplete;
    expect(pressAll().leave).to.deep.equal([{ type: 'leave' }]);
  });

  it('a removed ring listens no more', async () => {
    const { el } = await ringIn('live', { userRole: 'manager' });
    el.remove();
    expect(pressAll()).to.deep.equal({ accept: [], toggleMic: [], endForAll: [], leave: [] });
  });

  it('works while the user types in the host chat box (the chords type nothing): inputs, textareas, editable content, a shadow root', async () => {
    await ringIn('live', { userRole: 'manager' });
    const wrap = document.createElement('div');
    wrap.dataset.testHost = '';
    const input = Object.assign(document.createElement('input'), { type: 'text' });
    const textarea = document.createElement('textarea');
    const editable = Object.assign(document.createElement('div'), { contentEditable: 'true' });
    // A chat widget of its own, in a shadow root: the window sees only its host as the target.
    const widget = document.createElement('div');
    const widgetBox = document.createElement('textarea');
    widget.attachShadow({ mode: 'open' }).append(widgetBox);
    wrap.append(input, textarea, editable, widget);
    document.body.append(wrap);
    for (const field of [input, textarea, editable, widgetBox]) {
      field.focus();
      expect(press(CHORDS.toggleMic, field).defaultPrevented, field.localName).to.equal(true);
    }
    expect(intents).to.deep.equal(Array.from({ length: 4 }, () => ({ type: 'set-mic', on: false })));
    expect(textarea.value + input.value + editable.textContent + widgetBox.value, 'nothing typed').to.equal('');
  });

  it('one press, one action: auto-repeat and IME composition are not shortcuts', async () => {
    await ringIn('live', { userRole: 'manager' });
    press(CHORDS.toggleMic, document.body, { repeat: true });
    press(CHORDS.toggleMic, document.body, { isComposing: true });
    press({ key: 'Process', code: 'KeyM', shift: true });
    expect(intents).to.deep.equal([]);
    expect(notForUs(new KeyboardEvent('keydown', { key: 'm', ctrlKey: true, shiftKey: true }))).to.equal(false);
  });

  it('other chords do nothing: Ctrl+Alt+O, Ctrl+Shift+Alt+M, Shift+M', async () => {
    await ringIn('live', { userRole: 'manager' });
    press(CHORDS.leave, document.body, { altKey: true });
    press(CHORDS.toggleMic, document.body, { altKey: true });
    press(CHORDS.toggleMic, document.body, { ctrlKey: false });
    expect(intents).to.deep.equal([]);
  });

  it('the boot option `shortcuts` reaches the ring: a customer opts in with `on`; a bad value is refused', async () => {
    const parse = (shortcuts: unknown) => parseBootOptions({ user: { id: 'c1', role: 'customer' }, shortcuts });
    expect(parse('sometimes').success).to.equal(false);
    const ringOf = async (shortcuts: unknown, role: 'customer' | 'manager') => {
      const config = (parseBootOptions({ user: { id: 'u1', role }, ...(shortcuts ? { shortcuts } : {}) }) as { output: BootConfig }).output;
      const mount = mountElements(config);
      const el = document.createElement('chat-meet-ring') as ChatMeetRing;
      mount.add(el);
      mount.setClient(stateClient({ status: 'ringing-in' }, [], { stream: null }));
      await el.updateComplete;
      const active = el.shortcutsActive;
      mount.destroy();
      return [el.shortcuts, active];
    };
    expect(await ringOf(undefined, 'customer')).to.deep.equal(['auto', false]);
    expect(await ringOf('on', 'customer')).to.deep.equal(['on', true]);
    expect(await ringOf(undefined, 'manager')).to.deep.equal(['auto', true]);
    expect(await ringOf('off', 'manager')).to.deep.equal(['off', false]);
  });

  it('on a Mac: ⌘ instead of Ctrl (a frame whose platform is macOS from the start)', async () => {
    const frame = document.createElement('iframe');
    frame.srcdoc = '<!doctype html><html><body><script type="module" src="/test/elements/shortcuts-mac-frame.ts"></script></body></html>';
    document.body.append(frame);
    try {
      await waitFor(() => Boolean((frame.contentWindow as unknown as { macResult?: unknown })?.macResult), 'the Mac frame ran', 15_000);
      const result = await (frame.contentWindow as unknown as { macResult: Promise<unknown> }).macResult;
      expect(result).to.deep.equal({
        hint: 'Shortcut: ⌘+Shift+Space',
        aria: 'Meta+Shift+Space',
        withCtrl: 0,
        fired: [{ type: 'accept' }, { type: 'set-mic', on: false }, { type: 'end-for-all' }, { type: 'leave' }],
      });
    } finally {
      frame.remove();
    }
  });

  describe('with real meet clients', () => {
    let world: World;
    afterEach(() => world.destroy());

    it('a customer who opted in answers, mutes and leaves from the keyboard; the manager ends for everyone', async () => {
      world = createWorld({ ringTimeoutMs: 20_000 });
      const manager = world.add('m1', 'manager', { self: { id: 'm1', name: 'Mina', role: 'manager' } });
      const customer = world.add('c1', 'customer', { self: { id: 'c1', name: 'Kim', role: 'customer' } });
      await Promise.all([manager.ready, customer.ready]);
      // Each side's ring, each bound to its own client (as the boot module does).
      const cRing = await ring(customer, { shortcuts: 'on' });
      const unbind = [bindIntents(cRing, customer, { call: () => undefined })];
      try {
        await manager.call({ kind: 'voice', conversationId: 'conv', assigneeId: 'm1', callee: 'c1' });
        await waitFor(() => customer.$meet.get().status === 'ringing-in', 'customer rings');
        press(CHORDS.accept);
        await waitFor(() => customer.$meet.get().status === 'live' && manager.$meet.get().status === 'live', 'both live');
        expect(customer.$local.get().mic).to.equal(true);
        press(CHORDS.toggleMic);
        await waitFor(() => customer.$local.get().mic === false, 'customer muted');
        await waitFor(() => manager.$participants.get().find((p) => p.id === 'c1')?.mic === false, 'the manager sees the customer muted');
        press(CHORDS.toggleMic);
        await waitFor(() => customer.$local.get().mic === true, 'customer unmuted');
        press(CHORDS.leave);
        await waitFor(() => customer.$meet.get().status === 'ended', 'customer left');
        expect(manager.$meet.get().status, 'the meet goes on for the manager').to.equal('live');
        cRing.remove();
        // The manager's ring now (shortcuts on by default): end for everyone.
        const mRing = await ring(manager, { userRole: 'manager' });
        unbind.push(bindIntents(mRing, manager, { call: () => undefined }));
        press(CHORDS.endForAll);
        await waitFor(() => manager.$meet.get().status === 'ended', 'manager ended it');
        expect(manager.$meet.get().endReason).to.equal('ended-for-all');
      } finally {
        unbind.forEach((u) => u());
      }
    });
  });
});
