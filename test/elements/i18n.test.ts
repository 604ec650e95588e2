// Issue 5 point 7 in the browser: every element in every state speaks Korean, English and
// Japanese; the `locale` option beats the browser's languages, which beat English; a
// language change re-renders at once; the rendered text carries its `lang`. And a scan for
// hard-coded strings: rendered in Korean or Japanese, no element shows an English word that
// is not data (a name) or a product name; rendered in English, none shows Korean or Japanese.
import { expect } from 'chai';
import '../../src/elements/button/button.js';
import '../../src/elements/ring/ring.js';
import '../../src/elements/call/call.js';
import '../../src/elements/settings/settings.js';
import '../../src/elements/permission-guide/permission-guide.js';
import type { ElementEnvironment } from '../../src/elements/base/environment.js';
import { callStates, stopCanvasStreams } from './call-states.js';
import { elementStates } from './screenshots-states.js';

type Lit = HTMLElement & { updateComplete: Promise<unknown>; locale: string };
const LOCALES = ['en', 'ko', 'ja'] as const;

/** Every state of every element, as `mount` + `ready` (the shared state lists, plus settings and guide). */
interface Case { name: string; mount(): HTMLElement; ready?(el: HTMLElement): Promise<void> | void }
const desktop: ElementEnvironment = { inApp: false, os: 'windows', mobile: false, supports: { meet: true, screenShare: true, blur: true, noiseSuppression: true, speakerSelection: true } };
const nothingOffered: ElementEnvironment = { inApp: false, mobile: false, supports: { meet: true, blur: false, noiseSuppression: false, speakerSelection: false } };
const make = (tag: string, props: Record<string, unknown>) => () => Object.assign(document.createElement(tag), props);
const cases: Case[] = [
  ...elementStates.map((s) => ({ name: `<${s.tag}> ${s.state}`, mount: s.mount, ready: s.ready })),
  ...Object.entries(callStates).map(([state, { make: m }]) => ({
    name: `<chat-meet-call> ${state}`,
    mount: () => {
      const { client, props } = m();
      return Object.assign(document.createElement('chat-meet-call'), { client, ...props });
    },
  })),
  { name: '<chat-meet-settings> everything offered', mount: make('chat-meet-settings', { userId: 'i18n-all', environment: desktop, preview: false, closable: true }) },
  { name: '<chat-meet-settings> nothing offered', mount: make('chat-meet-settings', { userId: 'i18n-none', environment: nothingOffered, preview: false }) },
  ...['chrome', 'edge', 'safari', 'ios', 'android', 'other'].map((platform) => ({ name: `<chat-meet-permission-guide> media ${platform}`, mount: make('chat-meet-permission-guide', { topic: 'media', platform }) })),
  ...['mac-chrome', 'mac-edge', 'safari', 'windows', 'other'].map((platform) => ({ name: `<chat-meet-permission-guide> screen ${platform}`, mount: make('chat-meet-permission-guide', { topic: 'screen', platform }) })),
];

/** What a user sees or hears of `el`: text, and the accessible names and tooltips. */
function strings(el: HTMLElement): { text: string; lang: string | null }[] {
  const root = el.shadowRoot!;
  const out: { text: string; lang: string | null }[] = [];
  const langOf = (n: Element) => n.closest('[lang]')?.getAttribute('lang') ?? null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement!;
    // A device's own label (from the browser) is data, not chat-meet's words.
    if (parent.closest('style') || (parent instanceof HTMLOptionElement && parent.value !== '')) continue;
    const text = n.textContent!.replace(/\s+/g, ' ').trim();
    if (text) out.push({ text, lang: langOf(parent) });
  }
  for (const node of root.querySelectorAll('*')) {
    for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription']) {
      const text = node.getAttribute(attr)?.trim();
      if (text) out.push({ text, lang: langOf(node) });
    }
  }
  return out;
}

// English words that may show in any language: people's names in the test data, key
// names in shortcut hints, product and platform names in the permission steps.
const DATA = new Set(['Mina', 'Kim', 'Alex', 'Park', 'Yuki', 'Sato', 'Jun', 'Lee', 'Sara', 'Choi', 'Ken', 'Ito', 'Hana', 'Yoon', 'Leo', 'Han', 'Aiko', 'Mori', 'You']);
const NAMES = new Set(['Ctrl', 'Shift', 'Space', 'Chrome', 'Google', 'Edge', 'Microsoft', 'Safari', 'Android', 'Windows', 'Mac', 'macOS', 'iPhone', 'iPad', 'iOS', 'App', 'Screen', 'System', 'Audio', 'Recording', 'OS', 'Cookie', 'Web']);
const HANGUL_OR_KANA = /[\u3131-\u318e\uac00-\ud7a3\u3040-\u30ff\u4e00-\u9faf]/;
const SCRIPT = { ko: /[\uac00-\ud7a3]/, ja: /[\u3040-\u30ff\u4e00-\u9faf]/ };

async function render(c: Case, locale: string): Promise<HTMLElement> {
  const el = c.mount() as Lit;
  el.locale = locale;
  document.body.append(el);
  await el.updateComplete;
  await c.ready?.(el);
  await el.updateComplete;
  return el;
}

