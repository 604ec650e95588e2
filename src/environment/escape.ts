/**
 * R16: the way from an in-app browser to the system browser, per app and system.
 * - KakaoTalk: its own `kakaotalk://web/openExternal?url=` scheme (iOS and Android).
 * - LINE: `openExternalBrowser=1` in the page's query makes LINE hand the page over.
 * - WeChat: blocks every scheme and intent: instructions ("··· → Open in browser").
 * - Any other app on Android: an `intent://` link for the https (http) scheme; Android
 *   opens it in the default browser. The page's `#fragment` cannot travel in it.
 * - Any other app on iOS: `x-safari-https://`, which Safari registers; apps follow it
 *   only when the user taps it, so it is offered as a link, never opened by script.
 */
import type { Escape, InApp, Os } from './types.js';

/** Adds LINE's `openExternalBrowser=1` before any `#fragment`, keeping the query as it is. */
export function withLineParameter(url: string): string {
  const hash = url.indexOf('#');
  const base = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? '' : url.slice(hash);
  const join = !base.includes('?') ? '?' : /[?&]$/.test(base) ? '' : '&';
  return `${base}${join}openExternalBrowser=1${fragment}`;
}

/** `intent://host/path?query#Intent;scheme=https;end`: Android's link to the default browser. */
export function androidIntentUrl(url: string): string | undefined {
  const m = /^(https?):\/\/([^#]*)/i.exec(url);
  return m ? `intent://${m[2]}#Intent;scheme=${m[1].toLowerCase()};end` : undefined;
}

/** `x-safari-https://host/path?query#fragment`: opens Safari from another iOS app. */
export function safariUrl(url: string): string | undefined {
  const m = /^(https?):\/\/(.*)$/i.exec(url);
  return m ? `x-safari-${m[1].toLowerCase()}://${m[2]}` : undefined;
}

/**
 * The escape for `app` on `os`, for the page at `url` (without it, the kind alone).
 * `null` outside in-app browsers.
 */
export function escapeFor(app: InApp | null, os: Os | null, url?: string): Escape | null {
  if (!app) return null;
  const web = url && /^https?:\/\//i.test(url) ? url : undefined;
  const link = (kind: 'url' | 'intent', to: string | undefined): Escape => (to ? { kind, url: to } : { kind });
  // WeChat takes no link out; nor can a page that is not on http(s) be reopened elsewhere.
  if (app === 'wechat' || (url && !web)) return { kind: 'instructions' };
  if (app === 'kakaotalk') return link('url', web && `kakaotalk://web/openExternal?url=${encodeURIComponent(web)}`);
  if (app === 'line') return link('url', web && withLineParameter(web));
  if (os === 'Android') return link('intent', web && androidIntentUrl(web));
  if (os === 'iOS' || os === 'iPadOS') return link('url', web && safariUrl(web));
  return { kind: 'instructions' };
}
