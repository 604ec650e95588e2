// <chat-meet-ring> with real meet clients on the in-memory hub: incoming and outgoing,
// accept, decline, cancel, time-out, follow-up when offline (R7, R10), focus in and back,
// announcements, the WebAudio ring and autoplay, languages.
import { expect } from 'chai';
import '../../src/elements/ring/ring.js';
import type { ChatMeetRing } from '../../src/elements/ring/ring.element.js';
import { bindIntents } from '../../src/elements/intents.js';
import type { MeetClient } from '../../src/core/types.js';
import { createWorld, type World } from '../helpers/meet.js';
import { waitFor } from '../helpers/wait.js';

const mounted: HTMLElement[] = [];
const unbinds: (() => void)[] = [];
async function mount(client: MeetClient, props: Partial<ChatMeetRing> = {}): Promise<ChatMeetRing> {
  const el = document.createElement('chat-meet-ring');
  Object.assign(el, { locale: 'en', client, sound: 'off', ...props });
  document.body.append(el);
  mounted.push(el);
  unbinds.push(bindIntents(el, client, { call: () => undefined }));
  await el.updateComplete;
  return el;
}
const $ = <T extends Element = HTMLElement>(el: HTMLElement, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const text = (el: HTMLElement, sel: string) => $(el, sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
const live = (el: HTMLElement) => text(el, '[data-live]');
const view = (el: ChatMeetRing, v: string) => waitFor(() => el.dataset.view === v, `ring view ${v} (now ${el.dataset.view})`);

describe('<chat-meet-ring>', function () {
  this.timeout(30_000);
  let world: World;
  let manager: MeetClient;
  let customer: MeetClient;
  beforeEach(async () => {
    world = createWorld({ ringTimeoutMs: 1500 });
    manager = world.add('m1', 'manager', { self: { id: 'm1', name: 'Mina', role: 'manager' } });
    customer = world.add('c1', 'customer', { self: { id: 'c1', name: 'Kim', role: 'customer' } });
    await Promise.all([manager.ready, customer.ready]);
  });
  afterEach(() => {
    unbinds.splice(0).forEach((u) => u());
    mounted.splice(0).forEach((el) => el.remove());
    world.destroy();
    document.querySelectorAll('[data-test-focus]').forEach((e) => e.remove());
  });

  it('incoming: caller and kind, focus moves into the ring and back, accept joins the meet', async () => {
    const outside = document.createElement('input');
    outside.dataset.testFocus = '';
    outside.setAttribute('aria-label', 'chat message');
    document.body.append(outside);
    outside.focus();
    const ring = await mount(customer);
    expect(ring.dataset.view).to.equal('none');
    await manager.call({ kind: 'video', conversationId: 'conv', assigneeId: 'm1', callee: 'c1' });
    await view(ring, 'incoming');
    await ring.updateComplete;
    const dialog = $(ring, '[part="dialog"]')!;
    expect(dialog.getAttribute('role')).to.equal('alertdialog');
    expect(text(ring, '#ring-title')).to.equal('Incoming Video meet');
    expect(text(ring, '#ring-who')).to.equal('Mina is calling you');
    expect(live(ring)).to.equal('Incoming Video meet. Mina is calling you');
    expect(ring.shadowRoot!.activeElement === $(ring, '[part="accept"]'), 'focus on $(ring, [part="accept"])').to.equal(true);
    $<HTMLButtonElement>(ring, '[part="accept"]')!.click();
    await waitFor(() => customer.$meet.get().status === 'live', 'customer live');
    await view(ring, 'none');
    await ring.updateComplete;
    expect($(ring, '[part="dialog"]') === null).to.equal(true);
    expect(document.activeElement === outside, 'focus on outside').to.equal(true);
  });

  it('incoming, declined: the caller is told who declined; the notice goes after a while', async () => {
    const mRing = await mount(manager, { calleeName: 'Kim', noticeMs: 400 });
    const cRing = await mount(customer);
    await manager.call({ kind: 'voice', conversationId: 'conv', assigneeId: 'm1', callee: 'c1' });
    await view(mRing, 'outgoing');
    await view(cRing, 'incoming');
    expect(text(cRing, '#ring-title')).to.equal('Incoming Voice meet');
    expect(text(mRing, '#ring-who')).to.equal('Calling Kim…');
    $<HTMLButtonElement>(cRing, '[part="decline"]')!.click();
    await view(mRing, 'outcome-declined');
    await mRing.updateComplete;
    expect(text(mRing, '[part="notice"] p')).to.equal('Kim declined the meet.');
    expect(live(mRing)).to.equal('Kim declined the meet.');
    // The one who declined sees nothing more.
    await view(cRing, 'none');
    await view(mRing, 'none');
  });

  it('outgoing: focus moves to Cancel, and back to where it was when the ring ends', async () => {
    const outside = document.createElement('button');
    outside.dataset.testFocus = '';
    outside.textContent = 'Start';
    document.body.append(outside);
    outside.focus();
    const mRing = await mount(manager, { calleeName: 'Kim', noticeMs: 0 });
    await manager.call({ kind: 'video', conversationId: 'conv', assigneeId: 'm1', callee: 'c1' });
    await view(mRing, 'outgoing');
    await mRing.updateComplete;
    expect(mRing.shadowRoot!.activeElement === $(mRing, '[part="cancel"]'), 'focus on Cancel').to.equal(true);
    expect($(mRing, '[part="dialog"]')!.getAttribute('aria-labelledby')).to.equal('ring-title');
    customer.decline();
    await view(mRing, 'outcome-declined');
    await mRing.updateComplete;
    expect(document.activeElement === outside, 'focus back on the page').to.equal(true);
  });

  it('outgoing, cancelled: the callee is told the caller cancelled; dismissed with the button', async () => {
    const mRing = await mount(manager, { calleeName: 'Kim' });
    const cRing = await mount(customer, { noticeMs: 0 });
    await manager.call({ kind: 'video', conversationId: 'conv', assigneeId: 'm1', callee: 'c1' });
    await view(cRing, 'incoming');
    await mRing.updateComplete;
    $<HTMLButtonElement>(mRing, '[part="cancel"]')!.click();
    await view(cRing, 'outcome-cancelled-in');
    await cRing.updateComplete;
    expect(text(cRing, '[part="notice"] p')).to.equal('Mina cancelled the meet.');
    await view(mRing, 'none');
    $<HTMLButtonElement>(cRing, '[data-action="dismiss"]')!.click();
    await view(cRing, 'none');
  });

  it('R10: nobody answers: the caller hears no answer (follow-up sent), the callee that a meet was missed', async () => {
    const mRing = await mount(manager, { calleeName: 'Kim', noticeMs: 0 });
    const cRing = await mount(customer, { noticeMs: 0 });
    await manager.call({ kind: 'video', conversationId: 'conv', assigneeId: 'm1', callee: 'c1' });
    await view(cRing, 'incoming');
    await view(mRing, 'outcome-timed-out');
    await view(cRing, 'outcome-missed-in');
    await mRing.updateComplete;
    await cRing.updateComplete;
    expect(text(mRing, '[part="notice"] p')).to.equal('No answer. A follow-up with the meet link was sent.');
    expect(text(cRing, '[part="notice"] p')).to.equal('You missed a meet from Mina.');
  });

  it('R7: an offline customer: the manager is told a follow-up link was sent and waits in the meet', async () => {
    const mRing = await mount(manager, { calleeName: 'Lee', noticeMs: 0 });
    await manager.call({ kind: 'voice', conversationId: 'conv', assigneeId: 'm1', callee: 'offline-customer' });
    await view(mRing, 'outcome-follow-up');
    await mRing.updateComplete;
    expect(manager.$meet.get().status).to.equal('live');
    expect(text(mRing, '[part="notice"] p')).to.equal('Lee is offline. A follow-up notification with the meet link was sent; they join when they open it.');
    expect(live(mRing)).to.contain('Lee is offline');
  });

  it('plays a generated ring tone while ringing and stops it after', async () => {
    const contexts: AudioContext[] = [];
    const ring = await mount(customer, { sound: 'on', audioContext: () => { const c = new AudioContext(); contexts.push(c); return c; } });
    await manager.call({ kind: 'video', conversationId: 'conv', assigneeId: 'm1', callee: 'c1' });
    await view(ring, 'incoming');
    // The test browser allows autoplay: the context runs and the tone plays.
    await waitFor(() => ring.dataset.sound === 'playing', 'ring tone playing');
    const ctx = contexts[0];
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 2048;
    (ring as unknown as { tone: { output: AudioNode } }).tone.output.connect(analyser);
    const bins = new Float32Array(analyser.frequencyBinCount);
    const binOf = (hz: number) => Math.round((hz / ctx.sampleRate) * analyser.fftSize);
    await waitFor(() => (analyser.getFloatFrequencyData(bins), bins[binOf(660)] > -60 || bins[binOf(880)] > -60), 'energy at 660/880 Hz', 10_000);
    customer.decline();
    await view(ring, 'none');
    await ring.updateComplete;
    expect(ring.dataset.sound).to.equal('off');
    await waitFor(() => ctx.state === 'closed', 'audio context closed');
  });

  it('respects autoplay: silent while the browser keeps audio suspended, plays once it resumes', async () => {
    let ctx!: AudioContext;
    let allow = false;
    const make = () => {
      ctx = new AudioContext();
      void ctx.suspend();
      const realResume = ctx.resume.bind(ctx);
      // What a browser without a user gesture does: resume() does not start the audio.
      ctx.resume = () => (allow ? realResume() : Promise.resolve());
      return ctx;
    };
    const ring = await mount(customer, { sound: 'on', audioContext: make });
    await manager.call({ kind: 'voice', conversationId: 'conv', assigneeId: 'm1', callee: 'c1' });
    await view(ring, 'incoming');
    await new Promise((r) => setTimeout(r, 300));
    expect(ring.dataset.sound).to.equal('blocked');
    // The user's next key press lets it start.
    allow = true;
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    await waitFor(() => ring.dataset.sound === 'playing', 'ring plays after a gesture');
  });

  it('speaks Korean and Japanese', async () => {
    const ko = await mount(customer, { locale: 'ko' });
    const ja = await mount(manager, { locale: 'ja', calleeName: 'Kim' });
    await manager.call({ kind: 'video', conversationId: 'conv', assigneeId: 'm1', callee: 'c1' });
    await view(ko, 'incoming');
    await view(ja, 'outgoing');
    await ko.updateComplete;
    await ja.updateComplete;
    expect(text(ko, '#ring-title')).to.equal('영상 미트 수신');
    expect(text(ko, '[part="accept"]')).to.equal('받기');
    expect(text(ja, '#ring-who')).to.equal('Kimさんを呼び出し中…');
    expect(text(ja, '[part="cancel"]')).to.equal('キャンセル');
  });
});
