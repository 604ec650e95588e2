/**
 * Runs inside a frame with a strict Content-Security-Policy (no 'unsafe-inline', no
 * 'unsafe-eval'), loaded before anything of chat-meet: notes what the page has (globals,
 * style sheets, fonts, the head's markup), loads chat-meet the way a script-tag page does
 * (the boot module, then each lazy element), renders the button, ring and permission guide
 * in their states (and the call window and settings, for the leak check), and reports the
 * CSP violations, a few computed styles that prove the styles applied, and what changed.
 * The first import defines `process` for nanostores (an inline script would be blocked).
 */
import './call-csp-env.js';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`));

const globalsBefore = new Set(Object.getOwnPropertyNames(window));
const page = () => ({
  styleSheets: document.styleSheets.length,
  adoptedStyleSheets: document.adoptedStyleSheets.length,
  fonts: document.fonts.size,
  head: document.head.innerHTML,
  htmlAttributes: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`).join(' '),
  bodyAttributes: [...document.body.attributes].map((a) => `${a.name}=${a.value}`).join(' '),
});
const pageBefore = page();
const defined: string[] = [];
const define = customElements.define.bind(customElements);
customElements.define = (name, ctor, options) => {
  defined.push(name);
  define(name, ctor, options);
};

type Lit = HTMLElement & { updateComplete: Promise<unknown> };
const settle = async (el: Lit) => {
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
};
const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const style = (el: HTMLElement | null, prop: string) => (el ? getComputedStyle(el).getPropertyValue(prop) : 'missing');

async function run() {
  // What a script-tag page loads first (window.ChatMeet and the button), then the lazy elements.
  await import('../../src/cdn/boot.js');
  const { loadRing, loadCall, loadSettings, loadPermissionGuide } = await import('../../src/define.js');
  await Promise.all([loadRing(), loadCall(), loadSettings(), loadPermissionGuide()]);
  const { stateClient, callStates } = await import('./call-states.js');
  const desktop = { inApp: false, os: 'windows', mobile: false, supports: { meet: true, screenShare: true } };
  const inApp = { inApp: true, os: 'android', mobile: true, supports: { meet: false }, escape: { kind: 'intent', url: 'intent://shop.example/help#Intent;scheme=https;end' } };
  const make = (tag: string, props: Record<string, unknown>) => {
    const el = Object.assign(document.createElement(tag), { locale: 'en', ...props }) as unknown as Lit;
    document.body.append(el);
    return el;
  };
  const seen: Record<string, string> = {};

  // The button: a customer's, a manager's menu (open), an in-app browser's sheet (open).
  const customer = make('chat-meet-button', { environment: desktop, assigneeId: 'm1' });
  const manager = make('chat-meet-button', { environment: desktop, assigneeId: 'm1', userRole: 'manager' });
  const escape = make('chat-meet-button', { environment: inApp, assigneeId: 'm1' });
  await Promise.all([settle(customer), settle(manager), settle(escape)]);
  part(manager, 'button').click();
  part(escape, 'button').click();
  await Promise.all([settle(manager), settle(escape)]);
  seen.buttonBackground = style(part(customer, 'button'), 'background-color');
  seen.buttonRadius = style(part(customer, 'button'), 'border-radius');
  seen.menuPosition = style(part(manager, 'menu'), 'position');
  seen.sheetPosition = style(part(escape, 'sheet'), 'position');

  // The ring: incoming for a manager (with its shortcut hint), then an outcome notice.
  const client = stateClient({ status: 'idle', caller: { id: 'c1', name: 'Mina Kim', role: 'customer', audioOnly: false, mic: true, camera: false, screen: false } }, []);
  const ring = make('chat-meet-ring', { client, userRole: 'manager', sound: 'off', calleeName: 'Mina Kim', noticeMs: 0 });
  await settle(ring);
  client.$meet.setKey('status', 'ringing-in');
  await settle(ring);
  seen.ringCardBackground = style(part(ring, 'dialog'), 'background-color');
  seen.ringAcceptBackground = style(part(ring, 'accept'), 'background-color');
  seen.ringHint = ring.shadowRoot!.querySelector('.hint')?.textContent ?? 'missing';
  client.$meet.set({ ...client.$meet.get(), status: 'ended', endReason: 'cancelled' });
  await settle(ring);
  seen.ringNotice = part(ring, 'notice')?.textContent?.trim() ?? 'missing';

  // The permission guide, both topics.
  const media = make('chat-meet-permission-guide', { topic: 'media', platform: 'android' });
  const screen = make('chat-meet-permission-guide', { topic: 'screen', platform: 'mac-chrome' });
  await Promise.all([settle(media), settle(screen)]);
  seen.guidePanelRadius = style(part(media, 'panel'), 'border-radius');
  seen.guideNoteBorder = style(part(media, 'note'), 'border-inline-start-width');
  seen.guideScreenSteps = String(part(screen, 'steps').children.length);

  // The call window and settings, for what they might leave on the page.
  const live = callStates['live-two'].make();
  const call = make('chat-meet-call', { client: live.client });
  const settings = make('chat-meet-settings', { userId: 'csp-leak', preview: false });
  await Promise.all([settle(call), settle(settings)]);

  // `cspResult` is this page's own answer to the test.
  const globalsAdded = Object.getOwnPropertyNames(window).filter((k) => !globalsBefore.has(k) && k !== 'cspResult').sort();
  const pageAfter = page();
  return { violations, seen, globalsAdded, defined: defined.sort(), pageBefore, pageAfter };
}

(window as unknown as { cspResult: Promise<unknown> }).cspResult = run();
