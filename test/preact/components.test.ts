// chat-meet/preact components in real Chromium, rendered with Preact's render(): they set
// properties (not attributes) on the elements, load the lazy elements when first rendered,
// and the elements' intents reach the meet client (a real memory-adapter meet).
import { expect } from 'chai';
import { h, render, type ComponentChildren } from 'preact';
import type { ChatMeetButton } from '../../src/elements/button/button.element.js';
import type { ChatMeetCall } from '../../src/elements/call/call.element.js';
import type { ElementEnvironment } from '../../src/elements/base/environment.js';
import type { ChatMeetPermissionGuide } from '../../src/elements/permission-guide/permission-guide.element.js';
import type { ChatMeetRing } from '../../src/elements/ring/ring.element.js';
import type { ChatMeetSettings } from '../../src/elements/settings/settings.element.js';
import type { MeetClient } from '../../src/core/types.js';
import { MeetButton, MeetCall, MeetPermissionGuide, MeetProvider, MeetRing, MeetSettings, usePermissionGuide, type MeetConversation } from '../../src/preact/index.js';
import { createWorld, type World } from '../helpers/meet.js';
import { sleep, waitFor } from '../helpers/wait.js';

// What importing chat-meet/preact defined: the button only (the rest load when rendered).
const definedAtImport = ['chat-meet-button', 'chat-meet-ring', 'chat-meet-call', 'chat-meet-settings', 'chat-meet-permission-guide'].filter((t) => customElements.get(t));

const CAN: ElementEnvironment = { inApp: false, os: 'windows', mobile: false, supports: { meet: true, screenShare: true, blur: true, noiseSuppression: true } };
const shadow = <T extends Element = HTMLElement>(el: Element | null, sel: string) => el?.shadowRoot?.querySelector<T>(sel) ?? null;

