// detectEnvironment() beyond the fixture table: escapes per app and system (R16), iPadOS in
// desktop mode, Client Hints, bots, feature results over the user agent, reasons, purity.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { BootOptions } from '../../src/boot/options.js';
import type { ElementEnvironment } from '../../src/elements/base/environment.js';
import { androidIntentUrl, detectEnvironment, IN_APP_NAMES, safariUrl, withLineParameter } from '../../src/environment/index.js';
import { mediaGuidePlatform, screenGuidePlatform } from '../../src/elements/permission-guide/platform.js';

const UA = {
  kakaoIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari/604.1 KAKAOTALK/10.7.1 (INAPP)',
  kakaoAndroid: 'Mozilla/5.0 (Linux; Android 14; SM-S921N Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/126.0.6478.71 Mobile Safari/537.36;KAKAOTALK 2410600',
  lineAndroid: 'Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230901.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.144 Mobile Safari/537.36 Line/13.21.0/IAB',
  instagramIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 309.0.0.40.113 (iPhone14,5; iOS 17_1; en_US; en; scale=3.00; 1170x2532; 537288532)',
  instagramAndroid: 'Mozilla/5.0 (Linux; Android 12; SM-G991B Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.163 Mobile Safari/537.36 Instagram 308.0.0.36.109 Android (31/12; 480dpi; 1080x2220; samsung; SM-G991B; o1s; exynos2100; en_GB; 533450710)',
  wechatIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.42(0x18002a2f) NetType/WIFI Language/zh_CN',
  bandAndroid: 'Mozilla/5.0 (Linux; Android 13; SM-A536N Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/118.0.5993.111 Mobile Safari/537.36 BAND/15.2.1 (Linux; Android 13; SM-A536N)',
  macSafari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  iosSafari: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1',
  chromeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/153.0.0.0 Safari/537.36',
  chromeAndroidReduced: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/153.0.0.0 Mobile Safari/537.36',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
  googlebot: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  facebookCrawler: 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
};
const PAGE = 'https://shop.example:8443/help/chat?order=42&lang=ko#faq';

test('KakaoTalk (iOS and Android): kakaotalk://web/openExternal with the page URL encoded', () => {
  for (const ua of [UA.kakaoIos, UA.kakaoAndroid]) {
    const env = detectEnvironment({ userAgent: ua, url: PAGE });
    assert.equal(env.inApp, 'kakaotalk');
    assert.deepEqual(env.escape, { kind: 'url', url: `kakaotalk://web/openExternal?url=${encodeURIComponent(PAGE)}` });
    assert.equal(decodeURIComponent(env.escape!.url!.split('url=')[1]), PAGE, 'the page comes back whole');
  }
});

test('LINE: openExternalBrowser=1 joins an existing query with &, starts one with ?, stays before the #fragment', () => {
  assert.equal(withLineParameter('https://a.example/help'), 'https://a.example/help?openExternalBrowser=1');
  assert.equal(withLineParameter('https://a.example/help?x=1&y=%20z'), 'https://a.example/help?x=1&y=%20z&openExternalBrowser=1');
  assert.equal(withLineParameter('https://a.example/help?x=1#top'), 'https://a.example/help?x=1&openExternalBrowser=1#top');
  assert.equal(withLineParameter('https://a.example/help#a?b'), 'https://a.example/help?openExternalBrowser=1#a?b');
  assert.equal(withLineParameter('https://a.example/help?'), 'https://a.example/help?openExternalBrowser=1');
  const env = detectEnvironment({ userAgent: UA.lineAndroid, url: PAGE });
  assert.equal(env.inApp, 'line');
  assert.deepEqual(env.escape, { kind: 'url', url: 'https://shop.example:8443/help/chat?order=42&lang=ko&openExternalBrowser=1#faq' });
});

test('other apps on Android: an intent:// URL that keeps host, port, path and query', () => {
  assert.equal(androidIntentUrl('https://shop.example:8443/help/chat?order=42&lang=ko#faq'), 'intent://shop.example:8443/help/chat?order=42&lang=ko#Intent;scheme=https;end');
  assert.equal(androidIntentUrl('http://shop.example/'), 'intent://shop.example/#Intent;scheme=http;end');
  for (const ua of [UA.instagramAndroid, UA.bandAndroid]) {
    const env = detectEnvironment({ userAgent: ua, url: PAGE });
    assert.deepEqual(env.escape, { kind: 'intent', url: 'intent://shop.example:8443/help/chat?order=42&lang=ko#Intent;scheme=https;end' }, env.inApp!);
  }
  assert.equal(detectEnvironment({ userAgent: UA.bandAndroid }).inApp, 'band');
});

