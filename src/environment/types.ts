/**
 * The shapes of environment detection (`chat-meet/environment`): what goes in, what comes
 * out. Types only, plus the list of in-app names (used to check the boot option too).
 */

/** The in-app browsers chat-meet names (R16), in the order the docs table lists them. */
export const IN_APP_NAMES = [
  'kakaotalk', 'naver', 'daum', 'band', 'line', 'instagram', 'facebook', 'messenger', 'wechat',
  'tiktok', 'snapchat', 'twitter', 'telegram', 'threads', 'whatsapp', 'linkedin', 'gsa', 'webview',
] as const;

/**
 * An in-app browser: the browser inside a messenger or social app. `gsa` is the Google
 * Search app; `webview` is an app WebView whose app is not one of the named ones.
 */
export type InApp = (typeof IN_APP_NAMES)[number];

/** The operating system, as detection names it. */
export type Os = 'iOS' | 'iPadOS' | 'Android' | 'macOS' | 'Windows' | 'Linux' | 'ChromeOS';

/** What chat-meet may offer; each is decided by feature tests where it can be. */
export interface Supports {
  /** Voice and video meets: WebRTC and the camera/microphone, and not an in-app browser that blocks them (R16). */
  meet: boolean;
  /** Screen share (R12): never on mobile web. */
  screenShare: boolean;
  /** Background blur (R15): WebGL2, `canvas.captureStream()`, WebAssembly SIMD. */
  blur: boolean;
  /** Switching the browser's microphone noise suppression (R15). */
  noiseSuppression: boolean;
  /** Choosing the speaker (`HTMLMediaElement.setSinkId`). */
  speakerSelection: boolean;
}

/** A capability `supports` reports, and `reasons` explains. */
export type Feature = keyof Supports;

/**
 * R16: how to get from this in-app browser to the system browser.
 * - `url`: a link that opens the page there (KakaoTalk's `kakaotalk://web/openExternal`,
 *   LINE's `openExternalBrowser=1`, iOS `x-safari-https://`); follow it on a user's tap.
 * - `intent`: an Android `intent://…#Intent;scheme=https;end` link (the default browser).
 * - `instructions`: no link works here (WeChat, or the page's address is unknown): tell the
 *   user to use the app's "open in browser" menu, or to copy the link.
 *
 * `url` is there when the page's address is known (the live page, or `input.url`).
 */
export interface Escape {
  kind: 'url' | 'intent' | 'instructions';
  url?: string;
}

/**
 * What feature tests found. In a live browser `detectEnvironment()` runs them itself;
 * callers may pass any of them (they win over the user agent, which is the last resort).
 */
export interface Features {
  rtcPeerConnection: boolean;
  getUserMedia: boolean;
  getDisplayMedia: boolean;
  /** `HTMLMediaElement.prototype.setSinkId`. */
  setSinkId: boolean;
  webgl2: boolean;
  /** `HTMLCanvasElement.prototype.captureStream`. */
  captureStream: boolean;
  /** WebAssembly SIMD (MediaPipe's wasm needs it). */
  wasmSimd: boolean;
  /** `getSupportedConstraints().noiseSuppression`. */
  noiseSuppression: boolean;
}

/** User-Agent Client Hints (`navigator.userAgentData`, plus high-entropy values if you have them). */
export interface UserAgentData {
  brands?: ReadonlyArray<{ brand: string; version: string }>;
  mobile?: boolean;
  /** `Android`, `Windows`, `macOS`, `Linux`, `Chrome OS`, ... */
  platform?: string;
  /** High entropy: e.g. `13.0.0` (Android 13), `15.0.0` (Windows 11). */
  platformVersion?: string;
}

/**
 * What `detectEnvironment()` looks at. Given, the function is pure: it reads nothing else.
 * Leave it out in a browser to read the live `navigator`/`window`.
 */
export interface EnvironmentInput {
  userAgent?: string;
  /** `navigator.maxTouchPoints`: above 1 with a Mac user agent means an iPad in desktop mode. */
  maxTouchPoints?: number;
  userAgentData?: UserAgentData | null;
  /** Feature-test results; each one given wins over what the user agent suggests. */
  features?: Partial<Features>;
  /** The page to reopen in the system browser (for `escape.url`); live: `location.href`. */
  url?: string;
}

/** What `detectEnvironment()` reports. */
export interface Environment {
  /** The in-app browser this is, or `null` (a browser of its own, or a desktop app like Electron). */
  inApp: InApp | null;
  os: Os | null;
  /** `16.5.1`; `null` where the user agent hides it (Windows 10/11, macOS, reduced Android). */
  osVersion: string | null;
  /** `Chrome`, `Safari`, `Firefox`, `Edge`, `Samsung Internet`, `WKWebView`, `Android WebView`, ...; `null` if unknown. */
  browser: string | null;
  /** A phone or a tablet. */
  mobile: boolean;
  /** An embedded browser (app WebView, Electron) rather than a browser app. */
  webview: boolean;
  /** A crawler, not a person. */
  bot: boolean;
  supports: Supports;
  /** For each feature in `supports` that is `false`: why (English, for logs and developers). */
  reasons: Partial<Record<Feature, string>>;
  /** R16: the way to the system browser; `null` outside in-app browsers. */
  escape: Escape | null;
}
