/** Turning blur on for a meet client, so that a failure turns it off again by itself. */
import type { ChatMeetError } from '../../core/errors.js';
import type { MeetClient } from '../../core/types.js';
import { createBlurProcessor, type BlurOptions, type BlurProcessor } from './processor.js';
import { canBlur } from './support.js';

/**
 * Creates a blur processor and sets it on `client`. When blur fails later (too slow,
 * WebGL lost, MediaPipe error), it is removed from the client — the camera goes out
 * unblurred again, as the user sees in their preview — and `onError` gets the coded error.
 * Rejects (and leaves the client without a processor) when blur cannot start here.
 *
 * @example
 * ```ts
 * const blur = await enableBlur(client, { onError: (e) => showNotice(e.message) });
 * // later: await client.setVideoProcessor(null); blur.close();
 * ```
 */
export async function enableBlur(client: Pick<MeetClient, 'setVideoProcessor'>, options: BlurOptions = {}): Promise<BlurProcessor> {
  const support = canBlur();
  if (!support.ok) {
    options.onError?.(support.error);
    throw support.error;
  }
  // While setVideoProcessor() runs, a failed start rejects it and the client drops the
  // processor itself; after that (e.g. too slow mid-meet, or a later camera-on), blur
  // removes itself from the client.
  let settling = true;
  let attached = true;
  const processor = createBlurProcessor({
    ...options,
    onError(error: ChatMeetError) {
      if (!settling && attached) {
        attached = false;
        void client.setVideoProcessor(null).catch(() => undefined).finally(() => processor.close());
      }
      options.onError?.(error);
    },
  });
  try {
    await client.setVideoProcessor(processor);
  } catch (error) {
    attached = false;
    processor.close();
    throw error;
  } finally {
    settling = false;
  }
  return processor;
}
