/**
 * The `setBlur` behind the settings switch (IntentHost.setBlur): loads `chat-meet/blur`
 * with `import()` the first time blur is turned on — MediaPipe's megabytes never load
 * for users who do not want blur — and serializes quick on/off/on clicks.
 */
import type { ChatMeetError } from '../core/errors.js';
import type { MeetClient } from '../core/types.js';
import type { BlurOptions, BlurProcessor } from './blur/index.js';

export interface BlurSwitch {
  /** Turns blur on or off on the client; rejects with a coded error when it cannot run. */
  set(on: boolean): Promise<void>;
  /** Whether blur is on now (false again after blur turned itself off). */
  readonly on: boolean;
}

/**
 * @example
 * ```ts
 * const blur = createBlurSwitch(client, { assetBase: '/static/blur-assets/', onError: (e) => emit('error', e) });
 * bindIntents(panel, client, { call, setBlur: blur.set });
 * ```
 */
export function createBlurSwitch(client: Pick<MeetClient, 'setVideoProcessor'>, options: BlurOptions = {}): BlurSwitch {
  let processor: BlurProcessor | null = null;
  let queue: Promise<void> = Promise.resolve();

  const onError = (error: ChatMeetError) => {
    processor = null; // enableBlur already removed it from the client
    options.onError?.(error);
  };

  async function apply(on: boolean) {
    if (on && !processor) {
      const { enableBlur } = await import('./blur/index.js');
      processor = await enableBlur(client, { ...options, onError });
    } else if (!on && processor) {
      const p = processor;
      processor = null;
      try {
        await client.setVideoProcessor(null);
      } finally {
        p.close();
      }
    }
  }

  return {
    set(on) {
      const next = queue.then(() => apply(Boolean(on)));
      queue = next.catch(() => undefined);
      return next;
    },
    get on() {
      return processor !== null;
    },
  };
}
