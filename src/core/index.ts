/** The meet engine: a framework-free client (nanostores + plain actions) and the product rules. */
export { createMeetClient } from './client.js';
export * as meetRules from './rules.js';
export { videoCapsFor, type VideoCaps } from './caps.js';
export { defaultMeetLink, meetIdFromLink } from './links.js';
export { linkQuality, QUALITY_THRESHOLDS, SPEAKING_LEVEL, type LinkQuality } from './link-stats.js';
export type { MeetStatus, EndReason } from './status.js';
export type { CallOptions, ConnectionState, LocalState, MediaProvider, MeetClient, MeetClientOptions, MeetState, Participant, VideoProcessor } from './types.js';
