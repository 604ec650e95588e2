/**
 * Turns the elements' `chat-meet-intent` events into core actions (see ./intents.ts, which
 * re-exports this). Only the owner of a meet client needs it, never the button, so it stays
 * out of the first download.
 */
import type { MeetClient } from '../core/types.js';
import { INTENT_EVENT, type MeetIntent } from './intents.js';
import type { MeetKind } from '../signaling/protocol.js';

/**
 * Intents the meet client does not handle itself (what a call targets, blur loading,
 * settings, escape); the owner supplies them. Each returns a promise or nothing.
 */
export interface IntentHost {
  call(kind: MeetKind): Promise<void> | void;
  setBlur?(on: boolean): Promise<void> | void;
  openSettings?(): void;
  escapeInApp?(): void;
  /** Receives failures of actions (already set on `$meet.error` where the core knows them). */
  onError?(error: unknown): void;
}

/**
 * Listens on `target` for intents and runs the matching action. Returns the unbind.
 */
export function bindIntents(target: EventTarget, client: MeetClient, host: IntentHost): () => void {
  const run = (intent: MeetIntent): unknown => {
    switch (intent.type) {
      case 'call': return host.call(intent.kind);
      case 'accept': return client.accept();
      case 'decline': return client.decline();
      case 'cancel': return client.cancel();
      case 'leave': return client.leave();
      case 'end-for-all': return client.endForAll();
      case 'set-mic': return client.setMic(intent.on);
      case 'set-camera': return client.setCamera(intent.on);
      case 'start-screen-share': return client.startScreenShare();
      case 'stop-screen-share': return client.stopScreenShare();
      case 'set-devices': return client.setDevices({ micId: intent.micId, cameraId: intent.cameraId });
      case 'set-noise-suppression': return client.setNoiseSuppression(intent.on);
      case 'set-blur': return host.setBlur?.(intent.on);
      case 'open-settings': return host.openSettings?.();
      case 'escape-in-app': return host.escapeInApp?.();
    }
  };
  const listener = (event: Event) => {
    const intent = (event as CustomEvent<MeetIntent>).detail;
    try {
      const result = run(intent);
      if (result instanceof Promise) result.catch((e) => host.onError?.(e));
    } catch (error) {
      host.onError?.(error);
    }
  };
  target.addEventListener(INTENT_EVENT, listener);
  return () => target.removeEventListener(INTENT_EVENT, listener);
}
