/** `<MeetRing>` and `<MeetCall>`: the ring and the call window, loaded when first rendered. */
import type { JSX } from 'preact';
import type { ChatMeetError } from '../core/errors.js';
import type { MeetClient } from '../core/types.js';
import { loadCall, loadRing } from '../define.js';
import type { ElementEnvironment } from '../elements/base/environment.js';
import type { ShortcutsSetting } from '../elements/shortcuts/shortcuts.js';
import type { Role } from '../signaling/protocol.js';
import { useClientOf, useMeetContext, type MeetLocale } from './context.js';
import { useChatMeetElement, type ElementAttributes } from './element.js';

/** Props of {@link MeetRing}. */
export interface MeetRingProps extends ElementAttributes {
  /** The name of whom an outgoing ring calls (the assignee, or the customer). */
  calleeName?: string;
  /** `off` silences the ring sound. Default `on`. */
  sound?: 'on' | 'off';
  /** R13 keyboard shortcuts: `auto` (managers on, customers off), `on` or `off`. */
  shortcuts?: ShortcutsSetting;
  /** How long a "declined / no answer" notice stays, in ms; 0 keeps it until dismissed. Default 8000. */
  noticeMs?: number;
  /** Default: the provider's `user.role`. */
  userRole?: Role;
  client?: MeetClient | null;
  locale?: MeetLocale;
  onError?: (error: ChatMeetError) => void;
}

/**
 * The ring (R7, R10, R13): an incoming meet to accept or decline, an outgoing one to cancel,
 * and how a ring ended. Render it once, near the root; it shows itself only while needed.
 *
 * @example
 * ```tsx
 * <MeetProvider client={client} user={{ role: 'manager' }}>
 *   <MeetRing calleeName={customer.name} shortcuts="on" />
 * </MeetProvider>
 * ```
 */
export function MeetRing(props: MeetRingProps): JSX.Element {
  const { calleeName, sound, shortcuts, noticeMs, userRole, client: own, locale, onError, ...attributes } = props;
  const context = useMeetContext();
  const client = useClientOf(own, '<MeetRing>');
  return useChatMeetElement({
    tag: 'chat-meet-ring',
    load: loadRing,
    props: { client, userRole: userRole ?? context.user.role, calleeName, sound, shortcuts, noticeMs, locale: locale ?? context.locale },
    // The ring's buttons and shortcuts answer, decline, cancel, mute and leave: client actions only.
    intents: { client, host: { call: () => undefined } },
    onError: onError ?? context.onError,
    attributes,
  });
}

/** Props of {@link MeetCall}. */
export interface MeetCallProps extends ElementAttributes {
  /** `auto` follows the viewport (full screen under 640 px); `mobile` or `desktop` force one. */
  layout?: 'auto' | 'mobile' | 'desktop';
  /** Minimised to a small pill (the meet goes on). The user can toggle it too: see `onMinimise`. */
  minimised?: boolean;
  /** Default: the provider's `user.role` (managers get "end for everyone", R11). */
  userRole?: Role;
  /** Default: the provider's `user.id` (the speaker chosen in settings is read from their saved settings). */
  userId?: string;
  /**
   * R13 keyboard shortcuts: `auto` (managers on, customers off), `on` or `off`. The window
   * listens for them when no `<MeetRing>` does (one listener per client), and names the keys
   * on its controls. Give both the same value.
   */
  shortcuts?: ShortcutsSetting;
  client?: MeetClient | null;
  locale?: MeetLocale;
  environment?: ElementEnvironment | null;
  /** The settings button was pressed: show a `<MeetSettings>`. */
  onOpenSettings?: () => void;
  /** The user minimised or restored the window. */
  onMinimise?: (minimised: boolean) => void;
  onError?: (error: ChatMeetError) => void;
}

/**
 * The call window: a tile per participant (up to 10), mic, camera, screen share, settings,
 * leave and end-for-everyone controls (R11, R12), connecting and reconnecting states.
 * Render it once; it shows itself while a meet connects or runs.
 *
 * @example
 * ```tsx
 * const [settings, setSettings] = useState(false);
 * <MeetCall onOpenSettings={() => setSettings(true)} />
 * {settings && <MeetSettings closable onClose={() => setSettings(false)} />}
 * ```
 */
export function MeetCall(props: MeetCallProps): JSX.Element {
  const { layout, minimised, userRole, userId, shortcuts, client: own, locale, environment, onOpenSettings, onMinimise, onError, ...attributes } = props;
  const context = useMeetContext();
  const client = useClientOf(own, '<MeetCall>');
  return useChatMeetElement({
    tag: 'chat-meet-call',
    load: loadCall,
    props: {
      client, userRole: userRole ?? context.user.role, userId: userId ?? context.user.id, layout, minimised, shortcuts,
      locale: locale ?? context.locale, environment: environment ?? context.environment,
    },
    events: { 'chat-meet-minimise': (e) => onMinimise?.(Boolean((e.detail as { minimised?: boolean })?.minimised)) },
    intents: { client, host: { call: () => undefined, openSettings: onOpenSettings } },
    onError: onError ?? context.onError,
    attributes,
  });
}
