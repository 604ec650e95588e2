/**
 * The boot module of the CDN build (dist/cdn/boot.js): loaded by the script tag or by
 * the inline loader snippet. It installs the live `window.ChatMeet`, replays the
 * queued calls in order, and registers the elements.
 */
import { createCommandDispatcher } from '../boot/commands.js';
import { installGlobal } from '../loader.js';
import { VERSION } from '../version.js';
import '../define.js';

installGlobal(window as never, createCommandDispatcher(), VERSION);
