/** Shared building blocks of the `<chat-meet-*>` elements. */
export { ChatMeetElement } from './element.js';
export { StoreController } from './store.controller.js';
export { baseStyles, buttons, isolation, tokens } from './tokens.styles.js';
