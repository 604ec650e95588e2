// <chat-meet-button> in real Chromium: R5, R6, R16 visibility (live), the manager's menu
// (R7), the in-app sheet with its one-tap escape or instructions, keyboard and focus.
import { expect } from 'chai';
import '../../src/elements/button/button.js';
import type { ChatMeetButton } from '../../src/elements/button/button.element.js';
import type { ElementEnvironment } from '../../src/elements/base/environment.js';
import { INTENT_EVENT, type MeetIntent } from '../../src/elements/intents.js';
import { createWorld, type World } from '../helpers/meet.js';
import { waitFor } from '../helpers/wait.js';

const CAN: ElementEnvironment = { inApp: false, os: 'windows', mobile: false, supports: { meet: true, screenShare: true } };
const CANNOT: ElementEnvironment = { inApp: false, os: 'windows', mobile: false, supports: { meet: false } };
const IN_APP_URL: ElementEnvironment = { inApp: true, os: 'android', mobile: true, supports: { meet: false }, escape: { kind: 'intent', url: 'intent://shop.example/help#Intent;scheme=https;end' } };
const IN_APP_WECHAT: ElementEnvironment = { inApp: true, os: 'ios', mobile: true, supports: { meet: false }, escape: { kind: 'instructions' } };

const mounted: HTMLElement[] = [];
async function mount(props: Partial<ChatMeetButton> = {}): Promise<ChatMeetButton> {
  const el = document.createElement('chat-meet-button');
  Object.assign(el, { locale: 'en', environment: CAN, assigneeId: 'm1', ...props });
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  return el;
}
const $ = <T extends Element = HTMLElement>(el: HTMLElement, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const shown = (el: HTMLElement) => getComputedStyle(el).display !== 'none' && Boolean($(el, '[part="button"]'));
function intents(el: HTMLElement): MeetIntent[] {
  const seen: MeetIntent[] = [];
  el.addEventListener(INTENT_EVENT, (e) => seen.push((e as CustomEvent<MeetIntent>).detail));
  return seen;
}
const key = (target: Element, k: string, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true, ...init }));

