/**
 * chat-meet's side-effect-free public API. Importing it defines no elements and
 * touches no DOM; import `chat-meet/define` to register the elements.
 *
 * @packageDocumentation
 */
export { ChatMeetError, ErrorCodes, type ErrorCode } from './core/errors.js';
export { createCommandDispatcher, BootEvents, type BootEvent, type CommandDispatcher } from './boot/commands.js';
export type { BootOptions, BootConfig } from './boot/options.js';
export { installGlobal, ensureQueueStub, type ChatMeetGlobal } from './loader.js';
export { VERSION } from './version.js';
// R14's saved choices as createMeetClient options (nanostores and localStorage only: no element code).
export { savedMeetOptions, type SavedMeetOptions } from './elements/settings/settings-store.js';
export * from './core/index.js';
export * from './signaling/index.js';
