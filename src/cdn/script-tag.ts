/**
 * The classic `<script src=".../chat-meet.js">` entry. It defines `window.ChatMeet`
 * at once (a queue, so calls made right after the tag work), then loads the boot
 * module that sits beside it with `import()`: the script-tag path gets the same
 * chunking as the npm path, so the meet engine and blur load only when needed.
 */
import { ensureQueueStub } from '../loader.js';

const script = document.currentScript as HTMLScriptElement | null;
const stub = ensureQueueStub(window as never);
if (!stub.loaded && !stub.s) {
  stub.s = 1;
  const base = script?.src || location.href;
  import(/* @vite-ignore */ new URL('boot.js', base).href).catch((error: unknown) => {
    console.error('[chat-meet] CM_LOAD_FAILED: could not load boot.js next to chat-meet.js; serve the whole dist/cdn folder.', error);
  });
}
