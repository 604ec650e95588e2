/**
 * Who is speaking and how good each link is, read from `RTCPeerConnection.getStats()`:
 * pure functions over one stats report (tested with made-up reports) and a poller that
 * runs only while the meet is live.
 *
 * - speaking: the inbound audio's `audioLevel` (0..1) above {@link SPEAKING_LEVEL}, with a
 *   muted remote mic never speaking.
 * - quality: from the round-trip time of the link's active candidate pair and the share of
 *   packets lost since the previous poll (both directions: inbound counts, and what the
 *   remote side reports about ours).
 */

/** A link's network quality as the UI shows it (bars); `null` until there is data. */
export type LinkQuality = 'good' | 'fair' | 'poor';

/** Inbound audio above this level (0..1, as getStats reports it) counts as speech. */
export const SPEAKING_LEVEL = 0.02;
/** Round-trip and loss thresholds: at or above the first pair is `fair`, the second `poor`. */
export const QUALITY_THRESHOLDS = { fairRttMs: 250, poorRttMs: 500, fairLoss: 0.03, poorLoss: 0.1 } as const;

/** What one getStats() report says about a link. */
export interface LinkSample {
  /** Loudest inbound audio level, or null when no inbound audio is reported. */
  audioLevel: number | null;
  /** Current round-trip time of the selected candidate pair (ms), or from RTCP. */
  rttMs: number | null;
  /** Cumulative packets received and lost, inbound audio + video. */
  packetsReceived: number;
  packetsLost: number;
}

type Stat = Record<string, unknown>;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Reads the facts the UI needs from one stats report. */
export function readLinkSample(report: { forEach(cb: (s: Stat) => void): void }): LinkSample {
  let audioLevel: number | null = null;
  let pairRtt: number | null = null;
  let rtcpRtt: number | null = null;
  let packetsReceived = 0;
  let packetsLost = 0;
  let selectedPair: string | null = null;
  const pairs = new Map<string, Stat>();
  report.forEach((s) => {
    if (s.type === 'inbound-rtp') {
      packetsReceived += num(s.packetsReceived) ?? 0;
      packetsLost += Math.max(0, num(s.packetsLost) ?? 0);
      const level = num(s.audioLevel);
      if (s.kind === 'audio' && level !== null) audioLevel = Math.max(audioLevel ?? 0, level);
    } else if (s.type === 'transport' && typeof s.selectedCandidatePairId === 'string') {
      selectedPair = s.selectedCandidatePairId;
    } else if (s.type === 'candidate-pair') {
      pairs.set(String(s.id), s);
    } else if (s.type === 'remote-inbound-rtp') {
      const rtt = num(s.roundTripTime);
      if (rtt !== null) rtcpRtt = Math.max(rtcpRtt ?? 0, rtt * 1000);
    }
  });
  const pair = (selectedPair && pairs.get(selectedPair)) || [...pairs.values()].find((p) => p.nominated && p.state === 'succeeded');
  const current = num(pair?.currentRoundTripTime);
  if (current !== null) pairRtt = current * 1000;
  return { audioLevel, rttMs: pairRtt ?? rtcpRtt, packetsReceived, packetsLost };
}

/** The share of packets lost between two samples (0 when nothing new arrived). */
export function lossBetween(previous: LinkSample | null, now: LinkSample): number {
  const received = now.packetsReceived - (previous?.packetsReceived ?? 0);
  const lost = now.packetsLost - (previous?.packetsLost ?? 0);
  if (received < 0 || lost < 0 || received + lost <= 0) return 0;
  return lost / (received + lost);
}

/** A link's quality from its round-trip time and loss; `null` while the RTT is unknown. */
export function linkQuality(rttMs: number | null, loss: number): LinkQuality | null {
  if (rttMs === null) return null;
  const t = QUALITY_THRESHOLDS;
  if (rttMs >= t.poorRttMs || loss >= t.poorLoss) return 'poor';
  if (rttMs >= t.fairRttMs || loss >= t.fairLoss) return 'fair';
  return 'good';
}

/** Whether a participant is speaking: their mic is on and their audio is loud enough. */
export function isSpeaking(micOn: boolean, audioLevel: number | null): boolean {
  return micOn && audioLevel !== null && audioLevel > SPEAKING_LEVEL;
}

export interface StatsPollerOptions {
  /** The links to read now, by participant id. */
  links(): Map<string, { getStats(): Promise<RTCStatsReport> }>;
  /** Whether participant `id`'s mic is on (a muted mic never "speaks"). */
  micOn(id: string): boolean;
  /** Called with every participant whose speaking or quality changed. */
  update(id: string, patch: { speaking: boolean; quality: LinkQuality | null }): void;
  intervalMs: number;
}

export interface StatsPoller {
  start(): void;
  stop(): void;
}

/** Polls every link's stats at `intervalMs` while started; one round at a time. */
export function createStatsPoller(o: StatsPollerOptions): StatsPoller {
  const previous = new Map<string, LinkSample>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;

  async function round() {
    const links = o.links();
    for (const id of previous.keys()) if (!links.has(id)) previous.delete(id);
    await Promise.all(
      [...links].map(async ([id, link]) => {
        const report = await link.getStats().catch(() => null);
        if (!report || !running) return;
        const sample = readLinkSample(report as unknown as { forEach(cb: (s: Stat) => void): void });
        const loss = lossBetween(previous.get(id) ?? null, sample);
        previous.set(id, sample);
        o.update(id, { speaking: isSpeaking(o.micOn(id), sample.audioLevel), quality: linkQuality(sample.rttMs, loss) });
      }),
    );
  }
  const next = () => {
    timer = setTimeout(async () => {
      await round();
      if (running) next();
    }, o.intervalMs);
  };
  return {
    start() {
      if (running) return;
      running = true;
      next();
    },
    stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
