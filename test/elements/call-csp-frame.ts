/**
 * Runs inside a frame with a strict Content-Security-Policy (no 'unsafe-inline', no
 * 'unsafe-eval'): renders the call window and the settings panel and reports what it saw.
 * The first import defines `process` for nanostores (an inline script would be blocked).
 */
import './call-csp-env.js';
import '../../src/elements/call/call.js';
import '../../src/elements/settings/settings.js';
import { callStates } from './call-states.js';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`));

async function run() {
  const { client, props } = callStates['live-ten-manager'].make();
  const call = Object.assign(document.createElement('chat-meet-call'), { client, locale: 'en', ...props });
  const settings = Object.assign(document.createElement('chat-meet-settings'), { userId: 'csp', locale: 'en', preview: false });
  document.body.append(call, settings);
  await Promise.all([call.updateComplete, settings.updateComplete]);
  // Move it once: the position is set through the CSSOM (allowed), not a style attribute.
  call.shadowRoot!.querySelector<HTMLElement>('[data-control="move"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
  await call.updateComplete;
  await new Promise((r) => setTimeout(r, 100));
  const win = call.shadowRoot!.querySelector<HTMLElement>('.window')!;
  return {
    violations,
    windowBackground: getComputedStyle(win).backgroundColor,
    windowLeft: win.style.left,
    gridColumns: getComputedStyle(call.shadowRoot!.querySelector('.grid')!).gridTemplateColumns.split(' ').length,
    panelBorderRadius: getComputedStyle(settings.shadowRoot!.querySelector('.panel')!).borderRadius,
  };
}

(window as unknown as { cspResult: Promise<unknown> }).cspResult = run();
