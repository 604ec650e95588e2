/**
 * Defines `<chat-meet-settings>`. Self-contained so `chat-meet/define` can load it with
 * `import()` when the user opens settings; defining twice is a no-op.
 */
import { ChatMeetSettings } from './settings.element.js';

export const SETTINGS_TAG = 'chat-meet-settings';

// The tag is spelled out (not SETTINGS_TAG) so the manifest analyzer can read it.
if (typeof customElements !== 'undefined' && !customElements.get('chat-meet-settings')) customElements.define('chat-meet-settings', ChatMeetSettings);

declare global {
  interface HTMLElementTagNameMap {
    'chat-meet-settings': ChatMeetSettings;
  }
}

export { ChatMeetSettings };
export { meetSettings, readMeetSettings, settingsKey, DEFAULT_SETTINGS, type MeetSettings } from './settings-store.js';
