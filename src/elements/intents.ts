/**
 * How elements express what the user wants. Elements never call peers or sockets: they
 * dispatch one bubbling, composed `chat-meet-intent` event, and whoever owns the meet
 * client (the boot module, the Preact wrapper, or the host) turns it into a core action
 * with {@link bindIntents}. Data comes back down through the client's stores.
 */
import type { MeetKind } from '../signaling/protocol.js';

/** Every user intent an element can express. */
export type MeetIntent =
  | { type: 'call'; kind: MeetKind }
  | { type: 'accept' }
  | { type: 'decline' }
  | { type: 'cancel' }
  | { type: 'leave' }
  | { type: 'end-for-all' }
  | { type: 'set-mic'; on: boolean }
  | { type: 'set-camera'; on: boolean }
  | { type: 'start-screen-share' }
  | { type: 'stop-screen-share' }
  | { type: 'set-devices'; micId?: string | null; cameraId?: string | null }
  | { type: 'set-noise-suppression'; on: boolean }
  | { type: 'set-blur'; on: boolean }
  | { type: 'open-settings' }
  | { type: 'escape-in-app' };

/** The event name elements dispatch. */
export const INTENT_EVENT = 'chat-meet-intent';

/** Builds the event an element dispatches for `intent` (bubbles out of shadow roots). */
export function intentEvent(intent: MeetIntent): CustomEvent<MeetIntent> {
  return new CustomEvent(INTENT_EVENT, { detail: intent, bubbles: true, composed: true });
}

// The binding lives in its own module: the button (first download) needs only the event,
// and rollup would render everything a lazy chunk uses of this module into boot.js.
export { bindIntents, type IntentHost } from './bind-intents.js';
