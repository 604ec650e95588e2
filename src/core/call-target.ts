/**
 * Whom a call from a chat conversation rings. The booted SDK (src/boot/session.ts) and
 * `<MeetButton>` (src/preact/button.ts) both call through this, so the two agree.
 */
import type { MeetKind, Role } from '../signaling/protocol.js';
import type { CallOptions } from './types.js';

/** The conversation a meet button belongs to (the boot option `conversation`, `<MeetButton conversation>`). */
export interface MeetConversation {
  /** The conversation the meet is recorded on (R2). */
  id: string;
  /** The manager assigned to the conversation; the meet button shows only with one (R5). */
  assigneeId?: string | null;
  /** Where the conversation came from; only `web` chats get a meet button (R6). Default `web`. */
  source?: string;
  /** The conversation's customer: whom a manager's call rings (R7). Needed on the manager side. */
  customerId?: string | null;
  /** R9: a team chat room of managers (no customer); a call rings `memberIds`. */
  teamRoomId?: string | null;
  /** R9: the managers of the team room, rung when a manager starts a team meet. */
  memberIds?: string[];
}

/**
 * The `client.call()` options for a call from this conversation: a customer rings the
 * assignee (R5), a manager the customer (R7), a team room its members (R9).
 * For an `onCall` that adds to the default call rather than replacing it.
 *
 * @example
 * ```tsx
 * <MeetButton conversation={conversation} onCall={async (kind) => {
 *   analytics.track('meet-start', { kind });
 *   await client.call(callOptionsFor(kind, 'customer', conversation));
 * }} />
 * ```
 */
export function callOptionsFor(kind: MeetKind, role: Role, c: MeetConversation | null | undefined): CallOptions {
  if (c?.teamRoomId) return { kind, teamRoomId: c.teamRoomId, callee: c.memberIds ?? [] };
  const callee = role === 'manager' ? c?.customerId ?? undefined : undefined;
  return { kind, conversationId: c?.id, assigneeId: c?.assigneeId ?? null, ...(callee ? { callee } : {}) };
}
