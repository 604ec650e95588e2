/**
 * The lazy half of a booted chat-meet (see ./start.ts): the adapter, the meet client and
 * the intent binding, from `ChatMeet('boot')` until `ChatMeet('shutdown')`.
 */
import { callOptionsFor } from '../core/call-target.js';
import { createMeetClient } from '../core/client.js';
import { asCoded } from '../core/as-coded.js';
import { ErrorCodes, type ChatMeetError } from '../core/errors.js';
import { MEET_LINK_PARAM } from '../core/links.js';
import type { MeetClient, MeetState } from '../core/types.js';
import type { ElementEnvironment } from '../elements/base/environment.js';
import type { ChatMeetButton } from '../elements/button/button.element.js';
import { INTENT_EVENT, bindIntents, type MeetIntent } from '../elements/intents.js';
import { createBlurSetting } from '../elements/settings/blur-setting.js';
import { readMeetSettings, savedMeetOptions } from '../elements/settings/settings-store.js';
import type { MeetKind } from '../signaling/protocol.js';
import { createAdapterFor } from './adapter.js';
import type { BootConfig } from './options.js';
import { createOverlays } from './overlays.js';
import { guideTopicFor, rejoinAfterReload } from '../elements/permission-guide/topic.js';
import { notConnected, type BootSessionHooks, type SessionContext } from './start.js';

/** What `meetStateChanged` handlers receive: plain data, safe to log or send. */
export interface MeetStateEvent {
  status: MeetState['status'];
  kind: MeetState['kind'];
  meetId: string | null;
  conversationId: string | null;
  teamRoomId: string | null;
  endReason: MeetState['endReason'];
  caller: { id: string; name: string; role: string } | null;
  error: { code: string; message: string } | null;
  followUpLink: string | null;
}

export function toMeetStateEvent(m: MeetState): MeetStateEvent {
  return {
    status: m.status, kind: m.kind, meetId: m.meetId, conversationId: m.conversationId, teamRoomId: m.teamRoomId,
    endReason: m.endReason, followUpLink: m.followUpLink,
    caller: m.caller ? { id: m.caller.id, name: m.caller.name, role: m.caller.role } : null,
    error: m.error ? { code: m.error.code, message: m.error.message } : null,
  };
}

export interface ConnectedSession {
  readonly client: Promise<MeetClient | null>;
  startMeet(kind: MeetKind): Promise<void>;
  joinMeet(link: string): Promise<void>;
  destroy(): void;
}

/** Errors the host hears of through the `error` event as well as `meetStateChanged.error`. */
const MEDIA_ERRORS: readonly string[] = [ErrorCodes.MEDIA_DENIED, ErrorCodes.MEDIA_UNAVAILABLE];

