/**
 * One meet this client is in: the room, the remote participants, the mesh and the
 * local media. Messages of the room come in through {@link Session.handle}; the
 * client's actions go out through the media controls and {@link Session.teardown}.
 */
import type { SignalingAdapter } from '../signaling/adapter.js';
import type { BackendReport, Member, SignalMessage } from '../signaling/protocol.js';
import { ChatMeetError, ErrorCodes } from './errors.js';
import type { LocalMedia } from './local-media.js';
import { createStatsPoller } from './link-stats.js';
import { createMesh, type Mesh } from './mesh.js';
import { createOutgoing } from './outgoing.js';
import { canEndForAll, canJoinMeet, nextMeetKind, roomFullError } from './rules.js';
import type { EndReason, MeetStatus } from './status.js';
import type { LocalState, MeetState, Participant, VideoProcessor } from './types.js';
import type { MapStore, WritableAtom } from 'nanostores';

/** What a session needs from its client. */
export interface SessionContext {
  adapter: SignalingAdapter;
  media: LocalMedia;
  iceServers: RTCIceServer[];
  iceTransportPolicy: RTCIceTransportPolicy;
  joinMuted: boolean;
  selfMember(): Member;
  $meet: MapStore<MeetState>;
  $participants: WritableAtom<readonly Participant[]>;
  $local: MapStore<LocalState>;
  move(status: MeetStatus, patch?: Partial<MeetState>): void;
  report(report: BackendReport): void;
  /** The client's video processor (background blur), applied to the camera. */
  processor(): VideoProcessor | null;
  /** How often speaking and link quality are read while live (ms). */
  statsIntervalMs: number;
}

export interface Session {
  readonly meetId: string;
  /** Joins the room, starts the microphone, tells the room, links to everyone there. */
  enter(): Promise<void>;
  handle(message: SignalMessage, from: string): void;
  setMic(on: boolean): void;
  setVideo(source: 'camera' | 'screen', on: boolean): Promise<void>;
  /** The client's processor changed from `previous`: apply the new one to a running camera. */
  applyProcessor(previous: VideoProcessor | null): Promise<void>;
  switchDevices(next: { micId: string | null; cameraId: string | null }): Promise<void>;
  /** R15: resolves with what is in effect, read back from the microphone. */
  setNoiseSuppression(on: boolean): Promise<boolean | null>;
  /** Leaves the room: closes every link, stops every local track, tells the room unless `silent`. */
  teardown(reason: EndReason, announce: SignalMessage['type'] | null): void;
  size(): number;
}

