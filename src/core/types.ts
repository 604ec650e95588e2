/** The shapes of the meet client's options, stores and actions. */
import type { MapStore, ReadableAtom } from 'nanostores';
import type { SignalingAdapter } from '../signaling/adapter.js';
import type { MeetKind, Member, Role } from '../signaling/protocol.js';
import type { ChatMeetError } from './errors.js';
import type { LinkQuality } from './link-stats.js';
import type { EndReason, MeetStatus } from './status.js';

/** The meet as this client sees it (`$meet`). */
export interface MeetState {
  status: MeetStatus;
  kind: MeetKind | null;
  meetId: string | null;
  conversationId: string | null;
  teamRoomId: string | null;
  /** Why the last meet ended (with status `ended`). */
  endReason: EndReason | null;
  /** Who is calling (ringing-in) or who called. */
  caller: Member | null;
  /** The last error of an action or of the meet, with a code. */
  error: ChatMeetError | null;
  /** R7: the link sent in a follow-up to an offline callee (the caller waits in the meet). */
  followUpLink: string | null;
}

/** @internal The meet before any meet, nobody calling: `$meet`'s first value, and the Preact hooks' while there is no client. */
export const IDLE_MEET: Readonly<MeetState> = { status: 'idle', kind: null, meetId: null, conversationId: null, teamRoomId: null, endReason: null, caller: null, error: null, followUpLink: null };

/** A link's state as the UI shows it. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'failed';

/** One remote participant (`$participants`). */
export interface Participant {
  id: string;
  name: string;
  role: Role;
  mic: boolean;
  camera: boolean;
  screen: boolean;
  /** R1: joined by phone; never sent video. */
  audioOnly: boolean;
  connection: ConnectionState;
  /** Their audio is loud enough to count as speech (getStats `audioLevel`); false while muted. */
  speaking: boolean;
  /** The link's network quality from round-trip time and packet loss; `null` until measured. */
  quality: LinkQuality | null;
  /** The remote audio and video, once the link delivers them. */
  stream: MediaStream | null;
}

/** This client's media (`$local`). */
export interface LocalState {
  mic: boolean;
  camera: boolean;
  screen: boolean;
  audioOnly: boolean;
  devices: { micId: string | null; cameraId: string | null };
  /**
   * R15: whether the browser's noise suppression is in effect on the microphone, read back
   * with `getSettings()`; `null` where the browser has no such constraint.
   */
  noiseSuppression: boolean | null;
  /** R14: whether a video processor (background blur) is applied to the camera. */
  videoProcessor: boolean;
  /** The local preview: the mic track and the camera or screen track while on. */
  stream: MediaStream | null;
}

/** Capture functions; tests and special hosts may inject their own (e.g. a canvas as "screen"). */
export interface MediaProvider {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
  getDisplayMedia(constraints: DisplayMediaStreamOptions): Promise<MediaStream>;
}

/**
 * Turns the camera track into the track peers receive (background blur, `chat-meet/blur`).
 * The core calls {@link VideoProcessor.start} with each new camera track and sends the
 * result with `replaceTrack`; it resolves only once the first processed frame exists, so
 * the raw camera is never sent while a processor is set.
 */
export interface VideoProcessor {
  /** Starts processing `camera`; resolves with the output track once it has a frame. */
  start(camera: MediaStreamTrack): Promise<MediaStreamTrack>;
  /** Stops the loop and the output track (the camera track is the core's to stop). */
  stop(): void;
}

/** Options of {@link createMeetClient}. */
export interface MeetClientOptions {
  adapter: SignalingAdapter;
  /** Who this client is. `audioOnly`: a telephone gateway participant (R1). */
  self: { id: string; name: string; role: Role; audioOnly?: boolean; token?: string };
  /** STUN/TURN servers; the backend may add more with each join. Default: none (host candidates only). */
  iceServers?: RTCIceServer[];
  /**
   * `'relay'` sends media only through TURN (the servers above or those the backend adds
   * with each join): no host or server-reflexive candidates, so participants never learn
   * each other's IP addresses, and strict networks that allow only the TURN port work.
   * Default `'all'`.
   */
  iceTransportPolicy?: RTCIceTransportPolicy;
  /** R14: start meets with the microphone muted. */
  joinMuted?: boolean;
  /** R14/R15: the browser's microphone noise suppression (where it can be switched). Default on. */
  noiseSuppression?: boolean;
  /** R14: the chosen devices (deviceIds from enumerateDevices). */
  devices?: { micId?: string | null; cameraId?: string | null };
  /** Camera capture size and rate. Default 640x360 at 24 fps. */
  video?: { width?: number; height?: number; frameRate?: number };
  /** How often speaking and link quality are read from getStats while live. Default 1000 ms. */
  statsIntervalMs?: number;
  /** R10: how long a call rings before timing out. Default 120000 ms. */
  ringTimeoutMs?: number;
  /** R7: builds the link a follow-up carries; default: this page with `?chat-meet=<id>`. */
  meetLink?: (meetId: string) => string;
  /** Capture functions; default `navigator.mediaDevices`. */
  media?: Partial<MediaProvider>;
}

/** Where and how to call. */
export interface CallOptions {
  kind: MeetKind;
  conversationId?: string;
  /** R2/R5: the conversation's assignee; a customer's call rings them. */
  assigneeId?: string | null;
  /** R9: a team room (managers only); no conversation needed. */
  teamRoomId?: string;
  /** Whom a manager rings: the customer (R7) or managers (R9). Ignored for customers (R5). */
  callee?: string | string[];
}

/** The meet client: stores to render from, actions to call. */
export interface MeetClient {
  readonly $meet: MapStore<MeetState>;
  readonly $participants: ReadableAtom<readonly Participant[]>;
  readonly $local: MapStore<LocalState>;
  /** R1: audio-only participants a manager sending video must be told cannot see it. */
  readonly $audioOnlyNotice: ReadableAtom<{ id: string; name: string }[]>;
  /** Resolves once the adapter is connected (rejects with a coded error). */
  readonly ready: Promise<void>;
  call(options: CallOptions): Promise<void>;
  accept(): Promise<void>;
  decline(): void;
  cancel(): void;
  leave(): void;
  endForAll(): void;
  setMic(on: boolean): void;
  setCamera(on: boolean): Promise<void>;
  startScreenShare(): Promise<void>;
  stopScreenShare(): Promise<void>;
  join(link: string): Promise<void>;
  /** R14: switches microphone and/or camera; a live meet swaps tracks with `replaceTrack`. */
  setDevices(devices: { micId?: string | null; cameraId?: string | null }): Promise<void>;
  /** R15: turns the browser's noise suppression on or off (re-acquiring the mic if needed). */
  setNoiseSuppression(on: boolean): Promise<void>;
  /** R14: sets (or with `null` removes) the camera's video processor, mid-meet included. */
  setVideoProcessor(processor: VideoProcessor | null): Promise<void>;
  destroy(): void;
}
