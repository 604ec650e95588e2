/**
 * `chat-meet/server`: the reference signaling server for Node, and `createToken()` for
 * host backends. See docs/server.md.
 *
 * @example
 * ```ts
 * import { createSignalingServer } from 'chat-meet/server';
 * const server = await createSignalingServer({ secret: process.env.CHAT_MEET_SECRET, allowedOrigins: ['https://shop.example'] });
 * await server.listen(8787);
 * ```
 */
export { createSignalingServer, type SignalingServer, type SignalingServerOptions } from './server.js';
export { createToken, createVerifier, type CreateTokenOptions, type TokenIdentity } from './auth.js';
export { turnCredentials, type TurnOptions, type TurnServer } from './turn.js';
export type { FollowUp } from './follow-ups.js';
export { createMemoryStore, type Store } from './store.js';
export { attachDemoServer } from './demo.js';
