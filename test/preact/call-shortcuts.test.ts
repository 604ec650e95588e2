// R13 for a Preact page that renders <MeetCall> and no <MeetRing>: the call window listens
// for the shortcuts itself, and its intents reach the client through MeetCall's own binding;
// `shortcuts` on <MeetCall> opts a customer in. Real Chromium, Preact's render(), a client
// in a fixed live state (its actions move its stores).
import { expect } from 'chai';
import { h, render } from 'preact';
import type { ChatMeetCall } from '../../src/elements/call/call.element.js';
import { MeetCall, MeetProvider, MeetRing } from '../../src/preact/index.js';
import { stateClient, stopCanvasStreams } from '../elements/call-states.js';
import { waitFor } from '../helpers/wait.js';

/** Ctrl+Shift+M at the window (headless Chromium on Linux: `$mod` is Ctrl). */
const toggleMic = () =>
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'M', code: 'KeyM', ctrlKey: true, shiftKey: true, bubbles: true, composed: true, cancelable: true }));

describe('chat-meet/preact: <MeetCall> hosts the R13 shortcuts', function () {
  this.timeout(20_000);
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    stopCanvasStreams();
  });

  const call = () => root.querySelector<ChatMeetCall>('chat-meet-call');
  const mic = () => call()?.shadowRoot?.querySelector('[data-control="mic"]') ?? null;

  it('a manager with only <MeetCall>: Ctrl+Shift+M mutes through the client; the control names its keys', async () => {
    const client = stateClient({ status: 'live' }, [], { mic: true, camera: false, stream: null });
    render(h(MeetProvider, { client, user: { id: 'mgr-1', role: 'manager' }, locale: 'en' }, h(MeetCall, {})), root);
    await waitFor(() => mic() !== null, 'the call window (lazy)');
    expect(mic()!.getAttribute('aria-keyshortcuts')).to.equal('Control+Shift+M');
    toggleMic();
    await waitFor(() => client.$local.get().mic === false, 'the microphone off');
    toggleMic();
    await waitFor(() => client.$local.get().mic === true, 'the microphone on again');
  });

  it('a customer: off unless <MeetCall shortcuts="on">; with <MeetRing> too, one press still toggles once', async () => {
    const client = stateClient({ status: 'live' }, [], { mic: true, camera: false, stream: null });
    const page = (shortcuts?: 'on') => h(MeetProvider, { client, user: { id: 'cust-1', role: 'customer' }, locale: 'en' }, h(MeetRing, { shortcuts, sound: 'off' }), h(MeetCall, { shortcuts }));
    render(page(), root);
    await waitFor(() => mic() !== null, 'the call window (lazy)');
    expect(mic()!.getAttribute('aria-keyshortcuts')).to.equal(null);
    toggleMic();
    expect(client.$local.get().mic, 'customers: off by default').to.equal(true);
    render(page('on'), root);
    await waitFor(() => mic()!.getAttribute('aria-keyshortcuts') === 'Control+Shift+M', 'the keys on the control');
    await waitFor(() => Boolean(root.querySelector<HTMLElement & { shortcutsActive?: boolean }>('chat-meet-ring')?.shortcutsActive), 'the ring listening too');
    toggleMic();
    // Two listeners would toggle it twice (back on); one toggles it off.
    await new Promise((r) => setTimeout(r, 100));
    expect(client.$local.get().mic).to.equal(false);
  });
});
