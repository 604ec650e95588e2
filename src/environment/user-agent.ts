/**
 * The user agent string (and Client Hints, where given) read for what they can tell:
 * system and its version, browser, phone or tablet, embedded or not, crawler or not.
 * This is the last resort of environment detection; feature tests decide what a browser
 * can do wherever they can run (./features.ts).
 */
import type { Os, UserAgentData } from './types.js';

export interface ParsedAgent {
  os: Os | null;
  osVersion: string | null;
  browser: string | null;
  /** The browser's major version where the user agent gives it. */
  browserMajor: number | null;
  /**
   * The engine's major version: Chromium's for every Blink browser (Samsung Internet 30,
   * Whale 3, Opera and Electron number themselves differently), else the browser's.
   */
  engineMajor: number | null;
  engine: 'blink' | 'webkit' | 'gecko' | null;
  mobile: boolean;
  /** An Android WebView, an iOS WKWebView without Safari's tokens, or Electron. */
  webview: boolean;
  bot: boolean;
}

// Crawlers name themselves; `+http(s)://` is how most link to their documentation.
const BOT = /\b(?:\w*bot|\w*spider|crawler|crawling|slurp|facebookexternalhit|mediapartners-google|lighthouse)\b|\+https?:\/\//i;
const BOT_NAME = /\b(\w*(?:bot|spider|crawler)|slurp|facebookexternalhit)\b/i;

const dotted = (v: string) => v.replace(/_/g, '.');
/** `13.0.0` → `13`, `14.5.0` → `14.5`: trailing zero parts say nothing. */
const trimZeros = (v: string) => v.replace(/(\.0)+$/, '');
const major = (v: string | undefined | null) => (v ? Number.parseInt(v, 10) : null);

function system(ua: string, maxTouchPoints: number): { os: Os | null; osVersion: string | null } {
  const ios = /\b(iPhone|iPod|iPad)\b[^)]*?\bOS (\d+(?:_\d+)*)/.exec(ua) ?? (/\b(iPhone|iPod|iPad)\b/.exec(ua) as RegExpExecArray | null);
  const safariVersion = /\bVersion\/(\d+(?:\.\d+)*)/.exec(ua)?.[1] ?? null;
  // Safari 26 freezes the system token at 18_x; from 26 on, its own version is the system's.
  const unfrozen = (v: string | null) => (safariVersion && (major(safariVersion) ?? 0) >= 26 && (major(v) ?? 0) < 26 ? safariVersion : v);
  if (ios) {
    const version = ios[2] ? dotted(ios[2]) : null;
    return { os: ios[1] === 'iPad' ? 'iPadOS' : 'iOS', osVersion: unfrozen(version) };
  }
  if (/\bAndroid\b/.test(ua)) {
    // Chrome's reduced user agent says "Android 10; K" whatever the real version; an app's
    // own comment (Telegram's, Instagram's) may still tell it.
    const all = [...ua.matchAll(/\bAndroid (\d+(?:\.\d+)*)(;\s*K\))?/g)];
    const real = all.find((m) => !m[2]);
    return { os: 'Android', osVersion: real ? real[1] : null };
  }
  if (/\bCrOS\b/.test(ua)) return { os: 'ChromeOS', osVersion: null };
  if (/\bMacintosh\b|\bMac OS X\b/.test(ua)) {
    // An iPad in desktop mode sends a Mac's user agent; only touch gives it away.
    if (maxTouchPoints > 1) return { os: 'iPadOS', osVersion: unfrozen(null) };
    // Browsers freeze macOS at 10.15(.7): any such figure says nothing.
    const v = /Mac OS X (\d+(?:[._]\d+)*)/.exec(ua)?.[1];
    const version = v ? dotted(v) : null;
    return { os: 'macOS', osVersion: version && !version.startsWith('10.15') ? version : null };
  }
  const nt = /\bWindows NT (\d+\.\d+)/.exec(ua)?.[1];
  if (nt || /\bWindows\b/.test(ua)) {
    // NT 10.0 is Windows 10 and 11 alike.
    const named: Record<string, string> = { '6.1': '7', '6.2': '8', '6.3': '8.1' };
    return { os: 'Windows', osVersion: (nt && named[nt]) ?? null };
  }
  if (/\bLinux\b|\bX11\b/.test(ua)) return { os: 'Linux', osVersion: null };
  return { os: null, osVersion: null };
}

