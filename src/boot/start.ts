/**
 * What `ChatMeet('boot')` starts, in two steps. At once: the elements are mounted and
 * configured (the button can show) and intents are held. Then, with `import()`: the
 * session (adapter, meet client, intent binding; src/boot/session.ts), which is not
 * needed for the button to show and so stays out of the first download.
 */
import { asCoded } from '../core/as-coded.js';
import { ChatMeetError, ErrorCodes } from '../core/errors.js';
import type { MeetClient } from '../core/types.js';
import type { ElementEnvironment } from '../elements/base/environment.js';
import { INTENT_EVENT, type MeetIntent } from '../elements/intents.js';
import type { MeetKind } from '../signaling/protocol.js';
import { mountElements } from './mount.js';
import type { BootConfig, Conversation } from './options.js';

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
  /** The meet client once it exists (`null` without signaling or after shutdown). */
  readonly client: Promise<MeetClient | null>;
  /** Ends any meet, turns the camera and microphone off, removes the elements. Idempotent. */
  destroy(): void;
}

/** What the lazy session shares with the part that runs at once. */
export interface SessionContext {
  mount: ReturnType<typeof mountElements>;
  /** The conversation now (updateConversation may run before the session loads). */
  conversation(): Conversation | undefined;
  /** Intents sent before the client existed, in order, each with the element that sent it. */
  early: [MeetIntent, EventTarget | null][];
  /**
   * R16: the detected environment once detection has run (`null` if it failed); `null` here
   * when the `environment` option was given. Until it resolves, the button shows on a guess.
   */
  detected: Promise<ElementEnvironment | null> | null;
  /** The client exists and listens to intents itself: stop holding them. */
  markLive(): void;
}

export const notConnected = () =>
  new ChatMeetError(ErrorCodes.NOT_CONNECTED, "chat-meet was booted without `signaling`, so no meet can start. Pass signaling to ChatMeet('boot').");

export function startBoot(config: BootConfig, hooks: BootSessionHooks): BootSession {
  let conversation = config.conversation;
  let destroyed = false;
  let live = false;
  const mount = mountElements(config);
  const early: SessionContext['early'] = [];

  // R12, R15, R16: without an `environment` option, detect it. The detector (~5 KB gzip) is a
  // lazy chunk, not in the first download (test/build/size-budget): the button shows with
  // the elements' own guess and takes the detected environment when the chunk arrives.
  // Its `reasons` are English sentences for developers; customers see the elements' own
  // words in their language instead. A tap on the button before it arrives waits for it
  // (the session's callFrom): an in-app browser gets the way out, not a meet attempt.
  const detected = config.environment
    ? null
    : import('../environment/index.js')
        .then(({ detectEnvironment }) => {
          const environment = { ...detectEnvironment(), reasons: {} };
          if (!destroyed) mount.setEnvironment(environment);
          return environment;
        })
        .catch((error) => {
          console.warn(`[chat-meet] environment detection did not load (${(error as Error)?.message}); the elements keep their cautious guess.`);
          return null;
        });

  // A click before the meet client exists waits for it (or, without signaling, says why not).
  const hold = (event: Event) => {
    if (live) return;
    const intent = (event as CustomEvent<MeetIntent>).detail;
    // The boot's buttons are in the page's light DOM (the mount finds them there): the target is the button.
    if (config.signaling) early.push([intent, event.target]);
    else if (intent?.type === 'call') hooks.fail(notConnected());
  };
  document.addEventListener(INTENT_EVENT, hold);

  const session = config.signaling
    ? import('./session.js').then(({ connectSession }) => {
        if (destroyed) return null;
        return connectSession(config, hooks, { mount, conversation: () => conversation, early, detected, markLive: () => (live = true) });
      })
    : Promise.resolve(null).then(() => {
        console.warn('[chat-meet] booted without `signaling`: the button shows, but meets cannot start. See docs/api.md#boot.');
        return null;
      });
  session.catch((error) => hooks.fail(asCoded(error)));
  const ready = session.catch(() => null);

  const withSession = async <T>(run: (s: NonNullable<Awaited<typeof ready>>) => Promise<T>) => {
    const s = await ready;
    if (!s) throw notConnected();
    return run(s);
  };

  return {
    client: ready.then((s) => s?.client ?? null),
    updateConversation(next) {
      conversation = next;
      mount.setConversation(next);
    },
    startMeet: (kind) => withSession((s) => s.startMeet(kind)),
    joinMeet: (link) => withSession((s) => s.joinMeet(link)),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      document.removeEventListener(INTENT_EVENT, hold);
      mount.destroy();
      void ready.then((s) => s?.destroy());
    },
  };
}
