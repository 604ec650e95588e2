/**
 * What the elements need to know about the browser, as `detectEnvironment()`
 * (chat-meet/environment) reports it. Elements take it as a property (tests pass any);
 * without one they make a cautious guess of their own.
 */
export interface ElementEnvironment {
  /** Inside a messenger's or social app's in-app browser (R16). */
  inApp: boolean;
  /** `ios`, `android`, `macos`, `windows`, `linux`, ... */
  os?: string;
  mobile: boolean;
  supports: { meet: boolean; screenShare?: boolean; blur?: boolean; noiseSuppression?: boolean; speakerSelection?: boolean };
  reasons?: Partial<Record<string, string>>;
  /** R16: how to get from the in-app browser to the system browser. */
  escape?: { kind: 'url' | 'intent' | 'instructions'; url?: string } | null;
}

/** The guess used when no environment is given: WebRTC and capture exist, nothing known of in-app. */
export function guessEnvironment(): ElementEnvironment {
  const meet = typeof RTCPeerConnection === 'function' && typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia);
  const mobile = typeof navigator !== 'undefined' && /Android|iPhone|iPad|Mobile/i.test(navigator.userAgent);
  return { inApp: false, mobile, supports: { meet, screenShare: !mobile && typeof navigator.mediaDevices?.getDisplayMedia === 'function' } };
}
