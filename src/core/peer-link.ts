/**
 * One WebRTC link to one remote participant, behind the smallest interface the mesh
 * needs, so that simple-peer could be swapped without touching the rest of the core.
 *
 * simple-peer lives in its own chunk (src/vendor/simple-peer.js, see
 * docs/decisions/0003-simple-peer-build.md) and is fetched with `import()` the first
 * time a meet starts: pages that never meet never download it.
 *
 * Every link carries one audio and one video sender from the start, so camera on/off,
 * screen share and blur are `replaceTrack` (no renegotiation: with simple-peer only the
 * initiator can offer, and `removeTrack` leaves a dead m-line). Mute is `track.enabled`
 * on the shared mic track, not a sender change.
 */
import { withOpusDtx } from './sdp.js';
import type SimplePeer from 'simple-peer';
import type { SignalData } from '../signaling/protocol.js';
import type { VideoCaps } from './caps.js';

export type LinkEvents = {
  connect: () => void;
  stream: (stream: MediaStream) => void;
  /** The link is gone (remote closed, ICE failed, or an error): the mesh decides what next. */
  close: (reason: string) => void;
};

export interface PeerLink {
  /** Feeds a signal from the remote side. */
  signal(data: SignalData): void;
  /** Puts `track` (or nothing) on the audio or video sender; never renegotiates. */
  setTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null): Promise<void>;
  /** Caps what the video sender may spend (bitrate, resolution, frame rate). */
  setVideoCaps(caps: VideoCaps): Promise<void>;
  /** Inbound and outbound statistics (frames decoded, audio level, ...). */
  getStats(): Promise<RTCStatsReport>;
  readonly connected: boolean;
  /** Closes the RTCPeerConnection. Idempotent; emits no `close`. */
  destroy(): void;
}

export interface PeerLinkOptions {
  initiator: boolean;
  iceServers: RTCIceServer[];
  /** Default `'all'`; `'relay'`: TURN only. */
  iceTransportPolicy?: RTCIceTransportPolicy;
  /** The tracks negotiated up front; `video` may be a placeholder that is replaced at once. */
  audio: MediaStreamTrack;
  video: MediaStreamTrack;
  /** What the video sender carries once set up (null: nothing, e.g. camera off or R1). */
  initialVideo: MediaStreamTrack | null;
  onSignal(data: SignalData): void;
  on: Partial<LinkEvents>;
}

let engine: Promise<typeof SimplePeer> | null = null;

/** Loads the simple-peer chunk once; later calls share the same promise. */
export function loadPeerEngine(): Promise<typeof SimplePeer> {
  engine ??= import('../vendor/simple-peer.js').then((m) => m.default);
  return engine;
}

/** Creates a link (loads the engine on first use). */
export async function createPeerLink(options: PeerLinkOptions): Promise<PeerLink> {
  const Peer = await loadPeerEngine();
  const stream = new MediaStream([options.audio, options.video]);
  const peer = new Peer({
    initiator: options.initiator,
    streams: [stream],
    config: { iceServers: options.iceServers, iceTransportPolicy: options.iceTransportPolicy ?? 'all' },
    trickle: true,
    sdpTransform: withOpusDtx,
  });
  // simple-peer keeps its RTCPeerConnection private; the senders are what we need.
  const pc = (peer as unknown as { _pc: RTCPeerConnection })._pc;
  const senders = new Map<'audio' | 'video', RTCRtpSender>();
  for (const sender of pc.getSenders()) if (sender.track) senders.set(sender.track.kind as 'audio' | 'video', sender);
  let connected = false;
  let destroyed = false;
  let caps: VideoCaps | null = null;

  const applyCaps = async () => {
    const sender = senders.get('video');
    if (!sender || !caps || destroyed) return;
    const params = sender.getParameters();
    // Before negotiation there are no encodings to cap; `connect` applies them again.
    if (!params.encodings?.length) return;
    const track = sender.track;
    const height = track?.getSettings().height ?? caps.maxHeight;
    params.encodings[0].maxBitrate = caps.maxBitrate;
    params.encodings[0].maxFramerate = caps.maxFramerate;
    params.encodings[0].scaleResolutionDownBy = Math.max(1, height / caps.maxHeight);
    await sender.setParameters(params).catch(() => undefined);
  };

  peer.on('signal', (data) => !destroyed && options.onSignal(data as SignalData));
  peer.on('connect', () => {
    connected = true;
    void applyCaps();
    options.on.connect?.();
  });
  peer.on('stream', (s: MediaStream) => options.on.stream?.(s));
  const gone = (reason: string) => {
    if (destroyed) return;
    destroyed = true;
    connected = false;
    peer.destroy();
    options.on.close?.(reason);
  };
  peer.on('close', () => gone('closed'));
  peer.on('error', (e: Error & { code?: string }) => gone(e.code ?? e.message));
  // A data channel outlives a dead media path for a while; ICE failing is the real signal.
  pc.addEventListener('iceconnectionstatechange', () => {
    if (pc.iceConnectionState === 'failed') gone('ice-failed');
  });

  const link: PeerLink = {
    signal(data) {
      if (destroyed) return;
      try {
        peer.signal(data as SimplePeer.SignalData);
      } catch (error) {
        gone(`bad-signal: ${(error as Error).message}`);
      }
    },
    async setTrack(kind, track) {
      const sender = senders.get(kind);
      if (!sender || destroyed || sender.track === track) return;
      await sender.replaceTrack(track);
      if (kind === 'video') await applyCaps();
    },
    async setVideoCaps(next) {
      caps = next;
      await applyCaps();
    },
    getStats: () => pc.getStats(),
    get connected() {
      return connected;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      connected = false;
      peer.destroy();
    },
  };
  if (options.initialVideo !== options.video) await link.setTrack('video', options.initialVideo);
  return link;
}