describe('chat-meet/preact components', function () {
  this.timeout(40_000);
  let world: World;
  let root: HTMLElement;
  const find = <T extends HTMLElement>(tag: string) => root.querySelector(tag) as T | null;
  const customerSide = (client: MeetClient | null, children: ComponentChildren, extra: object = {}) =>
    render(h(MeetProvider, { client, user: { id: 'cust-1', role: 'customer' }, locale: 'en', environment: CAN, ...extra }, children), root);
  beforeEach(() => {
    world = createWorld();
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    world.destroy();
  });

  it('importing chat-meet/preact defines only the button; the others wait until rendered', () => {
    expect(definedAtImport).to.deep.equal(['chat-meet-button']);
  });

  it('<MeetButton>: properties from props and the provider (no attributes), live; a click rings the assignee through the client', async () => {
    const customer = world.add('cust-1', 'customer');
    const manager = world.add('mgr-1', 'manager');
    await Promise.all([customer.ready, manager.ready]);
    const button = (conversation: MeetConversation) => h(MeetButton, { conversation, kind: 'voice', class: 'chat-head-button', 'data-testid': 'meet' });
    customerSide(customer, button({ id: 'conv-1', assigneeId: null }));
    const el = find<ChatMeetButton>('chat-meet-button')!;
    await el.updateComplete;
    expect(el.client).to.equal(customer);
    expect(el.environment).to.equal(CAN);
    expect([el.userRole, el.kind, el.locale, el.assigneeId, el.source]).to.deep.equal(['customer', 'voice', 'en', null, 'web']);
    expect(el.hasAttribute('client')).to.equal(false);
    expect(el.hasAttribute('environment')).to.equal(false);
    expect([el.className, el.dataset.testid]).to.deep.equal(['chat-head-button', 'meet']);
    expect(el.dataset.mode).to.equal('hidden'); // R5: no assignee yet

    customerSide(customer, button({ id: 'conv-1', assigneeId: 'mgr-1' }));
    await waitFor(() => el.dataset.mode === 'call', 'the button shows once there is an assignee');
    expect(find('chat-meet-button')).to.equal(el); // the same element, updated

    shadow(el, '[part="button"]')!.click();
    await waitFor(() => manager.$meet.get().status === 'ringing-in', 'the assignee rings');
    expect(manager.$meet.get()).to.include({ kind: 'voice', conversationId: 'conv-1' });
    expect(customer.$meet.get().status).to.equal('ringing-out');
    await waitFor(() => el.dataset.mode === 'hidden', 'the button hides while the meet rings');
  });

  it('<MeetButton> for a manager: the voice/video menu, and a call rings the conversation\'s customer (R7)', async () => {
    const customer = world.add('cust-1', 'customer');
    const manager = world.add('mgr-1', 'manager');
    await Promise.all([customer.ready, manager.ready]);
    render(h(MeetProvider, { client: manager, user: { id: 'mgr-1', role: 'manager' }, locale: 'en', environment: CAN },
      h(MeetButton, { conversation: { id: 'conv-1', assigneeId: 'mgr-1', customerId: 'cust-1' } })), root);
    const el = find<ChatMeetButton>('chat-meet-button')!;
    await waitFor(() => el.dataset.mode === 'menu', 'the manager menu');
    shadow(el, '[part="button"]')!.click();
    await el.updateComplete;
    shadow(el, '[data-kind="video"]')!.click();
    await waitFor(() => customer.$meet.get().status === 'ringing-in', 'the customer rings');
    expect(customer.$meet.get()).to.include({ kind: 'video', conversationId: 'conv-1' });
  });

  it('<MeetRing> and <MeetCall> load when rendered; accept, mute, settings and leave reach the client', async () => {
    const customer = world.add('cust-1', 'customer');
    const manager = world.add('mgr-1', 'manager');
    await Promise.all([customer.ready, manager.ready]);
    let settingsAsked = 0;
    render(h(MeetProvider, { client: manager, user: { id: 'mgr-1', role: 'manager' }, locale: 'en', environment: CAN },
      h(MeetRing, { sound: 'off', shortcuts: 'off' }),
      h(MeetCall, { layout: 'desktop', onOpenSettings: () => settingsAsked++ })), root);
    await waitFor(() => Boolean(customElements.get('chat-meet-ring') && customElements.get('chat-meet-call')), 'both elements defined');
    const ring = find<ChatMeetRing>('chat-meet-ring')!;
    const call = find<ChatMeetCall>('chat-meet-call')!;
    await Promise.all([ring.updateComplete, call.updateComplete]);
    expect(ring.client).to.equal(manager);
    expect([ring.userRole, ring.sound, ring.shortcuts, ring.locale]).to.deep.equal(['manager', 'off', 'off', 'en']);
    expect([call.client === manager, call.userRole, call.userId, call.layout, call.environment === CAN]).to.deep.equal([true, 'manager', 'mgr-1', 'desktop', true]);

    await customer.call({ kind: 'voice', conversationId: 'conv-1', assigneeId: 'mgr-1' });
    await waitFor(() => Boolean(shadow(ring, '[data-action="accept"]')), 'the ring shows');
    shadow(ring, '[data-action="accept"]')!.click();
    await waitFor(() => manager.$meet.get().status === 'live', 'accepted through the ring');
    await waitFor(() => Boolean(shadow(call, '[data-control="mic"]')), 'the call window shows');

    shadow(call, '[data-control="mic"]')!.click();
    await waitFor(() => manager.$local.get().mic === false, 'muted through the call window');
    shadow(call, '[data-control="settings"]')!.click();
    expect(settingsAsked).to.equal(1);
    shadow(call, '[data-control="leave"]')!.click();
    await waitFor(() => manager.$meet.get().status === 'ended', 'left through the call window');
    expect(manager.$meet.get().endReason).to.equal('left');
  });

  it('<MeetCall minimised>: the prop sets it, the user\'s own toggle survives re-renders and is reported', async () => {
    const manager = world.add('mgr-1', 'manager');
    const seen: boolean[] = [];
    const app = (title: string, minimised?: boolean) =>
      render(h(MeetProvider, { client: manager, user: { id: 'mgr-1', role: 'manager' } }, h('h1', null, title), h(MeetCall, { minimised, onMinimise: (m) => seen.push(m) })), root);
    app('one', true);
    const call = find<ChatMeetCall>('chat-meet-call')!;
    expect(call.minimised).to.equal(true);
    app('two', false);
    expect(call.minimised).to.equal(false);
    await waitFor(() => Boolean(customElements.get('chat-meet-call')), 'defined');
    call.dispatchEvent(new CustomEvent('chat-meet-minimise', { detail: { minimised: true } }));
    call.minimised = true; // what the element's own button does
    app('three', false); // an unrelated re-render: the prop did not change, so it is not re-applied
    expect(call.minimised).to.equal(true);
    expect(seen).to.deep.equal([true]);
  });

  it('<MeetSettings>: device and noise choices reach the client, blur goes to onBlurToggle, change and close are reported', async () => {
    const manager = world.add('mgr-1', 'manager');
    await manager.ready;
    const changes: unknown[] = [];
    const blur: boolean[] = [];
    let closed = 0;
    localStorage.removeItem('chat-meet:settings:mgr-1');
    render(h(MeetProvider, { client: manager, user: { id: 'mgr-1', role: 'manager' }, locale: 'en', environment: CAN },
      h(MeetSettings, { preview: false, closable: true, onChange: (s) => changes.push(s), onClose: () => closed++, onBlurToggle: (on) => void blur.push(on) })), root);
    await waitFor(() => Boolean(customElements.get('chat-meet-settings')), 'defined');
    const el = find<ChatMeetSettings>('chat-meet-settings')!;
    await el.updateComplete;
    expect([el.client === manager, el.userId, el.preview, el.closable, el.locale]).to.deep.equal([true, 'mgr-1', false, true, 'en']);

    expect(manager.$local.get().noiseSuppression).to.equal(true);
    shadow<HTMLInputElement>(el, '[data-setting="noise-suppression"]')!.click();
    await waitFor(() => manager.$local.get().noiseSuppression === false, 'noise suppression off on the client');
    expect(changes.at(-1)).to.include({ noiseSuppression: false });

    shadow<HTMLInputElement>(el, '[data-setting="blur"]')!.click();
    await waitFor(() => blur.length === 1, 'blur asked');
    expect(blur).to.deep.equal([true]);

    shadow(el, 'button.close')!.click();
    expect(closed).to.equal(1);
    localStorage.removeItem('chat-meet:settings:mgr-1');
  });

  it('<MeetSettings>: blur that cannot load (nothing served at assetBase) is one coded error, and the switch turns off and stays off (as the boot does)', async () => {
    const customer = world.add('cust-1', 'customer');
    const manager = world.add('mgr-1', 'manager');
    await Promise.all([customer.ready, manager.ready]);
    localStorage.removeItem('chat-meet:settings:cust-1');
    const errors: { code: string }[] = [];
    // Rendered before the meet: Preact binds the intents in an effect after the next paint.
    customerSide(customer, h(MeetSettings, { preview: false, blur: { assetBase: '/no-blur-assets-here/' }, onError: (e) => errors.push(e) }));
    await customer.call({ kind: 'video', conversationId: 'conv-1', assigneeId: 'mgr-1' });
    await waitFor(() => manager.$meet.get().status === 'ringing-in', 'the manager to ring');
    await manager.accept();
    await waitFor(() => customer.$local.get().camera, 'the camera on');
    await waitFor(() => Boolean(customElements.get('chat-meet-settings')), 'defined');
    const el = find<ChatMeetSettings>('chat-meet-settings')!;
    await el.updateComplete;
    const blurSwitch = () => shadow<HTMLInputElement>(el, '[data-setting="blur"]')!;
    blurSwitch().click();
    await waitFor(() => errors.length > 0, 'the blur error', 15_000);
    await sleep(500); // a second report would come right after the first
    expect(errors.map((e) => e.code)).to.deep.equal(['CM_BLUR_LOAD_FAILED']);
    await el.updateComplete;
    expect(blurSwitch().checked, 'the switch shows off').to.equal(false);
    expect(JSON.parse(localStorage.getItem('chat-meet:settings:cust-1')!).blur, 'saved off').to.equal(false);
    expect(customer.$local.get().camera, 'the camera goes out unblurred').to.equal(true);
    localStorage.removeItem('chat-meet:settings:cust-1');
  });

  it('<MeetPermissionGuide>: topic and platform as properties; close and reload reported (reload can be stopped)', async () => {
    let closed = 0;
    let reloads = 0;
    render(h(MeetPermissionGuide, { topic: 'screen', platform: 'mac-chrome', locale: 'en', onClose: () => closed++, onReload: (e) => (reloads++, e.preventDefault()) }), root);
    await waitFor(() => Boolean(customElements.get('chat-meet-permission-guide')), 'defined');
    const el = find<ChatMeetPermissionGuide>('chat-meet-permission-guide')!;
    await el.updateComplete;
    expect([el.topic, el.platform, el.dataset.platform]).to.deep.equal(['screen', 'mac-chrome', 'mac-chrome']);
    shadow(el, '[data-action="reload"]')!.click();
    shadow(el, '[data-action="close"]')!.click();
    expect([reloads, closed]).to.deep.equal([1, 1]);
  });

  it('usePermissionGuide: a refused microphone (R17) shows the media guide until dismissed', async () => {
    const refused = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    const customer = world.add('cust-1', 'customer', { media: { getUserMedia: refused } });
    world.add('mgr-1', 'manager');
    await customer.ready;
    function Guide() {
      const guide = usePermissionGuide();
      return guide.topic ? h(MeetPermissionGuide, { overlay: true, topic: guide.topic, onClose: guide.dismiss }) : null;
    }
    customerSide(customer, h(Guide, null));
    expect(find('chat-meet-permission-guide')).to.equal(null);
    await customer.call({ kind: 'voice', conversationId: 'conv-1', assigneeId: 'mgr-1' }).catch(() => undefined);
    expect(customer.$meet.get().error?.code).to.equal('CM_MEDIA_DENIED');
    await waitFor(() => Boolean(find('chat-meet-permission-guide')), 'the guide shows');
    const el = find<ChatMeetPermissionGuide>('chat-meet-permission-guide')!;
    await waitFor(() => Boolean(customElements.get('chat-meet-permission-guide')), 'defined');
    await el.updateComplete;
    expect([el.topic, el.overlay, el.hasAttribute('overlay')]).to.deep.equal(['media', true, true]);
    shadow(el, '[data-action="close"]')!.click();
    await waitFor(() => !find('chat-meet-permission-guide'), 'dismissed');
  });

  it('without a client yet the button shows, and a click reports CM_NOT_CONNECTED instead of doing nothing', async () => {
    const errors: string[] = [];
    customerSide(null, h(MeetButton, { conversation: { id: 'conv-1', assigneeId: 'mgr-1' } }), { onError: (e: { code: string }) => errors.push(e.code) });
    const el = find<ChatMeetButton>('chat-meet-button')!;
    await waitFor(() => el.dataset.mode === 'call', 'the button shows');
    shadow(el, '[part="button"]')!.click();
    expect(errors).to.deep.equal(['CM_NOT_CONNECTED']);
  });

  it('a click in the very frame the component mounts reaches the client (intents bind before paint)', async () => {
    const customer = world.add('cust-1', 'customer');
    const manager = world.add('mgr-1', 'manager');
    await Promise.all([customer.ready, manager.ready]);
    customerSide(customer, h(MeetButton, { conversation: { id: 'conv-1', assigneeId: 'mgr-1' }, kind: 'voice' }));
    // No await between render() and the intent: what a fast click right after mounting does.
    find('chat-meet-button')!.dispatchEvent(new CustomEvent('chat-meet-intent', { detail: { type: 'call', kind: 'voice' }, bubbles: true, composed: true }));
    await waitFor(() => manager.$meet.get().status === 'ringing-in', 'the assignee rings');
  });

  it('unmounting a component unbinds its intents from the client', async () => {
    const customer = world.add('cust-1', 'customer');
    await customer.ready;
    customerSide(customer, h(MeetButton, { conversation: { id: 'conv-1', assigneeId: 'mgr-1' } }));
    const el = find<ChatMeetButton>('chat-meet-button')!;
    await waitFor(() => el.dataset.mode === 'call', 'the button shows');
    render(null, root);
    // The removed element still dispatches if poked: nothing may listen any more.
    el.dispatchEvent(new CustomEvent('chat-meet-intent', { detail: { type: 'call', kind: 'voice' }, bubbles: true, composed: true }));
    await sleep(100);
    expect(customer.$meet.get().status).to.equal('idle');
  });
});
