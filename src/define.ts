/**
 * The side-effect entry: importing `chat-meet/define` registers the `<chat-meet-*>` elements.
 *
 * What a page shows first is defined at once: `<chat-meet-button>`. Everything else is a
 * separate chunk loaded with `import()` when a `load*()` function below is called: the ring (with the
 * R13 shortcuts; it is needed only once a meet client exists, itself a lazy chunk), the
 * call window, the settings panel and the permission guide. That keeps the script-tag
 * path under its size budget (docs/benchmarks.md).
 *
 * The button is defined here, not through a bare `import './elements/button/button.js'`:
 * bundlers honour package.json `sideEffects` and would drop such an import. Rollup may
 * still move this module into a chunk shared with another entry (chat-meet/preact does);
 * the npm build puts every chunk that defines an element in dist/esm/elements/, which
 * `sideEffects` lists (decision 0002, addendum; test/build/side-effects.node.test.ts).
 * The lazy elements need no listing of their own to survive: a bundler keeps an
 * `import()` target whole.
 */
import { ChatMeetButton } from './elements/button/button.element.js';

if (typeof customElements !== 'undefined' && !customElements.get('chat-meet-button')) customElements.define('chat-meet-button', ChatMeetButton);

/** Loads and defines `<chat-meet-ring>` (incoming/outgoing rings, R13 shortcuts). */
export const loadRing = () => import('./elements/ring/ring.js');

/** Loads and defines `<chat-meet-call>` (the meet window). */
export const loadCall = () => import('./elements/call/call.js');
/** Loads and defines `<chat-meet-settings>` (device settings). */
export const loadSettings = () => import('./elements/settings/settings.js');
/** Loads and defines `<chat-meet-permission-guide>` (R12, R17). */
export const loadPermissionGuide = () => import('./elements/permission-guide/permission-guide.js');

/** The lazy tags and how to load each. */
export const lazyElements: Readonly<Record<string, () => Promise<unknown>>> = {
  'chat-meet-ring': loadRing,
  'chat-meet-call': loadCall,
  'chat-meet-settings': loadSettings,
  'chat-meet-permission-guide': loadPermissionGuide,
};
