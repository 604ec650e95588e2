/**
 * How much each video sender may spend. In a mesh every participant uploads one copy
 * of its video per other participant, so the per-link budget shrinks as the meet
 * grows: a 10-person video meet must fit a 2.5 Mbps uplink (issue 3).
 */

export interface VideoCaps {
  /** Bits per second for one link's video. */
  maxBitrate: number;
  /** Target height; the sender scales down to it (never up). */
  maxHeight: number;
  maxFramerate: number;
}

/** The uplink budget one participant's meet traffic must fit. */
export const UPLINK_BUDGET_BPS = 2_500_000;
/** Opus voice at a typical bitrate, plus RTP/ICE overhead, per link. */
export const AUDIO_BPS_PER_LINK = 40_000;

/**
 * Per-link video caps for a meet of `participants` (including self). The sum over all
 * links, audio included, stays within {@link UPLINK_BUDGET_BPS}.
 *
 * @example videoCapsFor(10) // { maxBitrate: 237777, maxHeight: 180, maxFramerate: 15 }
 */
export function videoCapsFor(participants: number): VideoCaps {
  const links = Math.max(1, participants - 1);
  const videoBudget = UPLINK_BUDGET_BPS - AUDIO_BPS_PER_LINK * links;
  const perLink = Math.floor(Math.min(1_500_000, videoBudget / links));
  if (participants <= 2) return { maxBitrate: perLink, maxHeight: 720, maxFramerate: 30 };
  if (participants <= 4) return { maxBitrate: perLink, maxHeight: 480, maxFramerate: 30 };
  if (participants <= 6) return { maxBitrate: perLink, maxHeight: 360, maxFramerate: 24 };
  return { maxBitrate: perLink, maxHeight: 180, maxFramerate: 15 };
}
