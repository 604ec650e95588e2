/**
 * chat-meet's product rules as pure functions, each named for what it decides and
 * citing its rule in ../shared/PRODUCT.md (R1–R18). The client calls these; nothing
 * else decides the same thing.
 */
import type { BackendReport, MeetKind, Member, Role } from '../signaling/protocol.js';
// From limits.ts, not protocol.ts: that would pull the message schemas into the first download.
import { MAX_PARTICIPANTS } from '../signaling/limits.js';
import { ChatMeetError, ErrorCodes } from './errors.js';

/** R10: how long a meet rings before it times out, unless the client is told otherwise. */
export const DEFAULT_RING_TIMEOUT_MS = 120_000;

/** Where a meet is opened: a conversation (R2) or a team room (R9). */
export interface MeetPlace {
  conversationId?: string | null;
  /** The conversation's assignee (a manager), or null/undefined when nobody is assigned. */
  assigneeId?: string | null;
  teamRoomId?: string | null;
}

/**
 * R2 (and R9): a meet opens inside an existing conversation that has an assignee; a
 * team meet opens in a team room and needs none. Returns the error to show, or null.
 */
export function meetPlaceError(place: MeetPlace): ChatMeetError | null {
  if (place.teamRoomId) return null;
  if (!place.conversationId) {
    return new ChatMeetError(ErrorCodes.NO_CONVERSATION, 'A meet opens inside a conversation: pass conversationId (or teamRoomId for a team meet).');
  }
  if (!place.assigneeId) {
    return new ChatMeetError(ErrorCodes.NO_ASSIGNEE, 'This conversation has no assignee yet, so there is nobody to meet. Assign a manager first, then start the meet.');
  }
  return null;
}

// R5/R6, the one rule the meet button needs, lives in a module of its own (see there).
export { showsCustomerMeetButton } from './button-rules.js';

/**
 * R5, R7, R9: whom a call rings. A customer's call always rings the conversation's
 * assignee; a manager rings the callee(s) given (the customer, or other managers in a
 * team meet). Never rings oneself. Throws a coded error when nobody can be rung.
 */
export function ringTargets(self: { id: string; role: Role }, place: MeetPlace, callee?: string | string[]): string[] {
  if (self.role === 'customer') {
    if (place.teamRoomId) throw new ChatMeetError(ErrorCodes.NOT_ALLOWED, 'Team meets (R9) are for managers only.');
    if (!place.assigneeId) throw new ChatMeetError(ErrorCodes.NO_ASSIGNEE, 'This conversation has no assignee yet; the meet button appears once a manager is assigned.');
    return [place.assigneeId];
  }
  const targets = [...new Set([callee ?? []].flat())].filter((id) => id && id !== self.id);
  if (targets.length === 0) {
    throw new ChatMeetError(ErrorCodes.INVALID_OPTIONS, 'Pass `callee`: the customer to ring (or, in a team meet, the managers).');
  }
  return targets;
}

/** R3: whether one more participant may join a meet that already has `present` (self not counted). */
export function canJoinMeet(present: number): boolean {
  return present < MAX_PARTICIPANTS;
}

/** R3: the error for a full meet, on the client (the backend refuses too). */
export function roomFullError(roomId: string): ChatMeetError {
  return new ChatMeetError(ErrorCodes.ROOM_FULL, `This meet already has ${MAX_PARTICIPANTS} participants, the most one meet can hold. Try again when someone leaves.`, { roomId });
}

/**
 * R4: a voice meet becomes a video meet as soon as anyone's camera or screen share is
 * on; the change is one-way (video never goes back to voice).
 */
export function nextMeetKind(current: MeetKind, media: { camera: boolean; screen: boolean }): MeetKind {
  return current === 'video' || media.camera || media.screen ? 'video' : 'voice';
}

/**
 * R7 (offline callee) and R10 (missed ring): the follow-up the backend delivers
 * (text message, e-mail, ...) with the link that joins the meet.
 */
export function followUpReport(input: { meetId: string; conversationId?: string | null; calleeId: string; reason: 'offline' | 'missed'; link: string }): BackendReport {
  return { type: 'follow-up', meetId: input.meetId, calleeId: input.calleeId, reason: input.reason, link: input.link, ...(input.conversationId ? { conversationId: input.conversationId } : {}) };
}

/** R10: a ring that ended unanswered (declined, cancelled, timed out), for the conversation's record. */
export function missedMeetReport(input: { meetId: string; conversationId?: string | null; calleeId: string; reason: 'declined' | 'cancelled' | 'timeout' }): BackendReport {
  return { type: 'meet-missed', meetId: input.meetId, calleeId: input.calleeId, reason: input.reason, ...(input.conversationId ? { conversationId: input.conversationId } : {}) };
}

/** R11: only managers may end a meet for everyone; anyone may leave. */
export function canEndForAll(role: Role): boolean {
  return role === 'manager';
}

/** R1: whether video is ever sent to `peer` (an audio-only participant, e.g. by phone, gets none). */
export function sendsVideoTo(peer: Pick<Member, 'audioOnly'>): boolean {
  return !peer.audioOnly;
}

/**
 * R1: the audio-only participants a manager must be told about — those who cannot see
 * the video the manager is sending. Empty for customers and while no video is sent.
 */
export function audioOnlyNotice(self: { role: Role; sendingVideo: boolean }, participants: readonly Pick<Member, 'id' | 'name' | 'audioOnly'>[]): { id: string; name: string }[] {
  if (self.role !== 'manager' || !self.sendingVideo) return [];
  return participants.filter((p) => p.audioOnly).map(({ id, name }) => ({ id, name }));
}
