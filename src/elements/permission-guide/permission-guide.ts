/**
 * Defines `<chat-meet-permission-guide>`. Loaded with `import()` (`loadPermissionGuide()` in
 * `chat-meet/define`) only when a permission is refused; defining twice is a no-op.
 */
import { ChatMeetPermissionGuide } from './permission-guide.element.js';

// The tag is spelled out so the manifest analyzer can read it.
if (!customElements.get('chat-meet-permission-guide')) customElements.define('chat-meet-permission-guide', ChatMeetPermissionGuide);

declare global {
  interface HTMLElementTagNameMap {
    'chat-meet-permission-guide': ChatMeetPermissionGuide;
  }
}

export { ChatMeetPermissionGuide };
