/**
 * Defines `<chat-meet-ring>` (eagerly, in `chat-meet/define`: a ring must show at once).
 * Defining twice (two bundles on one page) is a no-op.
 */
import { ChatMeetRing } from './ring.element.js';

// The tag is spelled out so the manifest analyzer can read it.
if (!customElements.get('chat-meet-ring')) customElements.define('chat-meet-ring', ChatMeetRing);

declare global {
  interface HTMLElementTagNameMap {
    'chat-meet-ring': ChatMeetRing;
  }
}

export { ChatMeetRing };
