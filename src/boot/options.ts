/**
 * The options of `ChatMeet('boot', …)` and `ChatMeet('updateConversation', …)`: their types
 * and the checks that turn what a host passed into a {@link BootConfig}.
 *
 * Checked by hand, not with valibot, because this module is in the first download (the
 * pre-button size budget, test/build/size-budget). valibot is one module to the bundler,
 * and rollup renders every valibot function that *any* chunk uses into the chunk that
 * holds the module: with the boot checking its options with valibot, the signaling
 * protocol's schema kinds (variant, regex, …) came along into boot.js, 3.1 KB gzip of the
 * 19.5 KB (docs/decisions/0002). The protocol keeps valibot, in its lazy chunk.
 */
import type { ElementEnvironment } from '../elements/base/environment.js';
import { IN_APP_NAMES } from '../environment/types.js';
import type { MeetConversation } from '../core/call-target.js';

/** Who is signed in. */
export interface UserOption {
  id: string;
  name?: string;
  /** Default `customer`. */
  role?: 'customer' | 'manager';
}

/** The reference server's WebSocket adapter: its URL and a token from your backend. */
export interface WebSocketSignalingOption {
  /** One URL, or several to try in turn. */
  url: string | string[];
  /** A token your backend issued with `createToken()` (chat-meet/server). */
  token?: string;
  /** Returns a fresh token on every (re)connect; preferred over `token` for long sessions. */
  getToken?: () => string | Promise<string>;
}

/**
 * How meets are signaled: `{ url, token }` (the reference server), `'broadcast-channel'`
 * (same-origin tabs, for QA) or an adapter object (docs/signaling.md), used as given.
 */
export type SignalingOption = 'broadcast-channel' | object | WebSocketSignalingOption;

/** The options of `ChatMeet('boot', options)` (docs/api.md#boot); checked, a bad one is `CM_INVALID_OPTIONS`. */
export interface BootOptions {
  /** Who is signed in; required. */
  user: UserOption;
  /** Without it the button shows but no meet can start (a console warning says so). */
  signaling?: SignalingOption;
  /** The chat the button sits in (R5, R6, R7, R9); change it with `ChatMeet('updateConversation', …)`. */
  conversation?: MeetConversation;
  /** Labels' language; default: the browser's. */
  locale?: 'ko' | 'en' | 'ja';
  /** Channel setting "customers may start a meet" (R5). Default true. */
  customerCanStartMeet?: boolean;
  /** R13 keyboard shortcuts: `auto` (default: on for managers, off for customers), `on` (a customer opts in), `off`. */
  shortcuts?: 'auto' | 'on' | 'off';
  /** CSS custom properties (`--chat-meet-*`) set on every chat-meet element. */
  theme?: Record<string, string>;
  /** A CSS selector: where chat-meet puts its button when the page has no `<chat-meet-button>`. */
  container?: string;
  /** STUN/TURN servers (the reference server may add more with each join). */
  iceServers?: Array<{ urls: string | string[]; [key: string]: unknown }>;
  /** `'relay'`: media only through TURN, never peer to peer (hides IP addresses). Default `'all'`. */
  iceTransportPolicy?: 'all' | 'relay';
  /** R7: builds the link a follow-up carries; default: this page with `?chat-meet=<id>`. */
  meetLink?: (meetId: string) => string;
  /** Whether a `?chat-meet=<id>` link in this page's URL joins that meet on boot (R7). Default true. */
  joinFromUrl?: boolean;
  /**
   * What the browser can do (R12, R15, R16), as `detectEnvironment()` reports it. Without it,
   * boot detects it (the detector loads after the button shows; until then the elements guess
   * cautiously). QA pages pass one to simulate, e.g., an in-app browser.
   */
  environment?: ElementEnvironment;
  /** R10: how long a call rings before timing out, in ms (at least 1000). */
  ringTimeoutMs?: number;
  /**
   * Where background blur's MediaPipe files are served (the contents of
   * `chat-meet/blur-assets/`), absolute or relative to the page. Default `/chat-meet/blur-assets/`.
   */
  blurAssets?: string;
}

/** A checked conversation: `source` filled in. */
export type Conversation = MeetConversation & { source: string };

/** The options as chat-meet uses them: checked, unknown keys dropped, defaults filled in. */
export type BootConfig = Omit<BootOptions, 'user' | 'conversation' | 'customerCanStartMeet' | 'joinFromUrl'> & {
  user: UserOption & { role: 'customer' | 'manager' };
  conversation?: Conversation;
  customerCanStartMeet: boolean;
  joinFromUrl: boolean;
};

/** The outcome of a check: the value to use, or one line per problem (`user.id: …`). */
export type Parsed<T> = { success: true; output: T } | { success: false; issues: string[] };

/** Checks a value found at `path`: pushes each problem to `issues`, returns what to keep. */
type Check = (value: unknown, path: string, issues: string[]) => unknown;

const received = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const problem = (issues: string[], path: string, expected: string, value: unknown) => issues.push(`${path}: Expected ${expected} but received ${received(value)}`);

