/**
 * The mesh: one {@link PeerLink} per other participant (45 links for 10 people).
 *
 * - Glare-free: the participant with the smaller id makes the offer; the other side
 *   creates its link when the first signal arrives.
 * - Epochs: a failed link is destroyed and the offerer re-creates it with epoch + 1
 *   after a capped backoff; signals tagged with an older epoch are dropped, so a late
 *   candidate cannot poison the new link.
 * - R1: an audio-only participant's video sender never carries a track.
 */
import type { SignalData } from '../signaling/protocol.js';
import { videoCapsFor } from './caps.js';
import { createPeerLink, type PeerLink } from './peer-link.js';
import { sendsVideoTo } from './rules.js';
import type { ConnectionState } from './types.js';

/** Whether this side makes the offer to `peerId` (exactly one side does). */
export const isOfferer = (selfId: string, peerId: string): boolean => selfId < peerId;

/** Backoff before re-creating a failed link: 250 ms doubling, capped at 8 s. */
export const reconnectDelay = (attempt: number): number => Math.min(8000, 250 * 2 ** attempt);
/** After this many failed attempts in a row the link is reported `failed` (still retried). */
const FAILED_AFTER = 4;
/** A link that has not connected by then is treated as failed. */
const CONNECT_TIMEOUT_MS = 20_000;

interface Entry {
  peerId: string;
  audioOnly: boolean;
  epoch: number;
  attempt: number;
  link: PeerLink | null;
  pending: Promise<PeerLink> | null;
  timer: ReturnType<typeof setTimeout> | null;
  /** Signals that arrived while the link was being created. */
  queue: SignalData[];
}

export interface MeshOptions {
  selfId: string;
  iceServers: () => RTCIceServer[];
  iceTransportPolicy: RTCIceTransportPolicy;
  /** The tracks every link negotiates with (the mic and a placeholder video). */
  baseTracks: () => { audio: MediaStreamTrack; video: MediaStreamTrack };
  /** The video to send now (camera, screen, or null). */
  currentVideo: () => MediaStreamTrack | null;
  sendSignal(peerId: string, epoch: number, data: SignalData): void;
  onState(peerId: string, state: ConnectionState): void;
  onStream(peerId: string, stream: MediaStream): void;
}

export interface Mesh {
  /** Ensures a link to `peerId` (the offerer starts it; the answerer waits for its offer). */
  add(peer: { id: string; audioOnly: boolean }): void;
  remove(peerId: string): void;
  signal(peerId: string, epoch: number, data: SignalData): void;
  /** Puts the current video (or none) on every link, respecting R1. */
  refreshVideo(): Promise<void>;
  /** Puts the current microphone track on every link (after a device switch or a re-acquired mic). */
  refreshAudio(): Promise<void>;
  /** Re-applies the per-link caps for the current number of participants. */
  refreshCaps(): Promise<void>;
  links(): Map<string, PeerLink>;
  destroy(): void;
}

export function createMesh(o: MeshOptions): Mesh {
  const entries = new Map<string, Entry>();
  let destroyed = false;

  const videoFor = (e: Entry) => (sendsVideoTo(e) ? o.currentVideo() : null);
  const caps = () => videoCapsFor(entries.size + 1);

  function open(e: Entry): Promise<PeerLink> {
    const epoch = e.epoch;
    const offerer = isOfferer(o.selfId, e.peerId);
    const { audio, video } = o.baseTracks();
    let connectTimer: ReturnType<typeof setTimeout> | null = null;
    const promise = createPeerLink({
      initiator: offerer,
      iceServers: o.iceServers(),
      iceTransportPolicy: o.iceTransportPolicy,
      audio,
      video,
      initialVideo: videoFor(e),
      onSignal: (data) => o.sendSignal(e.peerId, epoch, data),
      on: {
        connect: () => {
          if (connectTimer) clearTimeout(connectTimer);
          e.attempt = 0;
          o.onState(e.peerId, 'connected');
          void e.link?.setVideoCaps(caps());
        },
        stream: (s) => o.onStream(e.peerId, s),
        close: () => {
          if (connectTimer) clearTimeout(connectTimer);
          if (entries.get(e.peerId) === e && e.epoch === epoch) failed(e);
        },
      },
    }).then((link) => {
      if (destroyed || entries.get(e.peerId) !== e || e.epoch !== epoch) {
        link.destroy();
        return link;
      }
      e.link = link;
      e.pending = null;
      connectTimer = setTimeout(() => !link.connected && e.link === link && (link.destroy(), failed(e)), CONNECT_TIMEOUT_MS);
      for (const data of e.queue.splice(0)) link.signal(data);
      // The camera or the microphone may have changed while the link was being built.
      void link.setTrack('video', videoFor(e));
      void link.setTrack('audio', o.baseTracks().audio);
      return link;
    });
    e.pending = promise;
    return promise;
  }

  function failed(e: Entry) {
    e.link?.destroy();
    e.link = null;
    e.pending = null;
    e.queue = [];
    e.attempt += 1;
    o.onState(e.peerId, e.attempt >= FAILED_AFTER ? 'failed' : 'reconnecting');
    // Only the offerer rebuilds; the answerer follows the new epoch's offer.
    if (!isOfferer(o.selfId, e.peerId) || destroyed) return;
    e.timer = setTimeout(() => {
      e.timer = null;
      if (destroyed || entries.get(e.peerId) !== e) return;
      e.epoch += 1;
      void open(e);
    }, reconnectDelay(e.attempt - 1));
  }

  return {
    add(peer) {
      if (destroyed || entries.has(peer.id)) return;
      const e: Entry = { peerId: peer.id, audioOnly: peer.audioOnly, epoch: 0, attempt: 0, link: null, pending: null, timer: null, queue: [] };
      entries.set(peer.id, e);
      o.onState(peer.id, 'connecting');
      if (isOfferer(o.selfId, peer.id)) void open(e);
      void this.refreshCaps();
    },
    remove(peerId) {
      const e = entries.get(peerId);
      if (!e) return;
      entries.delete(peerId);
      if (e.timer) clearTimeout(e.timer);
      e.link?.destroy();
      void e.pending?.then((l) => l.destroy());
      void this.refreshCaps();
    },
    signal(peerId, epoch, data) {
      const e = entries.get(peerId);
      if (!e || destroyed || epoch < e.epoch) return; // late signal for an old link
      if (epoch > e.epoch || (!e.link && !e.pending)) {
        if (isOfferer(o.selfId, peerId) && epoch > e.epoch) return; // only we may raise our epoch
        if (e.link) e.link.destroy();
        e.link = null;
        e.epoch = epoch;
        e.queue = [];
        void open(e);
      }
      if (e.link) e.link.signal(data);
      else e.queue.push(data);
    },
    async refreshVideo() {
      await Promise.all([...entries.values()].map((e) => e.link?.setTrack('video', videoFor(e))));
    },
    async refreshAudio() {
      const { audio } = o.baseTracks();
      await Promise.all([...entries.values()].map((e) => e.link?.setTrack('audio', audio)));
    },
    async refreshCaps() {
      const c = caps();
      await Promise.all([...entries.values()].map((e) => e.link?.setVideoCaps(c)));
    },
    links: () => new Map([...entries].filter(([, e]) => e.link).map(([id, e]) => [id, e.link!])),
    destroy() {
      destroyed = true;
      for (const id of [...entries.keys()]) this.remove(id);
    },
  };
}