test('other apps on iOS: x-safari-https:// (a link for the user to tap), the whole URL kept', () => {
  assert.equal(safariUrl('http://shop.example/x?y=1#z'), 'x-safari-http://shop.example/x?y=1#z');
  const env = detectEnvironment({ userAgent: UA.instagramIos, url: PAGE });
  assert.equal(env.inApp, 'instagram');
  assert.deepEqual(env.escape, { kind: 'url', url: 'x-safari-https://shop.example:8443/help/chat?order=42&lang=ko#faq' });
});

test('WeChat: instructions only, on iOS and Android', () => {
  const ios = detectEnvironment({ userAgent: UA.wechatIos, url: PAGE });
  assert.equal(ios.inApp, 'wechat');
  assert.deepEqual(ios.escape, { kind: 'instructions' });
  const android = detectEnvironment({ userAgent: 'Mozilla/5.0 (Linux; Android 13; PHF110 Build/RKQ1.211119.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160117 MMWEBSDK/20231202 MicroMessenger/8.0.46.2540(0x28002E3C) WeChat/arm64 Weixin NetType/5G', url: PAGE });
  assert.deepEqual(android.escape, { kind: 'instructions' });
});

test('escape: the kind alone without a page URL; instructions for a page not on http(s); null outside in-app browsers', () => {
  assert.deepEqual(detectEnvironment({ userAgent: UA.kakaoIos }).escape, { kind: 'url' });
  assert.deepEqual(detectEnvironment({ userAgent: UA.instagramAndroid }).escape, { kind: 'intent' });
  assert.deepEqual(detectEnvironment({ userAgent: UA.instagramAndroid, url: 'file:///help.html' }).escape, { kind: 'instructions' });
  assert.equal(detectEnvironment({ userAgent: UA.iosSafari, url: PAGE }).escape, null);
  assert.equal(detectEnvironment({ userAgent: UA.chromeWindows, url: PAGE }).escape, null);
});

test('iPadOS in desktop mode: a Mac user agent with touch points is an iPad (mobile, no screen share); without, a Mac', () => {
  const ipad = detectEnvironment({ userAgent: UA.macSafari, maxTouchPoints: 5 });
  assert.deepEqual([ipad.os, ipad.mobile, ipad.supports.screenShare, ipad.supports.meet], ['iPadOS', true, false, true]);
  assert.match(ipad.reasons.screenShare!, /R12/);
  const mac = detectEnvironment({ userAgent: UA.macSafari, maxTouchPoints: 0 });
  assert.deepEqual([mac.os, mac.mobile, mac.supports.screenShare], ['macOS', false, true]);
  assert.equal(detectEnvironment({ userAgent: UA.macSafari, maxTouchPoints: 1 }).os, 'macOS', 'one touch point: a Mac with a touch screen driver, not an iPad');
});

