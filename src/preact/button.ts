/** `<MeetButton>`: the meet button of a chat, wired to the meet client. */
import type { JSX } from 'preact';
import type { ChatMeetError } from '../core/errors.js';
import { callOptionsFor, type MeetConversation } from '../core/call-target.js';
import type { MeetClient } from '../core/types.js';
import { ChatMeetButton } from '../elements/button/button.element.js';
import type { ElementEnvironment } from '../elements/base/environment.js';
import type { MeetKind, Role } from '../signaling/protocol.js';
import { useClientOf, useMeetContext, type MeetLocale } from './context.js';
import { useChatMeetElement, type ElementAttributes } from './element.js';

/** Props of {@link MeetButton}. */
export interface MeetButtonProps extends ElementAttributes {
  /** The chat the button sits in: who a call rings, and whether the button shows (R5, R6). */
  conversation?: MeetConversation | null;
  /** The kind of meet a customer's button starts. Default `video`. */
  kind?: MeetKind;
  /** Channel setting "customers may start a meet" (R5). Default `true`. */
  customerCanStartMeet?: boolean;
  /** Default: the provider's `user.role`. */
  userRole?: Role;
  /** Default: the provider's client. */
  client?: MeetClient | null;
  locale?: MeetLocale;
  environment?: ElementEnvironment | null;
  /** Replaces the call the button makes (default: the conversation's assignee, customer or team). */
  onCall?: (kind: MeetKind) => Promise<void> | void;
  /** R16: the user followed the way out of an in-app browser. */
  onEscapeInApp?: () => void;
  /** Default: the provider's `onError`. */
  onError?: (error: ChatMeetError) => void;
}

/**
 * `chat-meet/define` defines the button on import; this says it again in code that uses the
 * class, so that no bundler can drop it as an unused side effect.
 */
async function defineButton() {
  if (!customElements.get('chat-meet-button')) customElements.define('chat-meet-button', ChatMeetButton);
}

/**
 * The meet button: shown only while the conversation has an assignee, comes from the web
 * chat and the browser can meet (R5, R6, R16); customers get one button, managers a
 * voice/video menu (R7). A click calls through the client.
 *
 * @example
 * ```tsx
 * <MeetProvider client={client} user={{ id: 'cust-1', role: 'customer' }}>
 *   <MeetButton conversation={{ id: 'conv-42', assigneeId: conversation.assigneeId }} kind="voice" />
 * </MeetProvider>
 * ```
 */
export function MeetButton(props: MeetButtonProps): JSX.Element {
  const { conversation, kind, customerCanStartMeet, userRole, client: own, locale, environment, onCall, onEscapeInApp, onError, ...attributes } = props;
  const context = useMeetContext();
  const client = useClientOf(own, '<MeetButton>');
  const role = userRole ?? context.user.role;
  // A team room (R9) needs no assignee: the manager is the one who meets.
  const assigneeId = conversation?.teamRoomId ? context.user.id ?? conversation.teamRoomId : conversation?.assigneeId ?? null;
  return useChatMeetElement({
    tag: 'chat-meet-button',
    load: defineButton,
    props: { client, userRole: role, assigneeId, source: conversation?.source ?? 'web', customerCanStartMeet, kind, locale: locale ?? context.locale, environment: environment ?? context.environment },
    intents: {
      client,
      host: {
        call: (k) => (onCall ? onCall(k) : client?.call(callOptionsFor(k, role, conversation))),
        escapeInApp: onEscapeInApp,
      },
    },
    onError: onError ?? context.onError,
    attributes,
  });
}
