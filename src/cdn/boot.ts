/**
 * The boot module of the CDN build (dist/cdn/boot.js): loaded by the script tag or by
 * the inline loader snippet. It installs the live `window.ChatMeet`, replays the
 * queued calls in order, and registers the elements. Only the button is in this first
 * download; the meet client, the adapters, the ring, the call window, settings and blur
 * are lazy chunks that `import()` fetches when needed (test/build/size-budget).
 */
import { createCommandDispatcher } from '../boot/commands.js';
import '../elements/button/button.js';
import { installGlobal } from '../loader.js';
import { VERSION } from '../version.js';
import '../define.js';

installGlobal(window as never, createCommandDispatcher(), VERSION);
