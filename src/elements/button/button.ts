/**
 * Defines `<chat-meet-button>` (eagerly, in `chat-meet/define`: it is what the page shows
 * first). Defining twice (two bundles on one page) is a no-op.
 */
import { ChatMeetButton } from './button.element.js';

// The tag is spelled out so the manifest analyzer can read it.
if (!customElements.get('chat-meet-button')) customElements.define('chat-meet-button', ChatMeetButton);

declare global {
  interface HTMLElementTagNameMap {
    'chat-meet-button': ChatMeetButton;
  }
}

export { ChatMeetButton };
