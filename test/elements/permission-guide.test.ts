// <chat-meet-permission-guide> on its own, in real Chromium: each platform's steps (R17,
// R12), which platform a user agent gets, the retry note, reload (cancelable), close,
// Escape, focus, and the overlay a booted widget uses (test/boot/permission-guide.test.ts
// covers the refusals that open it).
import { expect } from 'chai';
import '../../src/elements/permission-guide/permission-guide.js';
import type { ChatMeetPermissionGuide } from '../../src/elements/permission-guide/permission-guide.element.js';
import { endsMeetOnPermissionChange, mediaGuidePlatform, screenGuidePlatform } from '../../src/elements/permission-guide/platform.js';
import { guideCatalog, type MediaGuidePlatform, type ScreenGuidePlatform } from '../../src/i18n/catalog/guide.js';

const UA = {
  winChrome: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  winEdge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  macChrome: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  macEdge: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  macSafari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  iosSafari: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  iosChrome: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
  androidChrome: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
};

async function mount(props: Partial<ChatMeetPermissionGuide>): Promise<ChatMeetPermissionGuide> {
  const el = Object.assign(document.createElement('chat-meet-permission-guide'), { locale: 'en', ...props });
  document.body.append(el);
  await el.updateComplete;
  return el;
}
const steps = (el: ChatMeetPermissionGuide) => [...el.shadowRoot!.querySelectorAll('[part="steps"] li')].map((li) => li.textContent);
const note = (el: ChatMeetPermissionGuide, kind: string) => el.shadowRoot!.querySelector(`[data-note="${kind}"]`);

afterEach(() => document.querySelectorAll('chat-meet-permission-guide').forEach((e) => e.remove()));