describe('languages (ko, en, ja)', function () {
  this.timeout(60_000);
  const mounted: HTMLElement[] = [];
  const realLanguages = Object.getOwnPropertyDescriptor(Navigator.prototype, 'languages')!;
  const browserSpeaks = (...languages: string[]) => Object.defineProperty(navigator, 'languages', { configurable: true, get: () => languages });
  afterEach(() => {
    mounted.splice(0).forEach((el) => el.remove());
    delete (navigator as { languages?: unknown }).languages;
    stopCanvasStreams();
  });
  after(() => expect(Object.getOwnPropertyDescriptor(Navigator.prototype, 'languages')).to.deep.equal(realLanguages));

  const button = async (props: Record<string, unknown> = {}) => {
    const el = Object.assign(document.createElement('chat-meet-button'), { environment: desktop, assigneeId: 'm1', ...props });
    document.body.append(el);
    mounted.push(el);
    await el.updateComplete;
    return el;
  };
  const label = (el: HTMLElement) => el.shadowRoot!.querySelector('[part="button"]')!.textContent!.trim();

  it('no option: the first of the browser\'s languages chat-meet has (ko-KR, ja-JP, en-GB)', async () => {
    browserSpeaks('ko-KR', 'en-US');
    expect(label(await button())).to.equal('영상 미트 시작');
    browserSpeaks('ja-JP');
    expect(label(await button())).to.equal('ビデオミートを開始');
    browserSpeaks('en-GB', 'ko-KR');
    expect(label(await button())).to.equal('Start a video meet');
    browserSpeaks('fr-FR', 'ja');
    expect(label(await button())).to.equal('ビデオミートを開始');
  });

  it('a language chat-meet does not have falls back to English', async () => {
    browserSpeaks('fr-FR', 'de-DE');
    expect(label(await button())).to.equal('Start a video meet');
    expect(label(await button({ locale: 'zh-CN' }))).to.equal('Start a video meet');
  });

  it('the option beats the browser\'s language, as attribute or property; a change re-renders at once', async () => {
    browserSpeaks('ja-JP');
    const el = await button();
    el.setAttribute('locale', 'ko-KR');
    await el.updateComplete;
    expect(label(el)).to.equal('영상 미트 시작');
    expect(el.shadowRoot!.querySelector('.root')!.getAttribute('lang')).to.equal('ko');
    el.locale = 'en';
    await el.updateComplete;
    expect(label(el)).to.equal('Start a video meet');
    el.locale = '';
    await el.updateComplete;
    expect(label(el), 'back to the browser\'s').to.equal('ビデオミートを開始');
  });

  it('each element speaks each language (spot checks)', async () => {
    const seen: Record<string, Record<string, string>> = {};
    const spots: [string, Case, string][] = [
      ['button', cases.find((c) => c.name === '<chat-meet-button> manager-menu')!, '[part="menu-item"][data-kind="voice"]'],
      ['ring', cases.find((c) => c.name === '<chat-meet-ring> incoming-video')!, '[part="accept"]'],
      ['call', cases.find((c) => c.name === '<chat-meet-call> live-ten-manager')!, '[data-control="end-for-all"] .text'],
      ['settings', cases.find((c) => c.name === '<chat-meet-settings> everything offered')!, 'label[for="join-muted"]'],
      ['guide', cases.find((c) => c.name === '<chat-meet-permission-guide> screen mac-chrome')!, '[part="reload"]'],
    ];
    for (const [name, c, selector] of spots) {
      for (const locale of LOCALES) {
        const el = await render(c, locale);
        mounted.push(el);
        (seen[name] ??= {})[locale] = el.shadowRoot!.querySelector(selector)?.textContent?.trim() ?? '(missing)';
        el.remove();
      }
    }
    expect(seen).to.deep.equal({
      button: { en: 'Voice meet', ko: '음성 미트', ja: '音声ミート' },
      ring: { en: 'Accept', ko: '받기', ja: '応答' },
      call: { en: 'End for everyone', ko: seen.call.ko, ja: seen.call.ja },
      settings: { en: 'Join with my microphone muted', ko: '마이크를 끈 상태로 참여', ja: seen.settings.ja },
      guide: { en: 'Reload and try again', ko: seen.guide.ko, ja: seen.guide.ja },
    });
    for (const [name, byLocale] of Object.entries(seen)) {
      expect(byLocale.ko, `${name} ko`).to.match(SCRIPT.ko);
      expect(byLocale.ja, `${name} ja`).to.match(SCRIPT.ja);
    }
  });

  for (const c of cases) {
    it(`${c.name}: every string in the language asked for, with its lang; none hard-coded`, async () => {
      const problems: string[] = [];
      const byLocale: Record<string, string[]> = {};
      for (const locale of LOCALES) {
        const el = await render(c, locale);
        mounted.push(el);
        const found = strings(el);
        el.remove();
        byLocale[locale] = found.map((f) => f.text);
        if (!found.length) problems.push(`${locale}: rendered no text`);
        for (const { text, lang } of found) {
          if (lang !== locale) problems.push(`${locale}: "${text}" has lang ${lang}`);
          if (locale === 'en' && HANGUL_OR_KANA.test(text)) problems.push(`en: "${text}" is not English`);
          if (locale !== 'en') {
            const english = (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !DATA.has(w) && !NAMES.has(w));
            if (english.length) problems.push(`${locale}: "${text}" has English words: ${english.join(' ')}`);
          }
        }
        if (locale !== 'en' && !found.some((f) => SCRIPT[locale].test(f.text))) problems.push(`${locale}: nothing in ${locale} script`);
      }
      expect(problems).to.deep.equal([]);
      expect(byLocale.ko).to.not.deep.equal(byLocale.en);
      expect(byLocale.ja).to.not.deep.equal(byLocale.en);
    });
  }
});
