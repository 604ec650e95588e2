/** `<MeetSettings>` and `<MeetPermissionGuide>`: panels the host shows when it wants them. */
import type { JSX } from 'preact';
import { useContext, useRef, useState } from 'preact/hooks';
import { guideTopicFor, type GuideTopic } from '../elements/permission-guide/topic.js';
import type { ChatMeetError } from '../core/errors.js';
import type { MeetClient } from '../core/types.js';
import { loadPermissionGuide, loadSettings } from '../define.js';
import type { ElementEnvironment } from '../elements/base/environment.js';
import { createBlurSetting } from '../elements/settings/blur-setting.js';
import type { MeetSettings as SavedSettings } from '../elements/settings/settings-store.js';
import type { MediaGuidePlatform, ScreenGuidePlatform } from '../i18n/catalog/guide.js';
import type { BlurOptions } from '../media/blur/processor.js';
import { MeetContext, useMeetContext, type MeetLocale } from './context.js';
import { useChatMeetElement, type ElementAttributes } from './element.js';
import { useMeet } from './hooks.js';

/** Props of {@link MeetSettings}. */
export interface MeetSettingsProps extends ElementAttributes {
  /** Whose settings these are (saved under this id). Default: the provider's `user.id`. */
  userId?: string;
  /** Capture a live camera preview and microphone level while shown. Default `true`. */
  preview?: boolean;
  /** Show a close button (see `onClose`). */
  closable?: boolean;
  /** Where the changes apply live (and, during a meet, whose camera the preview shows). Default: the provider's client; without one they are only saved. */
  client?: MeetClient | null;
  locale?: MeetLocale;
  environment?: ElementEnvironment | null;
  /** Options of background blur (e.g. `assetBase`, where `dist/blur-assets/` is served); see docs/blur.md. */
  blur?: BlurOptions;
  /** Replaces what the blur switch does (default: `chat-meet/blur`, loaded the first time blur is turned on). */
  onBlurToggle?: (on: boolean) => Promise<void> | void;
  /** The user's whole settings after each change (also saved to `localStorage`). */
  onChange?: (settings: SavedSettings) => void;
  /** The close button was pressed. */
  onClose?: () => void;
  onError?: (error: ChatMeetError) => void;
}

/**
 * The blur switch's action (the boot's too: ../elements/settings/blur-setting.ts), one per
 * client and user, made on first use; it loads `chat-meet/blur` only when blur turns on.
 */
function useBlurSetting(client: MeetClient | null, userId: string, options: BlurOptions | undefined, onError: (e: ChatMeetError) => void) {
  const report = useRef(onError);
  report.current = onError;
  const made = useRef<{ client: MeetClient; userId: string; set: (on: boolean) => Promise<void> } | null>(null);
  return async (on: boolean) => {
    if (!client) return;
    if (made.current?.client !== client || made.current.userId !== userId) {
      made.current = { client, userId, set: createBlurSetting(client, userId, { ...options, onError: (e) => report.current(e) }) };
    }
    await made.current.set(on);
  };
}

/**
 * Device settings (R14, R15): camera, microphone and speaker, a preview with a level meter,
 * join muted, background blur and noise suppression where the browser can run them.
 * During a meet the changes apply at once.
 *
 * @example
 * ```tsx
 * {open && <MeetSettings closable blur={{ assetBase: '/static/chat-meet/blur-assets/' }} onClose={() => setOpen(false)} />}
 * ```
 */
export function MeetSettings(props: MeetSettingsProps): JSX.Element {
  const { userId, preview, closable, client: own, locale, environment, blur, onBlurToggle, onChange, onClose, onError, ...attributes } = props;
  const context = useMeetContext();
  const inProvider = useContext(MeetContext) !== undefined;
  const client = own !== undefined || !inProvider ? own ?? null : context.client;
  const report = onError ?? context.onError;
  const user = userId ?? context.user.id;
  const setBlur = useBlurSetting(client, user ?? '', blur, report);
  return useChatMeetElement({
    tag: 'chat-meet-settings',
    load: loadSettings,
    props: { client, userId: user, preview, closable, locale: locale ?? context.locale, environment: environment ?? context.environment },
    events: {
      'chat-meet-settings-change': (e) => onChange?.(e.detail as SavedSettings),
      'chat-meet-settings-close': () => onClose?.(),
    },
    intents: { client, host: { call: () => undefined, setBlur: onBlurToggle ?? setBlur } },
    onError: report,
    attributes,
  });
}

/** Props of {@link MeetPermissionGuide}. */
export interface MeetPermissionGuideProps extends ElementAttributes {
  /** `media`: camera and microphone (R17); `screen`: screen recording (R12). Default `media`. */
  topic?: 'media' | 'screen';
  /** Forces one platform's steps (otherwise detected). */
  platform?: MediaGuidePlatform | ScreenGuidePlatform;
  /** Show a close button (see `onClose`). Default `true`. */
  closable?: boolean;
  /** Over the page (fixed, centred, a dialog) instead of in the flow where it is rendered. */
  overlay?: boolean;
  locale?: MeetLocale;
  environment?: ElementEnvironment | null;
  /** "Reload and try again" was pressed; call `event.preventDefault()` to stop the reload. */
  onReload?: (event: CustomEvent) => void;
  /** The close button was pressed. */
  onClose?: () => void;
  onError?: (error: ChatMeetError) => void;
}

/**
 * How to allow the camera and microphone (R17) or screen recording (R12) on the user's own
 * platform, ending with "reload and try again". {@link usePermissionGuide} says when to show it.
 *
 * @example
 * ```tsx
 * const guide = usePermissionGuide();
 * {guide.topic && <MeetPermissionGuide overlay topic={guide.topic} onClose={guide.dismiss} />}
 * ```
 */
export function MeetPermissionGuide(props: MeetPermissionGuideProps): JSX.Element {
  const { topic, platform, closable, overlay, locale, environment, onReload, onClose, onError, ...attributes } = props;
  const context = useMeetContext();
  return useChatMeetElement({
    tag: 'chat-meet-permission-guide',
    load: loadPermissionGuide,
    props: { topic, platform, closable, overlay, locale: locale ?? context.locale, environment: environment ?? context.environment },
    events: { 'chat-meet-reload': (e) => onReload?.(e), 'chat-meet-guide-close': () => onClose?.() },
    onError: onError ?? context.onError,
    attributes,
  });
}

/** What {@link usePermissionGuide} returns. */
export interface PermissionGuideState {
  /** The guide the last refusal calls for (`media`: camera/microphone, R17; `screen`: R12), or `null`. */
  topic: GuideTopic | null;
  /** Hides the guide until the next refusal. */
  dismiss(): void;
}

/**
 * When to show {@link MeetPermissionGuide}, as the booted widget decides it: a refused camera
 * or microphone always (R17); a refused screen when the operating system refused (macOS
 * Screen Recording) or on Safari (R12), not when the user just closed the browser's picker.
 *
 * @param client a client of its own; default: the provider's
 * @example
 * ```tsx
 * const guide = usePermissionGuide();
 * return guide.topic ? <MeetPermissionGuide overlay topic={guide.topic} onClose={guide.dismiss} /> : null;
 * ```
 */
export function usePermissionGuide(client?: MeetClient | null): PermissionGuideState {
  const error = useMeet(client).error;
  const { environment } = useMeetContext();
  const [dismissed, setDismissed] = useState<unknown>(null);
  const topic = error && error !== dismissed ? guideTopicFor(error, environment ?? null) : null;
  return { topic, dismiss: () => setDismissed(error) };
}
