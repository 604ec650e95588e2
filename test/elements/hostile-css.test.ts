// Issue 5 point 8: every element, in each of its states, renders the same inside a host page
// with hostile global CSS (resets, `* { box-sizing: content-box !important }`, a 24 px base
// font, `button { all: unset !important }`, inherited text properties forced on the body)
// as on a clean page: the same boxes (±1 px) and the same computed styles, element by
// element through the shadow root. The host page's own rules reach an element only through
// its host tag and inheritance; the isolation base (tokens.styles.ts) must stop both.
import { emulateMedia } from '@web/test-runner-commands';
import { expect } from 'chai';
import '../../src/elements/button/button.js';
import '../../src/elements/ring/ring.js';
import '../../src/elements/call/call.js';
import '../../src/elements/settings/settings.js';
import '../../src/elements/permission-guide/permission-guide.js';
import type { ElementEnvironment } from '../../src/elements/base/environment.js';
import { callStates, stopCanvasStreams } from './call-states.js';
import { elementStates } from './screenshots-states.js';

const HOSTILE = `
  *, *::before, *::after { box-sizing: content-box !important; }
  html { font-size: 24px !important; line-height: 3 !important; color-scheme: dark; }
  body {
    margin: 0; font: italic small-caps 700 24px/3 Georgia, serif !important; color: #0f0 !important;
    letter-spacing: 3px !important; word-spacing: 12px !important; text-transform: uppercase !important;
    text-align: center !important; text-indent: 30px !important; white-space: pre !important;
    word-break: break-all !important; overflow-wrap: anywhere; text-shadow: 2px 2px red; direction: rtl;
    cursor: crosshair !important; list-style: square inside; font-kerning: none; font-stretch: condensed;
    -webkit-text-fill-color: magenta; accent-color: orange; hyphens: auto; tab-size: 20; font-feature-settings: "smcp";
  }
  button { all: unset !important; background: red !important; }
  div { display: inline !important; }
  div, section, p, ul, ol, li, h2, h3, span, header, label { margin: 40px !important; padding: 40px !important; border: 5px solid red !important; }
  svg { width: 100px !important; height: 100px !important; }
  video { display: none !important; }
  input, select { appearance: auto !important; width: 500px !important; }
  a { color: red !important; text-decoration: underline wavy !important; }
  [hidden] { display: block !important; }
`;

const STYLE_PROPS = [
  'font-size', 'line-height', 'font-family', 'font-weight', 'font-style', 'font-variant-caps', 'font-kerning', 'font-stretch', 'font-feature-settings',
  'letter-spacing', 'word-spacing', 'text-transform', 'text-align', 'text-indent', 'text-shadow', 'white-space', 'word-break', 'overflow-wrap', 'hyphens', 'tab-size',
  'color', '-webkit-text-fill-color', 'background-color', 'accent-color', 'color-scheme', 'list-style-type', 'list-style-position',
  'box-sizing', 'display', 'direction', 'visibility', 'cursor',
];

interface Case { name: string; mount(): HTMLElement; ready?(el: HTMLElement): Promise<void> | void }
const desktop: ElementEnvironment = { inApp: false, os: 'windows', mobile: false, supports: { meet: true, screenShare: true, blur: true, noiseSuppression: true, speakerSelection: true } };
const nothingOffered: ElementEnvironment = { inApp: false, mobile: false, supports: { meet: true, blur: false, noiseSuppression: false, speakerSelection: false } };
const make = (tag: string, props: Record<string, unknown>) => () => Object.assign(document.createElement(tag), { locale: 'en', ...props });
const cases: Case[] = [
  ...elementStates.map((s) => ({ name: `<${s.tag}> ${s.state}`, mount: s.mount, ready: s.ready })),
  ...Object.keys(callStates).map((state) => ({
    name: `<chat-meet-call> ${state}`,
    mount: () => {
      const { client, props } = callStates[state].make();
      return Object.assign(document.createElement('chat-meet-call'), { client, locale: 'en', ...props });
    },
  })),
  { name: '<chat-meet-settings> everything offered', mount: make('chat-meet-settings', { userId: 'hostile-all', environment: desktop, preview: false, closable: true }) },
  { name: '<chat-meet-settings> nothing offered', mount: make('chat-meet-settings', { userId: 'hostile-none', environment: nothingOffered, preview: false }) },
  { name: '<chat-meet-permission-guide> media, Chrome on Android', mount: make('chat-meet-permission-guide', { topic: 'media', platform: 'android' }) },
  { name: '<chat-meet-permission-guide> screen, Chrome on Mac', mount: make('chat-meet-permission-guide', { topic: 'screen', platform: 'mac-chrome' }) },
];

/** A fixed stage at the viewport's top left (the host page's flow and `text-align` stay out of the comparison). */
function stage(): HTMLElement {
  const s = document.createElement('x-stage');
  // Through the CSSOM: what a host page's layout may do to the tag itself is not the question.
  Object.assign(s.style, { position: 'fixed', inset: '0', display: 'flex', alignItems: 'flex-start', justifyContent: 'flex-start', direction: 'ltr' });
  document.body.append(s);
  return s;
}

const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

