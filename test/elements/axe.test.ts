// axe-core on every element in each state (issue 5, point 9): zero violations under the
// WCAG 2.2 A/AA rules and axe's best practices, inside the elements' shadow roots.
import { expect } from 'chai';
import '../../src/elements/call/call.js';
import '../../src/elements/settings/settings.js';
import type { ElementEnvironment } from '../../src/elements/base/environment.js';
import { callStates, stopCanvasStreams } from './call-states.js';
import { elementStates } from './screenshots-states.js';

interface AxeResult { violations: { id: string; impact: string; help: string; nodes: { target: unknown[]; failureSummary: string }[] }[] }
interface Axe { run(context: Element, options: object): Promise<AxeResult> }

/** axe-core is a UMD script: loaded as a classic script, it sets `window.axe`. */
async function loadAxe(): Promise<Axe> {
  const w = window as unknown as { axe?: Axe };
  if (w.axe) return w.axe;
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('axe-core did not load'));
    document.head.append(script);
  });
  return w.axe!;
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function check(el: HTMLElement, name: string, ready?: (el: HTMLElement) => Promise<void> | void) {
  document.body.append(el);
  await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  await ready?.(el);
  // An element that rendered nothing would pass axe without testing anything.
  const boxes = [...el.shadowRoot!.querySelectorAll('*')].map((n) => n.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
  expect(boxes.length, `${name} rendered nothing visible`).to.be.greaterThan(0);
  const axe = await loadAxe();
  // `region` judges a whole page's landmarks, not an element embedded in someone else's page.
  const result = await axe.run(el, { runOnly: { type: 'tag', values: TAGS }, rules: { region: { enabled: false } } });
  const report = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary}`).join('\n    ')}`);
  el.remove();
  expect(report, `${name}:\n  ${report.join('\n  ')}`).to.deep.equal([]);
}

const SETTINGS_ENVIRONMENTS: Record<string, ElementEnvironment> = {
  'everything-offered': { inApp: false, mobile: false, supports: { meet: true, blur: true, noiseSuppression: true, speakerSelection: true } },
  'nothing-offered': { inApp: false, mobile: false, supports: { meet: true, blur: false, noiseSuppression: false, speakerSelection: false }, reasons: { blur: 'Background blur needs WebGL2.' } },
};

describe('axe: zero violations', function () {
  this.timeout(60_000);
  afterEach(() => stopCanvasStreams());

  for (const [state, { make }] of Object.entries(callStates)) {
    for (const locale of ['en', 'ko']) {
      it(`<chat-meet-call> ${state} (${locale})`, async () => {
        const { client, props } = make();
        const el = document.createElement('chat-meet-call');
        Object.assign(el, { client, locale, ...props });
        await check(el, state);
      });
    }
  }

  for (const [state, environment] of Object.entries(SETTINGS_ENVIRONMENTS)) {
    for (const preview of [true, false]) {
      it(`<chat-meet-settings> ${state}, preview ${preview ? 'on' : 'off'}`, async () => {
        const el = document.createElement('chat-meet-settings');
        Object.assign(el, { userId: `axe-${state}`, environment, preview, closable: true, locale: 'en' });
        await check(el, state);
      });
    }
  }

  for (const { tag, state, mount, ready } of elementStates) {
    it(`<${tag}> ${state}`, async () => {
      await check(mount(), `${tag} ${state}`, ready);
    });
  }

  it('<chat-meet-settings> in Japanese with saved choices', async () => {
    localStorage.setItem('chat-meet:settings:axe-ja', JSON.stringify({ joinMuted: true, blur: true, noiseSuppression: false }));
    const el = document.createElement('chat-meet-settings');
    Object.assign(el, { userId: 'axe-ja', environment: SETTINGS_ENVIRONMENTS['everything-offered'], preview: false, locale: 'ja' });
    await check(el, 'ja');
  });
});
