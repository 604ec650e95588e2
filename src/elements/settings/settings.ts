/**
 * Defines `<chat-meet-settings>`. Self-contained so `chat-meet/define` can load it with
 * `import()` when the user opens settings; defining twice is a no-op.
 */
import { ChatMeetSettings } from './settings.element.js';

export const SETTINGS_TAG = 'chat-meet-settings';

if (!customElements.get(SETTINGS_TAG)) customElements.define(SETTINGS_TAG, ChatMeetSettings);

declare global {
  interface HTMLElementTagNameMap {
    'chat-meet-settings': ChatMeetSettings;
  }
}

export { ChatMeetSettings };
export { meetSettings, readMeetSettings, settingsKey, DEFAULT_SETTINGS, type MeetSettings } from './settings-store.js';