/** Every box and computed style of `el`'s shadow tree, by a readable path. */
async function snapshot(c: Case): Promise<Record<string, unknown>> {
  const s = stage();
  const el = c.mount() as HTMLElement & { updateComplete: Promise<unknown> };
  s.append(el);
  await el.updateComplete;
  await c.ready?.(el);
  await el.updateComplete;
  // Some content arrives later (the settings panel lists devices once the browser answers):
  // compare settled renders, alike over four frames in a row.
  let last = '';
  for (let i = 0, same = 0; i < 60 && same < 3; i++) {
    await frame();
    const now = JSON.stringify(read(el));
    same = now === last ? same + 1 : 0;
    last = now;
  }
  const out = read(el);
  s.remove();
  return out;
}

function read(el: HTMLElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const box = (n: Element) => {
    const r = n.getBoundingClientRect();
    return [r.x, r.y, r.width, r.height].map(Math.round).join(',');
  };
  out.host = box(el);
  const nodes = [...el.shadowRoot!.querySelectorAll('*')].filter((n) => n.localName !== 'style' && !n.closest('svg *'));
  nodes.forEach((n, i) => {
    const cs = getComputedStyle(n);
    const key = `${i} ${n.localName}${n.getAttribute('part') ? `[part=${n.getAttribute('part')}]` : ''}${n.className && typeof n.className === 'string' ? `.${n.className.trim().split(/\s+/).join('.')}` : ''}`;
    out[key] = { box: box(n), ...Object.fromEntries(STYLE_PROPS.map((p) => [p, cs.getPropertyValue(p)])) };
  });
  return out;
}

/** The differences between two snapshots, with a pixel of slack on boxes. */
function differences(clean: Record<string, unknown>, hostile: Record<string, unknown>): string[] {
  const diffs: string[] = [];
  const keys = new Set([...Object.keys(clean), ...Object.keys(hostile)]);
  for (const key of keys) {
    const a = clean[key] as Record<string, string> | string | undefined;
    const b = hostile[key] as Record<string, string> | string | undefined;
    if (a === undefined || b === undefined) {
      diffs.push(`${key}: only on the ${a === undefined ? 'hostile' : 'clean'} page`);
      continue;
    }
    const boxA = typeof a === 'string' ? a : a.box;
    const boxB = typeof b === 'string' ? b : b.box;
    const near = boxA.split(',').every((v, i) => Math.abs(Number(v) - Number(boxB.split(',')[i])) <= 1);
    if (!near) diffs.push(`${key}: box ${boxA} → ${boxB}`);
    if (typeof a === 'object' && typeof b === 'object') {
      for (const p of STYLE_PROPS) if (a[p] !== b[p]) diffs.push(`${key}: ${p} ${a[p]} → ${b[p]}`);
    }
  }
  return diffs;
}

describe('hostile host CSS', function () {
  this.timeout(60_000);
  let sheet: HTMLStyleElement | null = null;
  // The ring's pulse animates a transform: with motion reduced, boxes hold still to be compared.
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));
  afterEach(() => {
    sheet?.remove();
    sheet = null;
    stopCanvasStreams();
  });

  it('the hostile sheet does change a plain page (the test can fail)', async () => {
    const probe = document.createElement('button');
    probe.textContent = 'probe';
    document.body.append(probe);
    const before = [getComputedStyle(probe).backgroundColor, getComputedStyle(document.body).fontSize];
    sheet = Object.assign(document.createElement('style'), { textContent: HOSTILE });
    document.head.append(sheet);
    const after = [getComputedStyle(probe).backgroundColor, getComputedStyle(document.body).fontSize];
    probe.remove();
    expect(after).to.deep.equal(['rgb(255, 0, 0)', '24px']);
    expect(after).to.not.deep.equal(before);
  });

  for (const c of cases) {
    it(`${c.name}: same boxes and styles as on a clean page`, async () => {
      const clean = await snapshot(c);
      expect(Object.keys(clean).length, 'rendered something').to.be.greaterThan(2);
      sheet = Object.assign(document.createElement('style'), { textContent: HOSTILE });
      document.head.append(sheet);
      const hostile = await snapshot(c);
      expect(differences(clean, hostile)).to.deep.equal([]);
    });
  }

  it('a hidden element stays hidden under `[hidden] { display: block !important }` (how boot closes settings)', async () => {
    sheet = Object.assign(document.createElement('style'), { textContent: HOSTILE });
    document.head.append(sheet);
    const panel = Object.assign(document.createElement('chat-meet-settings'), { userId: 'hostile-hidden', environment: nothingOffered, preview: false, hidden: true });
    document.body.append(panel);
    await panel.updateComplete;
    expect(getComputedStyle(panel).display).to.equal('none');
    expect(panel.getBoundingClientRect().height).to.equal(0);
    panel.remove();
  });

  it('text is 14 px from the design, not the host\'s 24 px; headings keep their sizes', async () => {
    sheet = Object.assign(document.createElement('style'), { textContent: HOSTILE });
    document.head.append(sheet);
    const s = stage();
    const guide = Object.assign(document.createElement('chat-meet-permission-guide'), { locale: 'en', platform: 'chrome' });
    s.append(guide);
    await guide.updateComplete;
    const size = (sel: string) => getComputedStyle(guide.shadowRoot!.querySelector(sel)!).fontSize;
    expect([size('.intro'), size('h2'), size('h3'), size('li')]).to.deep.equal(['14px', '18px', '14px', '14px']);
    s.remove();
  });
});