test('Client Hints (userAgentData) tell what the reduced user agent hides', () => {
  const android = detectEnvironment({ userAgent: UA.chromeAndroidReduced, userAgentData: { platform: 'Android', platformVersion: '14.0.0', mobile: true, brands: [{ brand: 'Google Chrome', version: '153' }] } });
  assert.deepEqual([android.os, android.osVersion, android.mobile, android.browser], ['Android', '14', true, 'Chrome']);
  const win11 = detectEnvironment({ userAgent: UA.chromeWindows, userAgentData: { platform: 'Windows', platformVersion: '15.0.0' } });
  assert.deepEqual([win11.os, win11.osVersion], ['Windows', '11']);
  assert.equal(detectEnvironment({ userAgent: UA.chromeWindows, userAgentData: { platform: 'Windows', platformVersion: '10.0.0' } }).osVersion, '10');
  const mac = detectEnvironment({ userAgent: '', userAgentData: { platform: 'macOS', platformVersion: '14.5.0', mobile: false, brands: [{ brand: 'Not.A/Brand', version: '99' }, { brand: 'Microsoft Edge', version: '153' }] } });
  assert.deepEqual([mac.os, mac.osVersion, mac.browser, mac.mobile], ['macOS', '14.5', 'Edge', false]);
  const tablet = detectEnvironment({ userAgent: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/153.0.0.0 Safari/537.36', userAgentData: { platform: 'Android', mobile: false } });
  assert.equal(tablet.mobile, true, 'an Android tablet (hints say mobile: false) is still mobile: phone or tablet');
});

test('bots: no meet, not in-app, no escape (facebookexternalhit is the crawler, not the Facebook app)', () => {
  for (const ua of [UA.googlebot, UA.facebookCrawler]) {
    const env = detectEnvironment({ userAgent: ua, url: PAGE });
    assert.deepEqual([env.bot, env.inApp, env.escape, env.supports.meet], [true, null, null, false], ua);
    assert.match(env.reasons.meet!, /crawler/);
  }
  assert.equal(detectEnvironment({ userAgent: UA.googlebot }).browser, 'Googlebot');
  assert.equal(detectEnvironment({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36' }).bot, false, 'headless Chromium is a browser (tests, QA)');
});

test('the user agent alone: its best verdict per feature, with the reason for each no', () => {
  const chrome = detectEnvironment({ userAgent: UA.chromeWindows });
  assert.deepEqual(chrome.supports, { meet: true, screenShare: true, blur: true, noiseSuppression: true, speakerSelection: true });
  assert.deepEqual(chrome.reasons, {});
  const safari = detectEnvironment({ userAgent: UA.iosSafari });
  assert.deepEqual(safari.supports, { meet: true, screenShare: false, blur: true, noiseSuppression: false, speakerSelection: false });
  assert.deepEqual(Object.keys(safari.reasons).sort(), ['noiseSuppression', 'screenShare', 'speakerSelection']);
  assert.match(safari.reasons.noiseSuppression!, /noise suppression/);
  assert.match(safari.reasons.speakerSelection!, /setSinkId/);
  const oldIos = detectEnvironment({ userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 15_3_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.3 Mobile/15E148 Safari/604.1' });
  assert.equal(oldIos.supports.blur, false, 'WebAssembly SIMD arrived in iOS 16.4');
  assert.match(oldIos.reasons.blur!, /WebGL2.*SIMD/);
  // A Mac's Safari names its major version only: 16.0-16.3 lack SIMD, so 16.x is not promised blur.
  const safari16 = detectEnvironment({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Safari/605.1.15' });
  assert.equal(safari16.supports.blur, false, 'macOS Safari 16.x: blur from 17, as docs/environment.md says');
  assert.equal(detectEnvironment({ userAgent: UA.macSafari }).supports.blur, true, 'macOS Safari 17.5');
  const electron = detectEnvironment({ userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) obsidian/1.11.7 Chrome/142.0.7444.265 Electron/39.5.1 Safari/537.36' });
  assert.deepEqual([electron.inApp, electron.webview, electron.supports.meet, electron.supports.screenShare], [null, true, true, false]);
  assert.match(electron.reasons.screenShare!, /Electron/);
  // Blink browsers that number themselves (Samsung Internet 30, Whale 3, Electron 39) are judged by their Chromium version.
  const samsung = detectEnvironment({ userAgent: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/30.0 Chrome/143.0.0.0 Mobile Safari/537.36' });
  assert.deepEqual([samsung.browser, samsung.supports.blur, samsung.supports.noiseSuppression], ['Samsung Internet', true, true]);
  const oldChromium = detectEnvironment({ userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/88.0.4324.150 Whale/2.9.118.16 Safari/537.36' });
  assert.equal(oldChromium.supports.blur, false, 'Chromium 88 has no WebAssembly SIMD, whatever Whale calls itself');
  const nothing = detectEnvironment({});
  assert.deepEqual([nothing.os, nothing.browser, nothing.supports.meet], [null, null, false], 'no user agent, no features: nothing is promised');
});

test('features given win over the user agent, both ways', () => {
  const noCamera = detectEnvironment({ userAgent: UA.chromeWindows, features: { getUserMedia: false } });
  assert.equal(noCamera.supports.meet, false);
  assert.match(noCamera.reasons.meet!, /getUserMedia/);
  const safari = detectEnvironment({ userAgent: UA.macSafari, features: { noiseSuppression: true, setSinkId: true } });
  assert.deepEqual([safari.supports.noiseSuppression, safari.supports.speakerSelection], [true, true]);
  const noGl = detectEnvironment({ userAgent: UA.chromeWindows, features: { webgl2: false } });
  assert.equal(noGl.supports.blur, false);
  // Policy is not a feature: a phone never shares its screen (R12), an in-app browser never meets (R16).
  const phone = detectEnvironment({ userAgent: UA.chromeAndroidReduced, features: { getDisplayMedia: true } });
  assert.equal(phone.supports.screenShare, false);
  const kakao = detectEnvironment({ userAgent: UA.kakaoAndroid, features: { rtcPeerConnection: true, getUserMedia: true } });
  assert.equal(kakao.supports.meet, false);
  assert.match(kakao.reasons.meet!, /^KakaoTalk: Android WebViews/);
});

test('purity: the same input gives the same output, and nothing global is read but what inapp-spy peeks at (and then dropped) or written', () => {
  const input = { userAgent: UA.chromeWindows, maxTouchPoints: 0, url: PAGE, features: { webgl2: true } };
  const frozen = structuredClone(input);
  const touched: string[] = [];
  const trap = (name: string, extra: Record<string, unknown> = {}) =>
    new Proxy(extra, {
      get: (t, k) => (touched.push(`${name}.${String(k)}`), Reflect.get(t, k)),
      has: (t, k) => (touched.push(`${name}.${String(k)}`), Reflect.has(t, k)),
    });
  const g = globalThis as Record<string, unknown>;
  const before = Object.getOwnPropertyNames(globalThis).sort();
  // A page inside Telegram with a KakaoTalk user agent: none of it may leak into the answer.
  g.window = trap('window', { TelegramWebview: {}, navigator: { userAgent: UA.kakaoIos }, document: {} });
  g.navigator = trap('navigator', { userAgent: UA.kakaoIos, maxTouchPoints: 5 });
  g.location = trap('location', { href: 'https://elsewhere.example/' });
  try {
    const a = detectEnvironment(input);
    const b = detectEnvironment(input);
    assert.deepEqual(a, b);
    assert.deepEqual(input, frozen, 'the input is not changed');
    assert.deepEqual([a.inApp, a.os, a.mobile, a.escape], [null, 'Windows', false, null]);
    const telegramPeeks = /^window\.(TelegramWebview|TelegramWebviewProxy|TelegramWebviewProxyProto)$/;
    assert.deepEqual(touched.filter((t) => !telegramPeeks.test(t)), [], 'only inapp-spy\'s Telegram check looks at window');
  } finally {
    delete g.window;
    delete g.navigator;
    delete g.location;
  }
  assert.deepEqual(Object.getOwnPropertyNames(globalThis).sort(), before, 'no global added or removed');
});

test('chat-meet/environment as built imports in plain Node (no tsx, no DOM) and touches no DOM at import', { skip: existsSync('dist/esm/environment.js') ? false : 'dist/esm/environment.js is not built (npx rollup -c)' }, () => {
  // DOM globals exist (as in a page), but any use of one at import time would throw.
  const script = `
    for (const name of ['window', 'document', 'navigator', 'location', 'customElements'])
      globalThis[name] = new Proxy({}, { get(_, k) { throw new Error('touched ' + name + '.' + String(k) + ' at import'); }, has(_, k) { throw new Error('touched ' + name + ' at import'); } });
    const m = await import('chat-meet/environment');
    for (const name of ['window', 'document', 'navigator', 'location', 'customElements']) delete globalThis[name];
    const env = m.detectEnvironment({ userAgent: ${JSON.stringify(UA.kakaoIos)}, url: 'https://a.example/' });
    console.log(JSON.stringify([env.inApp, env.os, env.escape.url]));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), ['kakaotalk', 'iOS', 'kakaotalk://web/openExternal?url=https%3A%2F%2Fa.example%2F']);
});

test('one source of truth: what detection reports is an ElementEnvironment and a valid boot option as it is (tsc checks the types)', () => {
  const env = detectEnvironment({ userAgent: UA.kakaoAndroid, url: PAGE });
  const forElements: ElementEnvironment = env;
  const forBoot: BootOptions['environment'] = env;
  assert.equal(forElements.inApp, 'kakaotalk');
  assert.equal(forBoot, env);
});

test('the permission guide (R17) reads detection\'s system names: iOS, iPadOS, Android, macOS, Windows', () => {
  const guide = (userAgent: string, maxTouchPoints = 0) => {
    const { os } = detectEnvironment({ userAgent, maxTouchPoints });
    return [mediaGuidePlatform({ os, userAgent }), screenGuidePlatform({ os, userAgent })];
  };
  assert.deepEqual(guide(UA.iosSafari), ['ios', 'other']);
  assert.deepEqual(guide(UA.macSafari, 5), ['ios', 'other'], 'an iPad in desktop mode gets the iOS guide, not the Mac one');
  assert.deepEqual(guide(UA.macSafari), ['safari', 'safari']);
  assert.deepEqual(guide(UA.chromeAndroidReduced), ['android', 'other']);
  assert.deepEqual(guide(UA.chromeWindows), ['chrome', 'windows']);
});

test('docs/environment.md keeps the in-app table: a row for every in-app name, each saying whether meets work', () => {
  const doc = readFileSync('docs/environment.md', 'utf8');
  for (const name of IN_APP_NAMES) assert.match(doc, new RegExp(`^\\| \`${name}\` \\| [^|]+ \\| [^|]+ \\| (no|yes) \\|`, 'm'), `a table row for ${name}`);
});
