/** Signaling: the adapter contract, the message schemas, and the adapters that need no server. */
export type { AdapterEvents, ConnectionState as AdapterConnectionState, Identity, PresenceChange, RoomSnapshot, SignalingAdapter } from './adapter.js';
export * from './protocol.js';
export { createMemoryAdapter, createMemoryHub, type MemoryHub } from './memory.js';
export { createBroadcastChannelAdapter, listenBroadcastReports, type BroadcastChannelAdapterOptions } from './broadcast-channel.js';
export { createWebSocketAdapter, type WebSocketAdapterOptions } from './websocket.js';
