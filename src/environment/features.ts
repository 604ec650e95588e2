/**
 * Feature tests (R15): what this browser can actually do, read from the live page. And,
 * where no test could run (a user agent given alone, e.g. on a server), the best guess a
 * user agent supports, by engine and version.
 */
import { canBlur } from '../media/blur/support.js';
import { noiseSuppressionSupport } from '../media/noise.js';
import type { Features } from './types.js';
import type { ParsedAgent } from './user-agent.js';

/** Feature-test results, each with the sentence to show where it failed. */
export interface Probed {
  features: Partial<Features>;
  /** Why blur or noise suppression failed, in the words of the module that runs them. */
  messages: { blur?: string; noiseSuppression?: string };
}

/**
 * Runs the feature tests in this page (one throwaway WebGL2 context for blur, freed at
 * once). Call only in a browser.
 */
export function probeFeatures(win: Window & typeof globalThis): Probed {
  const media = win.navigator.mediaDevices as MediaDevices | undefined;
  const blur = canBlur({ window: win });
  const noise = noiseSuppressionSupport(media);
  const features: Partial<Features> = {
    rtcPeerConnection: typeof win.RTCPeerConnection === 'function',
    getUserMedia: typeof media?.getUserMedia === 'function',
    getDisplayMedia: typeof media?.getDisplayMedia === 'function',
    setSinkId: typeof win.HTMLMediaElement === 'function' && 'setSinkId' in win.HTMLMediaElement.prototype,
    noiseSuppression: noise.supported,
  };
  if (blur.ok) Object.assign(features, { webgl2: true, captureStream: true, wasmSimd: true });
  else {
    // canBlur stops at the first missing piece: what it passed before is there.
    const order = ['webgl2', 'captureStream', 'wasmSimd'] as const;
    const failed = ({ dom: 0, webgl2: 0, output: 1, 'wasm-simd': 2 } as const)[blur.reason];
    order.forEach((name, i) => i <= failed && (features[name] = i < failed));
  }
  return { features, messages: { ...(blur.ok ? {} : { blur: blur.error.message }), ...(noise.supported ? {} : { noiseSuppression: noise.reason }) } };
}

const atLeast = (v: number | null, min: number) => v === null || v >= min;
const versionAtLeast = (v: string | null, min: number[]) => {
  if (!v) return true;
  const parts = v.split('.').map(Number);
  for (let i = 0; i < min.length; i++) {
    const a = parts[i] ?? 0;
    if (a !== min[i]) return a > min[i];
  }
  return true;
};

/**
 * What a user agent alone suggests (engine versions from the browsers' release notes; unknown
 * versions are taken as current). WebKit on iOS/iPadOS is the same engine in every browser
 * there, so the system version decides.
 */
export function featuresFromAgent(a: ParsedAgent): Features {
  const apple = a.os === 'iOS' || a.os === 'iPadOS';
  const { engine, browser, engineMajor: v } = a;
  const blink = engine === 'blink';
  const gecko = engine === 'gecko';
  const safari = engine === 'webkit' && !apple;
  const known = Boolean(engine) && !a.bot;
  // getUserMedia: Safari 11; other iOS browsers (WKWebView) from iOS 14.3.
  const gum = known && (apple ? versionAtLeast(a.osVersion, browser === 'Safari' ? [11] : [14, 3]) : safari ? atLeast(v, 11) : true);
  // WebAssembly SIMD: Chrome 91, Firefox 89, Safari 16.4 (taken as 17 on macOS: the user agent gives the major only); WebGL2 and captureStream are older.
  const blur = known && (apple ? versionAtLeast(a.osVersion, [16, 4]) : blink ? atLeast(v, 91) : gecko ? atLeast(v, 89) : safari ? atLeast(v, 17) : false);
  return {
    rtcPeerConnection: gum,
    getUserMedia: gum,
    // Electron needs the host app's display-media handler; mobile is R12's business.
    getDisplayMedia: known && !a.mobile && browser !== 'Electron' && (blink ? atLeast(v, 72) : gecko ? atLeast(v, 66) : safari ? atLeast(v, 13) : false),
    // Desktop Chromium since 49, Firefox since 116; not Safari.
    setSinkId: known && !a.mobile && (blink || (gecko && atLeast(v, 116))),
    webgl2: blur,
    captureStream: blur,
    wasmSimd: blur,
    // Chromium and Firefox expose the constraint; WebKit (Safari, every iOS browser) does not.
    noiseSuppression: known && (blink || gecko),
  };
}
