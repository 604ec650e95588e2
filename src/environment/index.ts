/**
 * `chat-meet/environment`: where meets can run (R12, R15, R16, R18). Pure and free of side
 * effects at import: it runs in Node too, and touches the page only when
 * `detectEnvironment()` is called without input in a browser.
 *
 * @packageDocumentation
 */
import { escapeFor } from './escape.js';
import { featuresFromAgent, probeFeatures } from './features.js';
import { detectInApp, inAppMeetBlock } from './in-app.js';
import type { Environment, EnvironmentInput, Feature, Features, Supports, UserAgentData } from './types.js';
import { parseUserAgent } from './user-agent.js';

export type { Environment, EnvironmentInput, Escape, Feature, Features, InApp, Os, Supports, UserAgentData } from './types.js';
export { IN_APP_NAMES } from './types.js';
export { androidIntentUrl, escapeFor, safariUrl, withLineParameter } from './escape.js';

const REASON = {
  webrtc: 'This browser has no WebRTC (RTCPeerConnection) or no camera/microphone access (getUserMedia).',
  bot: 'A crawler, not a person: no meets.',
  mobileShare: 'Screen share is not offered on mobile web (R12): phones and tablets cannot share their screen from a browser.',
  noShare: 'This browser cannot share the screen (no getDisplayMedia; an Electron app must set a display-media handler).',
  blur: 'Background blur needs WebGL2, canvas.captureStream() and WebAssembly SIMD, which this browser lacks.',
  noise: 'This browser does not let pages switch its microphone noise suppression; it uses its own setting.',
  speaker: 'This browser does not let pages choose the speaker (no setSinkId); the system setting applies.',
} as const;

/** The live page's input: its user agent, touch points, Client Hints and address. */
function liveInput(): EnvironmentInput {
  const nav = navigator as Navigator & { userAgentData?: UserAgentData };
  return { userAgent: nav.userAgent, maxTouchPoints: nav.maxTouchPoints, userAgentData: nav.userAgentData ?? null, url: location.href };
}

/**
 * What this browser is and what it can do: in-app browser, system, phone or tablet, and
 * which of meets, screen share, blur, noise suppression and speaker choice chat-meet may
 * offer — each decided by feature tests where they can run, the user agent being the last
 * resort — with the reason for each one it may not, and the way out of an in-app browser.
 *
 * Without `input`, in a browser, it reads the live `navigator`/`window` and runs the feature
 * tests. Given `input`, it is a pure function of it (Node, tests, a server reading a request's
 * user agent); features it is not given are inferred from the user agent.
 *
 * @example
 * ```ts
 * import { detectEnvironment } from 'chat-meet/environment';
 * const env = detectEnvironment();
 * if (!env.supports.meet && env.escape?.url) showLink(env.escape.url);
 *
 * // On a server, from a request:
 * detectEnvironment({ userAgent: req.headers['user-agent'], url: pageUrl }).inApp; // 'kakaotalk'
 * ```
 */
export function detectEnvironment(input?: EnvironmentInput): Environment {
  const live = !input && typeof window !== 'undefined' && typeof navigator !== 'undefined';
  const given = input ?? (live ? liveInput() : {});
  const probed = live ? probeFeatures(window) : { features: {}, messages: {} as Partial<Record<'blur' | 'noiseSuppression', string>> };
  const ua = given.userAgent ?? '';
  const agent = parseUserAgent(ua, given.maxTouchPoints ?? 0, given.userAgentData);
  const inApp = agent.bot ? null : detectInApp(ua, live);
  const apple = agent.os === 'iOS' || agent.os === 'iPadOS';
  const browser = inApp ? (apple ? 'WKWebView' : agent.os === 'Android' ? 'Android WebView' : agent.browser) : agent.browser;
  const f: Features = { ...featuresFromAgent(agent), ...probed.features, ...given.features };

  const reasons: Partial<Record<Feature, string>> = {};
  const decide = (feature: Feature, ok: boolean, why: string) => {
    if (!ok) reasons[feature] = why;
    return ok;
  };
  const webrtc = f.rtcPeerConnection && f.getUserMedia;
  const supports: Supports = {
    meet: decide('meet', !agent.bot && webrtc && !inApp, agent.bot ? REASON.bot : inApp ? inAppMeetBlock(inApp, agent.os) : REASON.webrtc),
    screenShare: decide('screenShare', !agent.mobile && f.getDisplayMedia, agent.mobile ? REASON.mobileShare : REASON.noShare),
    blur: decide('blur', f.webgl2 && f.captureStream && f.wasmSimd, probed.messages.blur ?? REASON.blur),
    noiseSuppression: decide('noiseSuppression', f.noiseSuppression, probed.messages.noiseSuppression ?? REASON.noise),
    speakerSelection: decide('speakerSelection', f.setSinkId, REASON.speaker),
  };
  return {
    inApp,
    os: agent.os,
    osVersion: agent.osVersion,
    browser,
    mobile: agent.mobile,
    webview: agent.webview || inApp !== null,
    bot: agent.bot,
    supports,
    reasons,
    escape: escapeFor(inApp, agent.os, given.url),
  };
}
