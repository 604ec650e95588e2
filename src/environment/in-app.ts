/**
 * R16: which in-app browser this is, and whether meets work in it.
 *
 * The global apps come from inapp-spy (MIT, maintained, ~1.4 KB gzip here), which follows
 * their user agents as they change (e.g. Messenger's newer Facebook-like tokens). It does
 * not know the Korean apps or Telegram's Android token: a few tokens of our own cover
 * those and are checked first. docs/decisions/0005-environment-detection.md.
 */
import InAppSpy from 'inapp-spy';
import type { InApp } from './types.js';

/** Apps inapp-spy does not name from the user agent. */
const OWN_TOKENS: ReadonlyArray<[InApp, RegExp]> = [
  ['kakaotalk', /\bKAKAOTALK\b/i],
  ['naver', /\bNAVER\(inapp/i],
  ['daum', /\bDaumApps\//i],
  ['band', /\bBAND\/\d/i],
  ['telegram', /\bTelegram-(?:Android|iOS)\//i],
];

/**
 * The in-app browser a user agent belongs to, or `null`.
 *
 * @param live Whether this is the live page. inapp-spy also recognises Telegram by the
 *   globals its WebView injects, which only mean something on the live page; for a given
 *   user agent that answer is dropped, so the result depends on the string alone.
 */
export function detectInApp(ua: string, live: boolean): InApp | null {
  if (!ua) return null;
  for (const [app, token] of OWN_TOKENS) if (token.test(ua)) return app;
  const spy = InAppSpy({ ua });
  if (spy.appKey === 'telegram' && !live) return null;
  if (spy.appKey === 'reddit') return 'webview';
  return spy.appKey ?? (spy.isInApp ? 'webview' : null);
}

/** How the reasons name each app. */
export const APP_NAMES: Readonly<Record<InApp, string>> = {
  kakaotalk: 'KakaoTalk', naver: 'NAVER', daum: 'Daum', band: 'BAND', line: 'LINE', instagram: 'Instagram',
  facebook: 'Facebook', messenger: 'Messenger', wechat: 'WeChat', tiktok: 'TikTok', snapchat: 'Snapchat',
  twitter: 'X (Twitter)', telegram: 'Telegram', threads: 'Threads', whatsapp: 'WhatsApp', linkedin: 'LinkedIn',
  gsa: 'The Google app', webview: 'An app WebView',
};

/** Why meets cannot run in a WebView: the same for every app (docs/environment.md). */
const WEBVIEW_MEET = {
  Android:
    'Android WebViews get the camera and microphone only if the host app grants them (WebChromeClient.onPermissionRequest and its own Android permissions); in-app browsers do not, so getUserMedia fails. Open the page in the system browser.',
  iOS:
    "iOS WebViews (WKWebView) get the camera and microphone only from iOS 14.3 and only as the host app's capture settings allow; in-app browsers block or break the request. Open the page in the system browser.",
} as const;

/**
 * Whether a meet can run in this in-app browser, and why not. Every in-app browser chat-meet
 * knows fails today (the table in docs/environment.md); the function is per app so that one
 * that is shown to work can be let through with its evidence.
 */
export function inAppMeetBlock(app: InApp, os: string | null): string {
  const platform = os === 'Android' ? 'Android' : 'iOS';
  return `${APP_NAMES[app]}: ${WEBVIEW_MEET[platform]}`;
}
