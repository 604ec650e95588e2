/** The options of `ChatMeet('boot', …)` and `ChatMeet('updateConversation', …)`, as schemas. */
import * as v from 'valibot';
import type { ElementEnvironment } from '../elements/base/environment.js';
import { IN_APP_NAMES } from '../environment/types.js';

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(128));
// Hand-written checks where valibot would add a schema kind used nowhere else in the first
// download (the pre-button size budget, test/build/size-budget).
const fn = <T>() => v.custom<T>((input) => typeof input === 'function', 'Expected a function');
const isInApp = (input: unknown) => input === null || typeof input === 'boolean' || (IN_APP_NAMES as readonly unknown[]).includes(input);
const isTheme = (input: unknown) =>
  typeof input === 'object' && input !== null && Object.entries(input).every(([k, val]) => k.startsWith('--chat-meet-') && typeof val === 'string');

export const UserSchema = v.object({
  id: Id,
  name: v.optional(v.string()),
  role: v.optional(v.picklist(['customer', 'manager']), 'customer'),
});

export const ConversationSchema = v.object({
  id: Id,
  /** The manager assigned to the conversation; the meet button shows only with one (R5). */
  assigneeId: v.optional(v.nullable(v.string())),
  /** Where the conversation came from; only `web` chats get a meet button (R6). */
  source: v.optional(v.string(), 'web'),
  /** The conversation's customer: whom a manager's call rings (R7). Needed on the manager side. */
  customerId: v.optional(v.nullable(v.string())),
  /** R9: a team chat room of managers (no customer); a call rings `memberIds`. */
  teamRoomId: v.optional(v.nullable(v.string())),
  /** R9: the managers of the team room, rung when a manager starts a team meet. */
  memberIds: v.optional(v.array(v.string())),
});

/** The reference server's WebSocket adapter: its URL and a token from your backend. */
export const WebSocketSignalingSchema = v.object({
  url: v.union([v.pipe(v.string(), v.minLength(1)), v.pipe(v.array(v.pipe(v.string(), v.minLength(1))), v.minLength(1))]),
  /** A token your backend issued with `createToken()` (chat-meet/server). */
  token: v.optional(v.string()),
  /** Returns a fresh token on every (re)connect; preferred over `token` for long sessions. */
  getToken: v.optional(fn<() => string | Promise<string>>()),
});

const ADAPTER_METHODS = ['connect', 'join', 'leave', 'send', 'broadcast', 'report', 'isOnline', 'on', 'close'] as const;

/** Any object with the adapter's methods (docs/signaling.md). */
export const AdapterObjectSchema = v.custom<object>(
  (input) => typeof input === 'object' && input !== null && 'connect' in input && ADAPTER_METHODS.every((m) => typeof (input as Record<string, unknown>)[m] === 'function'),
  `an adapter object needs the methods ${ADAPTER_METHODS.join(', ')}`,
);

export const SignalingSchema = v.union([
  v.literal('broadcast-channel'),
  AdapterObjectSchema,
  WebSocketSignalingSchema,
]);

export const BootOptionsSchema = v.object({
  user: UserSchema,
  /**
   * How meets are signaled: `{ url, token }` (the reference server), `'broadcast-channel'`
   * (same-origin tabs, for QA) or an adapter object. Without it the button shows but no meet
   * can start (a console warning says so).
   */
  signaling: v.optional(SignalingSchema),
  conversation: v.optional(ConversationSchema),
  locale: v.optional(v.picklist(['ko', 'en', 'ja'])),
  /** Channel setting "customers may start a meet" (R5). */
  customerCanStartMeet: v.optional(v.boolean(), true),
  /** R13 keyboard shortcuts: `auto` (default: on for managers, off for customers), `on` (a customer opts in), `off`. */
  shortcuts: v.optional(v.picklist(['auto', 'on', 'off'])),
  /** CSS custom properties (`--chat-meet-*`) set on every chat-meet element. */
  theme: v.optional(v.custom<Record<string, string>>(isTheme, 'theme keys must start with --chat-meet- and its values be strings')),
  /** A CSS selector: where chat-meet puts its button when the page has no `<chat-meet-button>`. */
  container: v.optional(v.pipe(v.string(), v.minLength(1))),
  /** STUN/TURN servers (the reference server may add more with each join). */
  iceServers: v.optional(v.array(v.looseObject({ urls: v.union([v.string(), v.array(v.string())]) }))),
  /** `'relay'`: media only through TURN, never peer to peer (hides IP addresses). Default `'all'`. */
  iceTransportPolicy: v.optional(v.picklist(['all', 'relay'])),
  /** R7: builds the link a follow-up carries; default: this page with `?chat-meet=<id>`. */
  meetLink: v.optional(fn<(meetId: string) => string>()),
  /** Whether a `?chat-meet=<id>` link in this page's URL joins that meet on boot (R7). Default true. */
  joinFromUrl: v.optional(v.boolean(), true),
  /**
   * What the browser can do (R12, R15, R16), as `detectEnvironment()` reports it. Without it,
   * boot detects it (the detector loads after the button shows; until then the elements guess
   * cautiously). QA pages pass one to simulate, e.g., an in-app browser.
   */
  environment: v.optional(
    v.looseObject({
      inApp: v.custom<ElementEnvironment['inApp']>(isInApp, `inApp must be true, false, null or one of ${IN_APP_NAMES.join(', ')}`),
      mobile: v.boolean(),
      supports: v.looseObject({ meet: v.boolean() }),
    }),
  ),
  /** R10: how long a call rings before timing out, in ms. */
  ringTimeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1000))),
});

export type BootOptions = v.InferInput<typeof BootOptionsSchema>;
export type BootConfig = v.InferOutput<typeof BootOptionsSchema>;
export type ConversationInput = v.InferInput<typeof ConversationSchema>;
export type Conversation = v.InferOutput<typeof ConversationSchema>;

/** One line per problem, e.g. `user.id: Invalid length`, for error messages. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .map((issue) => `${v.getDotPath(issue) ?? '(options)'}: ${issue.message}`)
    .join('; ');
}
