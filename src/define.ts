/**
 * The side-effect entry: importing `chat-meet/define` registers every
 * `<chat-meet-*>` element. Each element module guards against double definition.
 */
export {};