export function createSession(ctx: SessionContext, meetId: string): Session {
  const { adapter, media } = ctx;
  let closed = false;
  let entered = false;
  // Signals from someone whose participant-joined has not arrived yet (adapters that do
  // not keep one sender's order across send and broadcast).
  const early = new Map<string, Extract<SignalMessage, { type: 'signal' }>[]>();

  const patch = (id: string, p: Partial<Participant>) =>
    ctx.$participants.set(ctx.$participants.get().map((x) => (x.id === id ? { ...x, ...p } : x)));
  const mediaState = (): SignalMessage => ({ type: 'media-state', meetId, mic: ctx.$local.get().mic, camera: out.camera, screen: out.screen });

  const out = createOutgoing({
    media,
    $local: ctx.$local,
    processor: ctx.processor,
    refreshAudio: () => mesh.refreshAudio(),
    refreshVideo: () => mesh.refreshVideo(),
    closed: () => closed,
    screenEnded: () => void session.setVideo('screen', false).catch(() => undefined),
  });
  const mesh: Mesh = createMesh({
    selfId: ctx.selfMember().id,
    iceServers: () => ctx.iceServers,
    iceTransportPolicy: ctx.iceTransportPolicy,
    baseTracks: () => ({ audio: out.mic!, video: media.placeholder() }),
    currentVideo: () => (ctx.selfMember().audioOnly ? null : out.video()),
    sendSignal: (to, epoch, data) => !closed && adapter.send(to, { type: 'signal', meetId, epoch, data }),
    onState: (id, connection) => {
      patch(id, { connection });
      const status = ctx.$meet.get().status;
      if (connection === 'connected' && (status === 'connecting' || status === 'ringing-out' || status === 'reconnecting')) ctx.move('live');
    },
    onStream: (id, stream) => patch(id, { stream }),
  });

  function addParticipant(m: Member, from: string) {
    if (from === ctx.selfMember().id || closed) return;
    const known = ctx.$participants.get().find((p) => p.id === from);
    const fields = { name: m.name, role: m.role, audioOnly: m.audioOnly, mic: m.mic, camera: m.camera, screen: m.screen };
    if (known) patch(from, fields);
    else ctx.$participants.set([...ctx.$participants.get(), { id: from, ...fields, connection: 'connecting', speaking: false, quality: null, stream: null }]);
    if (m.camera || m.screen) promote(false);
    mesh.add({ id: from, audioOnly: m.audioOnly });
    for (const s of early.get(from) ?? []) mesh.signal(from, s.epoch, s.data);
    early.delete(from);
  }

  /** R4: voice becomes video, one way; whoever turned video on tells the room and the backend. */
  function promote(announce: boolean) {
    const kind = ctx.$meet.get().kind ?? 'voice';
    if (nextMeetKind(kind, { camera: true, screen: false }) === kind) return;
    ctx.$meet.setKey('kind', 'video');
    if (!announce) return;
    adapter.broadcast(meetId, { type: 'kind-changed', meetId, kind: 'video' });
    ctx.report({ type: 'meet-kind-changed', meetId, kind: 'video' });
  }

  // Speaking and link quality (getStats), read only while the meet is live.
  const stats = createStatsPoller({
    links: () => mesh.links(),
    micOn: (id) => ctx.$participants.get().find((p) => p.id === id)?.mic ?? false,
    update(id, next) {
      const p = ctx.$participants.get().find((x) => x.id === id);
      if (p && (p.speaking !== next.speaking || p.quality !== next.quality)) patch(id, next);
    },
    intervalMs: ctx.statsIntervalMs,
  });
  const offStatus = ctx.$meet.subscribe((m) => (m.status === 'live' && entered && !closed ? stats.start() : stats.stop()));

  const session: Session = {
    meetId,
    size: () => ctx.$participants.get().length + 1,
    async enter() {
      const snapshot = await adapter.join(meetId, ctx.selfMember());
      const others = snapshot.members.filter((m) => m.id !== ctx.selfMember().id);
      // R3 on the client too, for backends that do not refuse themselves.
      if (!canJoinMeet(others.length)) {
        await adapter.leave(meetId).catch(() => undefined);
        throw roomFullError(meetId);
      }
      try {
        await out.startMic(!ctx.joinMuted);
      } catch (error) {
        await adapter.leave(meetId).catch(() => undefined);
        throw error;
      }
      if (closed || !out.mic) return;
      ctx.$local.set({ ...ctx.$local.get(), mic: out.mic.enabled, camera: false, screen: false });
      if (snapshot.iceServers?.length) ctx.iceServers = [...ctx.iceServers, ...snapshot.iceServers];
      if (snapshot.kind === 'video') ctx.$meet.setKey('kind', 'video');
      adapter.broadcast(meetId, { type: 'participant-joined', meetId, member: { ...ctx.selfMember(), mic: out.mic.enabled } });
      for (const m of others) addParticipant(m, m.id);
      entered = true;
      if (ctx.$meet.get().status === 'live') stats.start();
    },
    handle(message, from) {
      if (closed || message.meetId !== meetId || from === ctx.selfMember().id) return;
      const known = ctx.$participants.get().find((p) => p.id === from);
      switch (message.type) {
        case 'participant-joined':
          addParticipant(message.member, from);
          // Bring the newcomer up to date: our media, and the meet's kind (R4).
          adapter.send(from, mediaState());
          if (ctx.$meet.get().kind === 'video') adapter.send(from, { type: 'kind-changed', meetId, kind: 'video' });
          return;
        case 'participant-left':
          if (!known) return;
          mesh.remove(from);
          ctx.$participants.set(ctx.$participants.get().filter((p) => p.id !== from));
          void mesh.refreshCaps();
          return;
        case 'media-state':
          if (!known) return;
          patch(from, { mic: message.mic, camera: message.camera, screen: message.screen });
          if (message.camera || message.screen) promote(false);
          return;
        case 'kind-changed':
          promote(false);
          return;
        case 'end-for-all':
          // R11: only a manager in this meet can end it for everyone.
          if (known && canEndForAll(known.role)) this.teardown('ended-for-all', null);
          return;
        case 'signal':
          if (known) mesh.signal(from, message.epoch, message.data);
          else if (early.size < 20) early.set(from, [...(early.get(from) ?? []), message].slice(-200));
          return;
        default:
          return;
      }
    },
    setMic(on) {
      if (!out.mic) return;
      out.setMicEnabled(on);
      ctx.$local.setKey('mic', on);
      adapter.broadcast(meetId, mediaState());
    },
    async setVideo(source, on) {
      if (closed) throw new ChatMeetError(ErrorCodes.INVALID_STATE, 'The meet is over; start or join a meet first.');
      if (on && ctx.selfMember().audioOnly) throw new ChatMeetError(ErrorCodes.NOT_ALLOWED, 'An audio-only (phone) participant cannot send video (R1).');
      if (!(await out.setVideo(source, on))) return;
      ctx.$local.setKey(source, on);
      adapter.broadcast(meetId, mediaState());
      if (on) promote(true);
    },
    applyProcessor: (previous) => out.applyProcessor(previous),
    switchDevices: (next) => out.switchDevices(next),
    setNoiseSuppression: (on) => out.setNoiseSuppression(on),
    teardown(reason, announce) {
      if (closed) return;
      closed = true;
      offStatus();
      stats.stop();
      if (announce) adapter.broadcast(meetId, { type: announce, meetId } as SignalMessage);
      void adapter.leave(meetId).catch(() => undefined);
      mesh.destroy();
      out.stop();
      media.stopAll();
      ctx.$participants.set([]);
      ctx.$local.set({ ...ctx.$local.get(), mic: false, camera: false, screen: false, stream: null });
      if (entered) ctx.report({ type: 'meet-ended', meetId, reason, kind: ctx.$meet.get().kind ?? 'voice' });
      ctx.move('ended', { endReason: reason });
    },
  };
  return session;
}