describe('<chat-meet-permission-guide>', () => {
  it('R17: each browser and phone gets its own camera/microphone steps from the seed article', async () => {
    const seedWords: Record<MediaGuidePlatform, RegExp> = {
      chrome: /Privacy and security → Site settings/, edge: /Cookies and site permissions/, safari: /Websites → Camera/,
      ios: /Settings app/, android: /App info/, other: /site settings/,
    };
    for (const [platform, words] of Object.entries(seedWords)) {
      const el = await mount({ topic: 'media', platform: platform as MediaGuidePlatform });
      expect(el.dataset.platform).to.equal(platform);
      expect(steps(el), platform).to.deep.equal(guideCatalog.en.media[platform as MediaGuidePlatform]);
      expect(steps(el).join(' '), platform).to.match(words);
      expect(el.shadowRoot!.querySelector('h3')!.textContent).to.equal(`Steps for ${guideCatalog.en.platform[platform as MediaGuidePlatform]}`);
      expect(note(el, 'reload'), `${platform}: reload hint`).to.exist;
      // Phones: changing a permission ends the meet in Chrome, so the user must start again.
      expect(Boolean(note(el, 'retry')), `${platform}: retry note`).to.equal(platform === 'ios' || platform === 'android');
      el.remove();
    }
  });

  it('R12: screen recording steps: System Settings on a Mac for Chrome/Edge, Safari asks every time, Windows needs nothing', async () => {
    const seedWords: Record<ScreenGuidePlatform, RegExp> = {
      'mac-chrome': /Screen Recording.*Google Chrome/s, 'mac-edge': /Screen Recording.*Microsoft Edge/s, safari: /asks every time/,
      windows: /needs no permission/, other: /privacy settings/,
    };
    for (const [platform, words] of Object.entries(seedWords)) {
      const el = await mount({ topic: 'screen', platform: platform as ScreenGuidePlatform });
      expect(steps(el).join(' '), platform).to.match(words);
      expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal(guideCatalog.en.titleScreen);
      expect(note(el, 'reload'), 'no reload hint for the screen').to.equal(null);
      el.remove();
    }
  });

  it("picks the user's platform from the environment's os and the user agent", () => {
    expect(mediaGuidePlatform({ userAgent: UA.winChrome })).to.equal('chrome');
    expect(mediaGuidePlatform({ userAgent: UA.winEdge })).to.equal('edge');
    expect(mediaGuidePlatform({ userAgent: UA.macSafari })).to.equal('safari');
    expect(mediaGuidePlatform({ userAgent: UA.iosSafari })).to.equal('ios');
    expect(mediaGuidePlatform({ userAgent: UA.iosChrome })).to.equal('ios');
    expect(mediaGuidePlatform({ userAgent: UA.androidChrome })).to.equal('android');
    expect(mediaGuidePlatform({ userAgent: UA.firefox })).to.equal('other');
    // Environment detection's os wins over the user agent (an iPad asking for the desktop site says Macintosh).
    expect(mediaGuidePlatform({ os: 'ios', userAgent: UA.macSafari })).to.equal('ios');
    expect(screenGuidePlatform({ userAgent: UA.macChrome })).to.equal('mac-chrome');
    expect(screenGuidePlatform({ userAgent: UA.macEdge })).to.equal('mac-edge');
    expect(screenGuidePlatform({ userAgent: UA.macSafari })).to.equal('safari');
    expect(screenGuidePlatform({ userAgent: UA.winChrome })).to.equal('windows');
    expect(screenGuidePlatform({ userAgent: UA.firefox })).to.equal('other');
    expect(endsMeetOnPermissionChange({ userAgent: UA.androidChrome })).to.equal(true);
    expect(endsMeetOnPermissionChange({ userAgent: UA.iosChrome })).to.equal(true);
    expect(endsMeetOnPermissionChange({ userAgent: UA.iosSafari })).to.equal(false);
    expect(endsMeetOnPermissionChange({ userAgent: UA.winChrome })).to.equal(false);
  });

  it('without a forced platform it follows the environment: an Android phone gets the Android steps and the retry note', async () => {
    const el = await mount({ topic: 'media', environment: { inApp: false, os: 'android', mobile: true, supports: { meet: true } } });
    expect(el.shownPlatform).to.equal('android');
    expect(steps(el)).to.deep.equal(guideCatalog.en.media.android);
    expect(note(el, 'retry')).to.exist;
  });

  it('"reload and try again" fires a cancelable chat-meet-reload with the topic (cancelled here, so the test page stays)', async () => {
    const el = await mount({ topic: 'screen', platform: 'windows' });
    const got: { topic: string }[] = [];
    el.addEventListener('chat-meet-reload', (e) => {
      got.push((e as CustomEvent<{ topic: string }>).detail);
      e.preventDefault();
    });
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="reload"]')!.click();
    expect(got).to.deep.equal([{ topic: 'screen' }]);
  });

  it('focus lands on the title; the close button and Escape ask to close; without closable there is neither', async () => {
    const el = await mount({ topic: 'media', platform: 'chrome' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('guide-title');
    let closes = 0;
    el.addEventListener('chat-meet-guide-close', () => (closes += 1));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="close"]')!.click();
    el.shadowRoot!.querySelector('h2')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(closes).to.equal(2);
    el.closable = false;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-action="close"]')).to.equal(null);
    el.shadowRoot!.querySelector('h2')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(closes).to.equal(2);
  });

  it('overlay: a labelled dialog fixed over the whole viewport; in the flow: a region', async () => {
    const inFlow = await mount({ topic: 'media', platform: 'chrome' });
    expect(inFlow.shadowRoot!.querySelector('[part="panel"]')!.getAttribute('role')).to.equal('region');
    expect(getComputedStyle(inFlow).position).to.equal('static');
    const over = await mount({ topic: 'media', platform: 'chrome', overlay: true });
    const panel = over.shadowRoot!.querySelector('[part="panel"]')!;
    expect(panel.getAttribute('role')).to.equal('dialog');
    expect(panel.getAttribute('aria-labelledby')).to.equal('guide-title');
    const box = over.getBoundingClientRect();
    expect([box.left, box.top, box.width, box.height]).to.deep.equal([0, 0, innerWidth, innerHeight]);
    expect(getComputedStyle(over).position).to.equal('fixed');
  });
});
