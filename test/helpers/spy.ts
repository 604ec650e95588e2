/**
 * Counts what a test leaves behind: every RTCPeerConnection made in the page and every
 * capture track (camera, microphone, screen, canvas placeholder). Installed on import,
 * before the first link exists (simple-peer looks up RTCPeerConnection per link).
 */
const pcs: RTCPeerConnection[] = [];
const tracks: MediaStreamTrack[] = [];

const Native = globalThis.RTCPeerConnection;
if (!(Native as unknown as { spied?: boolean }).spied) {
  class Spied extends Native {
    static spied = true;
    constructor(config?: RTCConfiguration) {
      super(config);
      pcs.push(this);
    }
  }
  globalThis.RTCPeerConnection = Spied as typeof RTCPeerConnection;
  const record = (stream: MediaStream) => (tracks.push(...stream.getTracks()), stream);
  const gum = MediaDevices.prototype.getUserMedia;
  MediaDevices.prototype.getUserMedia = function (c) { return gum.call(this, c).then(record); };
  const gdm = MediaDevices.prototype.getDisplayMedia;
  MediaDevices.prototype.getDisplayMedia = function (c) { return gdm.call(this, c).then(record); };
  const cap = HTMLCanvasElement.prototype.captureStream;
  HTMLCanvasElement.prototype.captureStream = function (r) { return record(cap.call(this, r)); };
}

/** Peer connections not yet closed. */
export const openPeerConnections = () => pcs.filter((pc) => pc.signalingState !== 'closed').length;
/** Capture tracks still live. */
export const liveTracks = () => tracks.filter((t) => t.readyState === 'live').length;
export const allPeerConnections = () => pcs.length;

/** The tracks the open peer connections' senders of `kind` carry now (null senders left out). */
export const sentTracks = (kind: 'audio' | 'video') =>
  pcs
    .filter((pc) => pc.signalingState !== 'closed')
    .flatMap((pc) => pc.getSenders().map((s) => s.track))
    .filter((t): t is MediaStreamTrack => t?.kind === kind);

let offers = 0;
const createOffer = RTCPeerConnection.prototype.createOffer;
if (!(createOffer as { spied?: boolean }).spied) {
  const counted = function (this: RTCPeerConnection, ...args: unknown[]) {
    offers += 1;
    return (createOffer as (...a: unknown[]) => Promise<RTCSessionDescriptionInit>).apply(this, args);
  };
  (counted as { spied?: boolean }).spied = true;
  RTCPeerConnection.prototype.createOffer = counted as typeof createOffer;
}
/** Offers made in this page so far (a renegotiation makes one). */
export const offersMade = () => offers;

/** The peer connections still open, for reading their stats and senders. */
export const openPeerConnectionList = () => pcs.filter((pc) => pc.signalingState !== 'closed');