export function connectSession(config: BootConfig, hooks: BootSessionHooks, ctx: SessionContext): ConnectedSession {
  const { mount } = ctx;
  // One `error` event per error: a refused microphone reaches us both as the meet's error and
  // as the failure of the action that asked for it.
  const reported = new WeakSet<ChatMeetError>();
  const fail = (error: unknown) => {
    const coded = asCoded(error);
    if (reported.has(coded)) return;
    reported.add(coded);
    hooks.fail(coded);
  };
  /** A failure of `run` that was reported already is not thrown again (the command would report it twice). */
  const unreported = async (run: Promise<void>) => {
    try {
      await run;
    } catch (error) {
      if (!reported.has(error as ChatMeetError)) throw error;
    }
  };
  const overlays = createOverlays(mount);
  let client: MeetClient | null = null;
  let destroyed = false;
  const cleanups: (() => void)[] = [];
  const showMeet = () => void overlays.ensureMeetElements().catch((e) => fail(e));

  /** What a `call` intent targets: the assignee (customer), the customer (R7) or the team (R9). */
  function call(kind: MeetKind) {
    if (!client) throw notConnected();
    return client.call(callOptionsFor(kind, config.user.role, ctx.conversation()));
  }

  /**
   * R16: the button showed before detection arrived, on a guess that this browser can meet.
   * A call from it waits for detection; where the browser cannot meet (an in-app browser),
   * that button opens its way out instead and nothing is called. Once detection is in, the
   * button knows, and this wait is a resolved promise.
   */
  async function callFrom(kind: MeetKind, source: EventTarget | null) {
    const environment = await ctx.detected;
    if (destroyed) return;
    if (environment && !environment.supports.meet) {
      const button = source instanceof HTMLElement && source.localName === 'chat-meet-button' ? (source as ChatMeetButton) : null;
      if (button) {
        await button.updateComplete; // rendered with the detected environment: mode `escape`
        button.openEscapeSheet();
        return;
      }
    }
    await call(kind);
  }
  /** Takes `call` intents when detection ran (bindIntents runs the rest). */
  const gateCalls = (event: Event) => {
    const intent = (event as CustomEvent<MeetIntent>).detail;
    if (intent?.type !== 'call' || !ctx.detected) return;
    event.stopImmediatePropagation();
    callFrom(intent.kind, event.target).catch(fail);
  };

  const clientReady = (async (): Promise<MeetClient | null> => {
    const adapter = await createAdapterFor(config.signaling!);
    if (destroyed) {
      if (!('connect' in (config.signaling as object))) adapter.close();
      return null;
    }
    const token = typeof config.signaling === 'object' && 'token' in config.signaling ? config.signaling.token : undefined;
    // R14: what the user chose in the settings panel (this or an earlier visit) holds from the first meet.
    const saved = readMeetSettings(config.user.id);
    const created = createMeetClient({
      ...savedMeetOptions(config.user.id),
      adapter,
      self: { id: config.user.id, name: config.user.name ?? config.user.id, role: config.user.role, ...(typeof token === 'string' ? { token } : {}) },
      ...(config.iceServers ? { iceServers: config.iceServers as RTCIceServer[] } : {}),
      ...(config.iceTransportPolicy ? { iceTransportPolicy: config.iceTransportPolicy } : {}),
      ...(config.ringTimeoutMs ? { ringTimeoutMs: config.ringTimeoutMs } : {}),
      ...(config.meetLink ? { meetLink: config.meetLink as (id: string) => string } : {}),
    });
    client = created;
    mount.setClient(created);
    const setBlur = createBlurSetting(created, config.user.id, { onError: fail, ...(config.blurAssets ? { assetBase: config.blurAssets } : {}) });
    // Saved blur loads the blur chunk only once a meet starts, not on every page view.
    let blurRestored = !saved.blur;
    let lastError: MeetState['error'] = null;
    // Before bindIntents: a listener added first runs first, and can keep the call from it.
    document.addEventListener(INTENT_EVENT, gateCalls);
    cleanups.push(
      () => document.removeEventListener(INTENT_EVENT, gateCalls),
      bindIntents(document, created, {
        call,
        openSettings: () => void overlays.openSettings().catch((e) => fail(e)),
        setBlur,
        onError: (error) => fail(error),
      }),
      created.$meet.listen((m) => {
        if (m.status !== 'idle') showMeet();
        if (m.status !== 'idle' && !blurRestored) {
          blurRestored = true;
          void setBlur(true);
        }
        const newError = m.error !== lastError ? m.error : null;
        if (m.error !== lastError) {
          lastError = m.error;
          // R17/R12: a refused camera, microphone or screen opens the guide for this platform.
          const topic = guideTopicFor(m.error, (config.environment as ElementEnvironment | undefined) ?? null);
          if (topic) overlays.openGuide(topic, () => rejoinAfterReload(created.$meet.get())).catch((e) => fail(e));
        }
        hooks.emit('meetStateChanged', toMeetStateEvent(m));
        // A refused or missing camera or microphone (at meet start too, where a video meet goes
        // on without the camera) is news for the host's `error` handler, not only a state.
        if (newError && MEDIA_ERRORS.includes(newError.code)) fail(newError);
      }),
    );
    ctx.markLive();
    for (const [intent, source] of ctx.early.splice(0)) {
      if (intent?.type === 'call' && ctx.detected) callFrom(intent.kind, source).catch(fail);
      else document.dispatchEvent(new CustomEvent(INTENT_EVENT, { detail: intent }));
    }
    created.ready.then(
      () => {
        if (destroyed) return;
        hooks.emit('connected', { userId: config.user.id });
        joinFromUrl(created);
      },
      (error) => fail(error),
    );
    return created;
  })().catch((error) => {
    fail(error);
    return null;
  });

  /** R7: a follow-up link (`?chat-meet=<id>`) opens the meet it names. */
  function joinFromUrl(c: MeetClient) {
    if (!config.joinFromUrl || typeof location === 'undefined') return;
    const url = new URL(location.href);
    if (!url.searchParams.has(MEET_LINK_PARAM)) return;
    const link = url.href;
    // A reload must not re-enter a meet that is over: the link leaves the address bar.
    url.searchParams.delete(MEET_LINK_PARAM);
    history.replaceState(history.state, '', url.href);
    showMeet();
    c.join(link).catch((error) => fail(error));
  }

  return {
    client: clientReady,
    async startMeet(kind) {
      if (!(await clientReady)) throw notConnected();
      showMeet();
      await unreported(call(kind) as Promise<void>);
    },
    async joinMeet(link) {
      const c = await clientReady;
      if (!c) throw notConnected();
      showMeet();
      await unreported(c.join(link));
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      cleanups.splice(0).forEach((off) => off());
      client?.destroy();
    },
  };
}
