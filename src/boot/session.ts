/**
 * One booted chat-meet: the adapter, the meet client, the elements and the intent
 * binding, from `ChatMeet('boot')` until `ChatMeet('shutdown')`. The meet client and the
 * adapter load with `import()` (the button shows before they arrive); an intent sent
 * before they are in waits for them.
 */
import { ChatMeetError, ErrorCodes } from '../core/errors.js';
import { MEET_LINK_PARAM } from '../core/links.js';
import type { MeetClient, MeetState } from '../core/types.js';
import { INTENT_EVENT, bindIntents, type MeetIntent } from '../elements/intents.js';
import type { MeetKind } from '../signaling/protocol.js';
import { createAdapterFor } from './adapter.js';
import { mountElements } from './mount.js';
import type { BootConfig, Conversation } from './options.js';

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

export interface BootSessionHooks {
  emit(event: 'connected' | 'meetStateChanged', payload: unknown): void;
  /** Reports a failure (console line with its code, and the `error` event). */
  fail(error: ChatMeetError): void;
}

export interface BootSession {
  updateConversation(conversation: Conversation | undefined): void;
  /** Starts a meet in the current conversation (or team room), as the button would. */
  startMeet(kind: MeetKind): Promise<void>;
  /** R7: joins the meet a follow-up link names. */
  joinMeet(link: string): Promise<void>;
  /** The meet client once it exists (for the npm API and tests). */
  readonly client: Promise<MeetClient | null>;
  /** Ends any meet, turns the camera and microphone off, removes the elements. Idempotent. */
  destroy(): void;
}

export function toMeetStateEvent(m: MeetState): MeetStateEvent {
  return {
    status: m.status, kind: m.kind, meetId: m.meetId, conversationId: m.conversationId, teamRoomId: m.teamRoomId,
    endReason: m.endReason, followUpLink: m.followUpLink,
    caller: m.caller ? { id: m.caller.id, name: m.caller.name, role: m.caller.role } : null,
    error: m.error ? { code: m.error.code, message: m.error.message } : null,
  };
}

const notConnected = () =>
  new ChatMeetError(ErrorCodes.NOT_CONNECTED, "chat-meet was booted without `signaling`, so no meet can start. Pass signaling to ChatMeet('boot').");

const asCoded = (error: unknown) =>
  error instanceof ChatMeetError ? error : new ChatMeetError(ErrorCodes.PEER_FAILED, `Unexpected failure: ${(error as Error)?.message ?? String(error)}`);

export function startBootSession(config: BootConfig, hooks: BootSessionHooks): BootSession {
  let conversation = config.conversation;
  let client: MeetClient | null = null;
  let destroyed = false;
  const cleanups: (() => void)[] = [];
  const mount = mountElements(config);

  /** What a `call` intent targets: the assignee (customer), the customer (R7) or the team (R9). */
  function call(kind: MeetKind) {
    if (!client) throw notConnected();
    const c = conversation;
    if (c?.teamRoomId) return client.call({ kind, teamRoomId: c.teamRoomId, callee: c.memberIds ?? [] });
    const callee = config.user.role === 'manager' ? c?.customerId ?? undefined : undefined;
    return client.call({ kind, conversationId: c?.id, assigneeId: c?.assigneeId ?? null, ...(callee ? { callee } : {}) });
  }

  // Intents sent before the client exists (a quick click) wait for it, in order.
  const early: MeetIntent[] = [];
  const holdEarly = (event: Event) => {
    if (client) return;
    const intent = (event as CustomEvent<MeetIntent>).detail;
    if (config.signaling) early.push(intent);
    else if (intent?.type === 'call') hooks.fail(notConnected());
  };
  document.addEventListener(INTENT_EVENT, holdEarly);
  cleanups.push(() => document.removeEventListener(INTENT_EVENT, holdEarly));

  const clientReady = (async (): Promise<MeetClient | null> => {
    if (!config.signaling) {
      console.warn("[chat-meet] booted without `signaling`: the button shows, but meets cannot start. See docs/api.md#boot.");
      return null;
    }
    const [adapter, { createMeetClient }] = await Promise.all([createAdapterFor(config.signaling), import('../core/client.js')]);
    if (destroyed) {
      if (!('connect' in (config.signaling as object))) adapter.close();
      return null;
    }
    const token = typeof config.signaling === 'object' && 'token' in config.signaling ? config.signaling.token : undefined;
    const created = createMeetClient({
      adapter,
      self: { id: config.user.id, name: config.user.name ?? config.user.id, role: config.user.role, ...(typeof token === 'string' ? { token } : {}) },
      ...(config.iceServers ? { iceServers: config.iceServers as RTCIceServer[] } : {}),
      ...(config.ringTimeoutMs ? { ringTimeoutMs: config.ringTimeoutMs } : {}),
      ...(config.meetLink ? { meetLink: config.meetLink as (id: string) => string } : {}),
    });
    client = created;
    mount.setClient(created);
    let blur: { set(on: boolean): Promise<void> } | undefined;
    cleanups.push(
      bindIntents(document, created, {
        call,
        openSettings: () => void mount.openSettings().catch((e) => hooks.fail(asCoded(e))),
        setBlur: async (on) => {
          const { createBlurSwitch } = await import('../media/blur-switch.js');
          blur ??= createBlurSwitch(created, { onError: hooks.fail });
          await blur.set(on);
        },
        onError: (error) => hooks.fail(asCoded(error)),
      }),
    );
    cleanups.push(
      created.$meet.listen((m) => {
        if (m.status !== 'idle') void mount.ensureMeetElements().catch((e) => hooks.fail(asCoded(e)));
        hooks.emit('meetStateChanged', toMeetStateEvent(m));
      }),
    );
    for (const intent of early.splice(0)) document.dispatchEvent(new CustomEvent(INTENT_EVENT, { detail: intent }));
    created.ready.then(
      () => {
        if (destroyed) return;
        hooks.emit('connected', { userId: config.user.id });
        joinFromUrl(created);
      },
      (error) => hooks.fail(asCoded(error)),
    );
    return created;
  })().catch((error) => {
    hooks.fail(asCoded(error));
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
    void mount.ensureMeetElements().catch((e) => hooks.fail(asCoded(e)));
    c.join(link).catch((error) => hooks.fail(asCoded(error)));
  }

  return {
    client: clientReady,
    async startMeet(kind) {
      const c = await clientReady;
      if (!c) throw notConnected();
      void mount.ensureMeetElements().catch((e) => hooks.fail(asCoded(e)));
      await call(kind);
    },
    async joinMeet(link) {
      const c = await clientReady;
      if (!c) throw notConnected();
      void mount.ensureMeetElements().catch((e) => hooks.fail(asCoded(e)));
      await c.join(link);
    },
    updateConversation(next) {
      conversation = next;
      mount.setConversation(next);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      cleanups.splice(0).forEach((off) => off());
      client?.destroy();
      mount.destroy();
    },
  };
}
