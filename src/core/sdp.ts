/**
 * SDP adjustments made before a description is set and sent (simple-peer's `sdpTransform`).
 *
 * Opus DTX (`usedtx=1`): a muted or silent participant sends a comfort-noise packet every
 * 400 ms instead of 50 silent packets a second. In a mesh each participant sends to and
 * receives from everyone else, so in a 10-person meet, where most people listen, this is
 * most of the audio packets, and the CPU that encrypts, sends, receives and decodes them.
 * The parameter in our own description asks the other side to use DTX for what it sends
 * us; both sides add it, so both directions use it.
 */
export function withOpusDtx(sdp: string): string {
  const payloads = [...sdp.matchAll(/^a=rtpmap:(\d+) opus\/48000/gim)].map((m) => m[1]);
  let out = sdp;
  for (const pt of payloads) {
    out = out.replace(new RegExp(`^(a=fmtp:${pt} )(.*)$`, 'm'), (line: string, head: string, params: string) =>
      /(^|;)\s*usedtx=/.test(params) ? line : `${head}${params.replace(/\r$/, '')};usedtx=1${params.endsWith('\r') ? '\r' : ''}`,
    );
  }
  return out;
}
