/**
 * What the settings panel's blur switch does (the `set-blur` intent), for the booted SDK and
 * `<MeetSettings>` alike: the first time blur is turned on it loads the blur switch
 * (src/media/blur-switch.ts, and through it `chat-meet/blur`).
 *
 * Blur that cannot start (unsupported, its files not served) or turns itself off (too slow,
 * WebGL lost) turns the user's saved switch off, so the panel shows it off and the next meet
 * does not try again (R14), and `onError` hears of it once: the switch both reports such an
 * error and rejects with it.
 */
import { asCoded } from '../../core/as-coded.js';
import type { ChatMeetError } from '../../core/errors.js';
import type { MeetClient } from '../../core/types.js';
import type { BlurSwitch } from '../../media/blur-switch.js';
import type { BlurOptions } from '../../media/blur/processor.js';
import { meetSettings } from './settings-store.js';

/**
 * @param userId Whose saved settings the switch belongs to (the settings panel's `userId`).
 * @returns `setBlur(on)`: never rejects; failures go to `onError`.
 */
export function createBlurSetting(
  client: Pick<MeetClient, 'setVideoProcessor'>,
  userId: string,
  options: Omit<BlurOptions, 'onError'> & { onError: (error: ChatMeetError) => void },
): (on: boolean) => Promise<void> {
  let blur: BlurSwitch | undefined;
  const reported = new WeakSet<object>();
  const failed = (error: unknown) => {
    if (typeof error === 'object' && error !== null) {
      if (reported.has(error)) return;
      reported.add(error);
    }
    // The key the settings panel reads (settings.element.ts: a panel without a user id is 'anonymous').
    meetSettings(userId || 'anonymous').setKey('blur', false);
    options.onError(asCoded(error));
  };
  return async (on) => {
    try {
      const { createBlurSwitch } = await import('../../media/blur-switch.js');
      blur ??= createBlurSwitch(client, { ...options, onError: failed });
      await blur.set(on);
    } catch (error) {
      failed(error);
    }
  };
}
