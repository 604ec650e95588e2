/**
 * What the elements need to know about the browser: a part of what `detectEnvironment()`
 * (chat-meet/environment) reports, so any `Environment` is an `ElementEnvironment` (one
 * source of truth: src/environment/types.ts). Elements take it as a property; without one
 * they make a cautious guess of their own.
 */
import type { Environment, Escape, Os, Supports } from '../../environment/types.js';

export type ElementEnvironment = {
  /**
   * The in-app browser (R16), as detection names it; `null` or `false` outside one.
   * Hand-written environments (QA pages, tests, a host that knows) may just say `true`.
   */
  inApp: Environment['inApp'] | boolean;
  /** As detection names it (`iOS`, `Android`, ...); hand-written ones may use lower case (`ios`). */
  os?: Os | Lowercase<Os> | null;
  mobile: boolean;
  /** `meet` must be said; the others, where left out, the elements ask the browser themselves. */
  supports: Pick<Supports, 'meet'> & Partial<Supports>;
  reasons?: Environment['reasons'];
  /** R16: how to get from the in-app browser to the system browser. */
  escape?: Escape | null;
}

/** The guess used when no environment is given: WebRTC and capture exist, nothing known of in-app. */
export function guessEnvironment(): ElementEnvironment {
  const meet = typeof RTCPeerConnection === 'function' && typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia);
  const mobile = typeof navigator !== 'undefined' && /Android|iPhone|iPad|Mobile/i.test(navigator.userAgent);
  return { inApp: null, mobile, supports: { meet, screenShare: !mobile && typeof navigator.mediaDevices?.getDisplayMedia === 'function' } };
}