/** A value that passes `test` is kept as it is. */
const is = (test: (value: unknown) => boolean, expected: string): Check => (value, path, issues) => {
  if (!test(value)) problem(issues, path, expected, value);
  return value;
};
/** Absent (`undefined`) is fine and becomes `fallback`. */
const optional = (check: Check, fallback?: unknown): Check => (value, path, issues) => (value === undefined ? fallback : check(value, path, issues));
const oneOf = (...values: readonly unknown[]) => is((value) => values.includes(value), values.map((v) => JSON.stringify(v)).join(' | '));
const string = (min = 0, max = Infinity) =>
  is((value) => typeof value === 'string' && value.length >= min && value.length <= max, min ? `a string of ${min}${max < Infinity ? ` to ${max}` : ' or more'} characters` : 'a string');
const boolean = is((value) => typeof value === 'boolean', 'a boolean');
const fn = is((value) => typeof value === 'function', 'a function');
const nullableString = is((value) => value === null || typeof value === 'string', 'a string or null');
const isStrings = (value: unknown) => Array.isArray(value) && value.every((s) => typeof s === 'string');
const arrayOf = (check: Check): Check => (value, path, issues) => {
  if (Array.isArray(value)) return value.map((item, i) => check(item, `${path}.${i}`, issues));
  problem(issues, path, 'an array', value);
  return value;
};

/**
 * An object with these keys. The result is a copy with only them (plus, when `loose`, the
 * others as they are): a host's extra keys do not ride along into the config.
 */
function object(shape: Record<string, Check>, loose = false): Check {
  return (value, path, issues) => {
    if (!isObject(value)) {
      problem(issues, path, 'an object', value);
      return value;
    }
    const out: Record<string, unknown> = loose ? { ...value } : {};
    for (const [key, check] of Object.entries(shape)) {
      const kept = check(value[key], path ? `${path}.${key}` : key, issues);
      if (kept !== undefined) out[key] = kept;
    }
    return out;
  };
}

const ADAPTER_METHODS = ['connect', 'join', 'leave', 'send', 'broadcast', 'report', 'isOnline', 'on', 'close'] as const;

const isUrl = (value: unknown) => typeof value === 'string' && value.length > 0;
const webSocketSignaling = object({
  url: is((value) => isUrl(value) || (Array.isArray(value) && value.length > 0 && value.every(isUrl)), 'a URL or a non-empty array of URLs'),
  token: optional(string()),
  getToken: optional(fn),
});

/** The three forms of `signaling`; an object with `connect` is an adapter, used as given (a copy would lose a class's prototype). */
const signaling: Check = (value, path, issues) => {
  if (value === 'broadcast-channel') return value;
  if (isObject(value) && 'connect' in value) {
    const missing = ADAPTER_METHODS.filter((m) => typeof value[m] !== 'function');
    if (missing.length) issues.push(`${path}: an adapter object needs the methods ${ADAPTER_METHODS.join(', ')} (missing ${missing.join(', ')})`);
    return value;
  }
  if (isObject(value)) return webSocketSignaling(value, path, issues);
  problem(issues, path, "'broadcast-channel', { url, token | getToken } or an adapter object", value);
  return value;
};

const Id = string(1, 128);

const conversation = object({
  id: Id,
  assigneeId: optional(nullableString),
  source: optional(string(), 'web'),
  customerId: optional(nullableString),
  teamRoomId: optional(nullableString),
  memberIds: optional(arrayOf(string())),
});

/** Every option has its check (the type makes a missing one a compile error). */
const bootOptions = object({
  user: object({ id: Id, name: optional(string()), role: optional(oneOf('customer', 'manager'), 'customer') }),
  signaling: optional(signaling),
  conversation: optional(conversation),
  locale: optional(oneOf('ko', 'en', 'ja')),
  customerCanStartMeet: optional(boolean, true),
  shortcuts: optional(oneOf('auto', 'on', 'off')),
  theme: optional(
    is((value) => isObject(value) && Object.entries(value).every(([k, v]) => k.startsWith('--chat-meet-') && typeof v === 'string'), 'an object of --chat-meet-* keys with string values'),
  ),
  container: optional(string(1)),
  iceServers: optional(arrayOf(object({ urls: is((value) => typeof value === 'string' || isStrings(value), 'a string or an array of strings') }, true))),
  iceTransportPolicy: optional(oneOf('all', 'relay')),
  meetLink: optional(fn),
  joinFromUrl: optional(boolean, true),
  environment: optional(
    object(
      {
        inApp: is((value) => value === null || typeof value === 'boolean' || (IN_APP_NAMES as readonly unknown[]).includes(value), `true, false, null or one of ${IN_APP_NAMES.join(', ')}`),
        mobile: boolean,
        supports: object({ meet: boolean }, true),
      },
      true,
    ),
  ),
  ringTimeoutMs: optional(is((value) => Number.isInteger(value) && (value as number) >= 1000, 'an integer of at least 1000')),
  blurAssets: optional(string(1)),
} satisfies Record<keyof BootOptions, Check>);

function parse<T>(check: Check, input: unknown, root: string): Parsed<T> {
  const issues: string[] = [];
  const output = check(input, '', issues) as T;
  // A problem with the whole value (not an object at all) has no key to name.
  return issues.length ? { success: false, issues: issues.map((i) => (i.startsWith(': ') ? root + i : i)) } : { success: true, output };
}

/** Checks `ChatMeet('boot', options)`'s options. */
export const parseBootOptions = (input: unknown): Parsed<BootConfig> => parse(bootOptions, input, '(options)');

/** Checks a conversation (`updateConversation` passes the current one merged with the change). */
export const parseConversation = (input: unknown): Parsed<Conversation> => parse(conversation, input, '(conversation)');
