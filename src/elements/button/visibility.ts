/**
 * R5, R6, R16 (and R2, R7): what `<chat-meet-button>` shows, as one pure function.
 */
import { showsCustomerMeetButton } from '../../core/button-rules.js';
import { isFree, type MeetStatus } from '../../core/status.js';
import type { Role } from '../../signaling/protocol.js';
import type { ElementEnvironment } from '../base/environment.js';

/**
 * - `hidden`: nothing to show;
 * - `call`: the customer's button, which rings the assignee (R5);
 * - `menu`: the manager's menu, voice meet or video meet (R7);
 * - `escape`: an in-app browser that cannot meet; the button opens the way out (R16).
 */
export type MeetButtonMode = 'hidden' | 'call' | 'menu' | 'escape';

export interface MeetButtonFacts {
  role: Role;
  /** Channel setting "customers may start a meet" (R5). */
  customerCanStartMeet: boolean;
  /** Where the conversation came from; `web` is the web chat (R6). */
  source: string;
  /** The conversation's assignee (R2, R5). */
  assigneeId: string | null | undefined;
  environment: ElementEnvironment;
  /** The meet client's status: no second meet while one rings or runs. */
  status: MeetStatus;
}

export function meetButtonMode(f: MeetButtonFacts): MeetButtonMode {
  if (!isFree(f.status)) return 'hidden';
  // R5/R6 for customers; R2 for managers: a meet opens in a conversation with an assignee.
  const allowed = f.role === 'customer'
    ? showsCustomerMeetButton({ customersMayStart: f.customerCanStartMeet, source: f.source, assigneeId: f.assigneeId })
    : Boolean(f.assigneeId);
  if (!allowed) return 'hidden';
  if (f.environment.supports.meet) return f.role === 'manager' ? 'menu' : 'call';
  // R16: an in-app browser gets the way out; any other browser that cannot meet gets nothing.
  return f.environment.inApp ? 'escape' : 'hidden';
}
