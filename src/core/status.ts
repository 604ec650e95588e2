/**
 * The one status enum of a meet, as the client sees it, and the moves between them.
 * Anything else is a bug, caught here instead of rendering an impossible screen.
 */

/** Where this client stands. `ended` keeps the last meet's facts until the next one. */
export type MeetStatus = 'idle' | 'ringing-out' | 'ringing-in' | 'connecting' | 'live' | 'reconnecting' | 'ended';

/** Why the meet ended for this client. */
export type EndReason = 'left' | 'ended-for-all' | 'declined' | 'cancelled' | 'timeout' | 'error';

const moves: Record<MeetStatus, readonly MeetStatus[]> = {
  idle: ['ringing-out', 'ringing-in', 'connecting'],
  'ringing-out': ['connecting', 'live', 'ended'],
  'ringing-in': ['connecting', 'ended'],
  connecting: ['live', 'reconnecting', 'ended'],
  live: ['reconnecting', 'ended'],
  reconnecting: ['live', 'ended'],
  ended: ['idle', 'ringing-out', 'ringing-in', 'connecting'],
};

/** Whether `from` → `to` is a legal move (staying put is). */
export function canMove(from: MeetStatus, to: MeetStatus): boolean {
  return from === to || moves[from].includes(to);
}

/** Statuses in which this client belongs to a meet's room. */
export function inMeet(status: MeetStatus): boolean {
  return status === 'ringing-out' || status === 'connecting' || status === 'live' || status === 'reconnecting';
}

/** Statuses in which a new call or ring may start. */
export function isFree(status: MeetStatus): boolean {
  return status === 'idle' || status === 'ended';
}
