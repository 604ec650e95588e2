/**
 * Defines `<chat-meet-call>`. Self-contained so `chat-meet/define` can load it with
 * `import()` when a meet starts; defining twice (two bundles on one page) is a no-op.
 */
import { ChatMeetCall } from './call.element.js';

export const CALL_TAG = 'chat-meet-call';

// The tag is spelled out (not CALL_TAG) so the manifest analyzer can read it.
if (typeof customElements !== 'undefined' && !customElements.get('chat-meet-call')) customElements.define('chat-meet-call', ChatMeetCall);

declare global {
  interface HTMLElementTagNameMap {
    'chat-meet-call': ChatMeetCall;
  }
}

export { ChatMeetCall };