/** Client Hints win over the user agent: they are not frozen. */
function fromHints(hints: UserAgentData, base: { os: Os | null; osVersion: string | null }) {
  const platforms: Record<string, Os> = { Android: 'Android', Windows: 'Windows', macOS: 'macOS', Linux: 'Linux', 'Chrome OS': 'ChromeOS', ChromeOS: 'ChromeOS', iOS: 'iOS' };
  const os = (hints.platform && platforms[hints.platform]) || base.os;
  let osVersion = os === base.os ? base.osVersion : null;
  const pv = hints.platformVersion;
  if (pv && os === 'Windows') {
    // Microsoft's mapping: platformVersion 13+ is Windows 11, 1-10 Windows 10, 0.x older.
    const m = major(pv) ?? 0;
    osVersion = m >= 13 ? '11' : m >= 1 ? '10' : osVersion;
  } else if (pv && (os === 'Android' || os === 'macOS' || os === 'ChromeOS')) {
    osVersion = trimZeros(pv);
  }
  return { os, osVersion };
}

function browserOf(ua: string): { browser: string | null; version: string | undefined; engine: ParsedAgent['engine'] } {
  const rules: Array<[string, RegExp, ParsedAgent['engine']]> = [
    ['Electron', /\bElectron\/(\d+)/, 'blink'],
    ['Edge', /\bEdg(?:e|A|iOS)?\/(\d+)/, 'blink'],
    ['Samsung Internet', /\bSamsungBrowser\/(\d+)/, 'blink'],
    ['Whale', /\bWhale\/(\d+)/, 'blink'],
    ['Opera', /\b(?:OPR|OPT|Opera)\/(\d+)/, 'blink'],
    ['Yandex', /\bYaBrowser\/(\d+)/, 'blink'],
    ['Chrome', /\bCriOS\/(\d+)/, 'webkit'],
    ['Firefox', /\bFxiOS\/(\d+)/, 'webkit'],
    ['Firefox', /\bFirefox\/(\d+)/, 'gecko'],
    ['Chrome', /\b(?:Headless)?Chrome\/(\d+)/, 'blink'],
    ['Safari', /\bVersion\/(\d+)[^]*\bSafari\//, 'webkit'],
  ];
  for (const [browser, re, engine] of rules) {
    const m = re.exec(ua);
    if (m) return { browser, version: m[1], engine };
  }
  if (/AppleWebKit\//.test(ua)) return { browser: null, version: undefined, engine: 'webkit' };
  return { browser: null, version: undefined, engine: /\bGecko\//.test(ua) ? 'gecko' : null };
}

/** Brands that name a browser (Client Hints); "Chromium" and GREASE entries do not. */
const BRANDS: Record<string, string> = { 'Google Chrome': 'Chrome', 'Microsoft Edge': 'Edge', Opera: 'Opera', 'Samsung Internet': 'Samsung Internet', Whale: 'Whale', YaBrowser: 'Yandex' };

/**
 * Reads a user agent string (and Client Hints where given). Pure.
 *
 * @param maxTouchPoints `navigator.maxTouchPoints` where known: a Mac user agent with touch is an iPad.
 */
export function parseUserAgent(ua: string, maxTouchPoints = 0, hints?: UserAgentData | null): ParsedAgent {
  const bot = BOT.test(ua);
  const sys = hints ? fromHints(hints, system(ua, maxTouchPoints)) : system(ua, maxTouchPoints);
  let { browser, version, engine } = browserOf(ua);
  const brand = hints?.brands?.find((b) => BRANDS[b.brand]);
  if (!browser && brand) ({ browser, version, engine } = { browser: BRANDS[brand.brand], version: brand.version, engine: 'blink' });
  if (!browser && hints?.brands?.some((b) => b.brand === 'Chromium')) ({ browser, engine } = { browser: 'Chromium', engine: 'blink' });

  const apple = sys.os === 'iOS' || sys.os === 'iPadOS';
  const android = sys.os === 'Android';
  // Android WebViews say "; wv)"; older ones (and KakaoTalk's reduced one) "Version/4.0 Chrome/".
  const androidWebView = android && /;\s*wv\)|\bVersion\/4\.0 Chrome\//.test(ua);
  // iOS browsers all carry "Safari/"; an app's WKWebView usually does not.
  const iosWebView = apple && /\b(?:iPhone|iPod|iPad)\b/.test(ua) && !/\bSafari\//.test(ua);
  const electron = browser === 'Electron';
  const webview = !bot && (androidWebView || iosWebView || electron);
  if (bot) browser = BOT_NAME.exec(ua)?.[1] ?? 'Bot';
  else if (androidWebView) browser = 'Android WebView';
  else if (iosWebView) browser = 'WKWebView';

  const mobile = android || apple || Boolean(hints?.mobile) || (!sys.os && /\bMobile\b/.test(ua) && !bot);
  const chromium = engine === 'blink' ? major(/\bChrome\/(\d+)/.exec(ua)?.[1]) : null;
  return { ...sys, browser, browserMajor: major(version), engineMajor: chromium ?? major(version), engine: apple ? 'webkit' : engine, mobile, webview, bot };
}