describe('<chat-meet-button>', function () {
  this.timeout(30_000);
  let world: World | null = null;
  afterEach(() => {
    mounted.splice(0).forEach((el) => el.remove());
    world?.destroy();
    world = null;
  });

  it('R5: a customer with an assignee in a web chat sees the button; it asks to call', async () => {
    const el = await mount();
    expect(shown(el)).to.equal(true);
    expect(el.dataset.mode).to.equal('call');
    const seen = intents(el);
    $(el, '[part="button"]')!.click();
    expect(seen).to.deep.equal([{ type: 'call', kind: 'video' }]);
    el.kind = 'voice';
    await el.updateComplete;
    expect($(el, '[part="button"]')!.textContent!.trim()).to.equal('Start a voice meet');
    $(el, '[part="button"]')!.click();
    expect(seen[1]).to.deep.equal({ type: 'call', kind: 'voice' });
  });

  it('R5: shown only while the conversation has an assignee, live as it changes', async () => {
    const el = await mount({ assigneeId: null });
    expect(shown(el)).to.equal(false);
    expect(getComputedStyle(el).display).to.equal('none');
    el.assigneeId = 'm2';
    await el.updateComplete;
    expect(shown(el)).to.equal(true);
    el.setAttribute('assignee-id', '');
    await el.updateComplete;
    expect(shown(el)).to.equal(false);
    el.setAttribute('assignee-id', 'm3');
    await el.updateComplete;
    expect(shown(el)).to.equal(true);
  });

  it('R5: the channel setting off hides it; R6: an external messenger conversation has none', async () => {
    const off = await mount();
    off.setAttribute('customer-can-start-meet', 'false');
    await off.updateComplete;
    expect(shown(off)).to.equal(false);
    off.setAttribute('customer-can-start-meet', 'true');
    await off.updateComplete;
    expect(shown(off)).to.equal(true);
    const kakao = await mount({ source: 'kakao' });
    expect(shown(kakao)).to.equal(false);
    kakao.source = 'web';
    await kakao.updateComplete;
    expect(shown(kakao)).to.equal(true);
  });

  it('R16: a browser that cannot meet and is no in-app browser shows nothing', async () => {
    const el = await mount({ environment: CANNOT });
    expect(shown(el)).to.equal(false);
    const manager = await mount({ environment: CANNOT, userRole: 'manager' });
    expect(shown(manager)).to.equal(false);
  });

  it('R16: in an in-app browser the button opens a sheet with the one-tap escape; focus goes in and back', async () => {
    const el = await mount({ environment: IN_APP_URL });
    expect(el.dataset.mode).to.equal('escape');
    const seen = intents(el);
    const button = $<HTMLButtonElement>(el, '[part="button"]')!;
    expect(button.getAttribute('aria-haspopup')).to.equal('dialog');
    button.focus();
    button.click();
    await el.updateComplete;
    expect(seen).to.deep.equal([]); // no call: this browser cannot meet
    const sheet = $(el, '[part="sheet"]')!;
    expect(sheet.getAttribute('role')).to.equal('dialog');
    expect(sheet.getAttribute('aria-modal')).to.equal('true');
    expect($(el, '#sheet-title')!.textContent).to.equal('Open in your browser to meet');
    const link = $<HTMLAnchorElement>(el, '[part="escape-link"]')!;
    expect(link.getAttribute('href')).to.equal(IN_APP_URL.escape!.url);
    expect(el.shadowRoot!.activeElement === link, 'focus on link').to.equal(true);
    // Tab stays in the sheet: from the last control back to the first.
    const close = $<HTMLButtonElement>(el, '[data-action="close"]')!;
    close.focus();
    key(close, 'Tab');
    expect(el.shadowRoot!.activeElement === link, 'focus on link').to.equal(true);
    // Following the link tells the host (the navigation itself is the browser's; kept out of the test page).
    el.addEventListener('click', (e) => e.preventDefault(), { once: true });
    link.click();
    expect(seen).to.deep.equal([{ type: 'escape-in-app' }]);
    key(link, 'Escape');
    await el.updateComplete;
    expect($(el, '[part="sheet"]') === null).to.equal(true);
    expect(el.shadowRoot!.activeElement === button, 'focus on button').to.equal(true);
  });

  it('R16: where no one-tap way exists (WeChat), the sheet gives instructions and the link to copy', async () => {
    const el = await mount({ environment: IN_APP_WECHAT, locale: 'ko' });
    $<HTMLButtonElement>(el, '[part="button"]')!.click();
    await el.updateComplete;
    expect($(el, '[part="escape-link"]') === null).to.equal(true);
    expect($(el, '[part="instructions"]')!.textContent).to.contain('브라우저에서 열기');
    const input = $<HTMLInputElement>(el, '.link')!;
    expect(input.value).to.equal(location.href);
    expect(el.shadowRoot!.activeElement === input, 'focus on input').to.equal(true);
    $<HTMLButtonElement>(el, '[data-action="copy"]')!.click();
    // Headless Chromium may refuse the clipboard: either way the user is told what happened.
    await waitFor(() => ($(el, '.copy-status')!.textContent ?? '').length > 0, 'copy status');
    expect(['링크를 복사했습니다. 브라우저에 붙여 넣어 주세요.', '여기서는 복사할 수 없습니다. 위의 링크를 선택해 복사해 주세요.']).to.include($(el, '.copy-status')!.textContent);
    $<HTMLButtonElement>(el, '[data-action="close"]')!.click();
    await el.updateComplete;
    expect($(el, '[part="sheet"]') === null).to.equal(true);
  });

  it('R7: a manager gets a menu, voice meet or video meet, operable by keyboard', async () => {
    const el = await mount({ userRole: 'manager', source: 'kakao' });
    expect(el.dataset.mode).to.equal('menu');
    const seen = intents(el);
    const trigger = $<HTMLButtonElement>(el, '[part="button"]')!;
    expect(trigger.getAttribute('aria-haspopup')).to.equal('menu');
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
    trigger.focus();
    key(trigger, 'ArrowDown');
    await el.updateComplete;
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
    const items = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
    expect(items.map((i) => i.textContent!.trim())).to.deep.equal(['Voice meet', 'Video meet']);
    expect(el.shadowRoot!.activeElement === items[0], 'focus on items[0]').to.equal(true);
    key(items[0], 'ArrowDown');
    expect(el.shadowRoot!.activeElement === items[1], 'focus on items[1]').to.equal(true);
    key(items[1], 'ArrowDown');
    expect(el.shadowRoot!.activeElement === items[0], 'focus on items[0]').to.equal(true);
    key(items[0], 'Escape');
    await el.updateComplete;
    expect($(el, '[part="menu"]') === null).to.equal(true);
    expect(el.shadowRoot!.activeElement === trigger, 'focus on trigger').to.equal(true);
    trigger.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[data-kind="video"]')!.click();
    await el.updateComplete;
    expect(seen).to.deep.equal([{ type: 'call', kind: 'video' }]);
    expect($(el, '[part="menu"]') === null).to.equal(true);
    // A click elsewhere closes an open menu.
    trigger.click();
    await el.updateComplete;
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect($(el, '[part="menu"]') === null).to.equal(true);
  });

  it('R2: a manager needs an assignee too', async () => {
    const el = await mount({ userRole: 'manager', assigneeId: null });
    expect(shown(el)).to.equal(false);
  });

  it('hides while a meet rings or runs, and comes back when it ends (real clients)', async () => {
    world = createWorld();
    const manager = world.add('m1', 'manager');
    const customer = world.add('c1', 'customer');
    await Promise.all([manager.ready, customer.ready]);
    const el = await mount({ client: customer });
    expect(shown(el)).to.equal(true);
    await manager.call({ kind: 'voice', conversationId: 'conv', assigneeId: 'm1', callee: 'c1' });
    await waitFor(() => customer.$meet.get().status === 'ringing-in', 'customer ringing');
    await el.updateComplete;
    expect(shown(el)).to.equal(false);
    customer.decline();
    await waitFor(() => customer.$meet.get().status === 'ended', 'ring declined');
    await el.updateComplete;
    expect(shown(el)).to.equal(true);
  });

  it('speaks Korean and Japanese', async () => {
    const ko = await mount({ locale: 'ko' });
    expect($(ko, '[part="button"]')!.textContent!.trim()).to.equal('영상 미트 시작');
    expect($(ko, '.root')!.getAttribute('lang')).to.equal('ko');
    const ja = await mount({ locale: 'ja', userRole: 'manager' });
    expect($(ja, '[part="button"]')!.textContent!.trim()).to.equal('ミート');
  });
});
