// Makes this page pretend to be another browser (an in-app one, mostly), for detection to read.

/** This page's user agent becomes `userAgent`, with no Client Hints (as an app's WebView would agree). */
export function pretendUserAgent(userAgent: string) {
  Object.defineProperty(navigator, 'userAgent', { configurable: true, get: () => userAgent });
  Object.defineProperty(navigator, 'userAgentData', { configurable: true, get: () => undefined });
}

/** Undoes {@link pretendUserAgent}: the own properties go; Navigator.prototype's real getters show through again. */
export function stopPretending() {
  delete (navigator as unknown as Record<string, unknown>).userAgent;
  delete (navigator as unknown as Record<string, unknown>).userAgentData;
}
