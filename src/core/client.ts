/**
 * The meet client: nanostores to render from and plain actions to call. Data flows one
 * way — adapter messages → the client's stores; user intent → an action → the adapter.
 * No DOM rendering here: elements and framework wrappers sit on top.
 */
import { atom, computed, map } from 'nanostores';
import { noiseSuppressionSupport } from '../media/noise.js';
import type { Member, SignalMessage } from '../signaling/protocol.js';
import { asCoded } from './as-coded.js';
import { ChatMeetError, ErrorCodes } from './errors.js';
import { defaultMeetLink, meetIdFromLink, newMeetId } from './links.js';
import { createLocalMedia } from './local-media.js';
import * as rules from './rules.js';
import { createSession, type Session, type SessionContext } from './session.js';
import { canMove, isFree, type EndReason, type MeetStatus } from './status.js';
import { IDLE_MEET, type CallOptions, type LocalState, type MeetClient, type MeetClientOptions, type MeetState, type Participant, type VideoProcessor } from './types.js';

type Ring =
  | { dir: 'out'; meetId: string; conversationId: string | null; pending: Map<string, ReturnType<typeof setTimeout>> }
  | { dir: 'in'; meetId: string; from: string; timer: ReturnType<typeof setTimeout> };

/**
 * Creates a meet client and connects its adapter.
 *
 * @example
 * ```ts
 * const client = createMeetClient({ adapter, self: { id: 'cust-1', name: 'Mina', role: 'customer' } });
 * client.$meet.subscribe((m) => render(m.status));
 * await client.call({ conversationId: 'conv-9', assigneeId: 'mgr-2', kind: 'video' });
 * ```
 */
export function createMeetClient(options: MeetClientOptions): MeetClient {
  const { adapter, self } = options;
  const ringTimeoutMs = options.ringTimeoutMs ?? rules.DEFAULT_RING_TIMEOUT_MS;
  const meetLink = options.meetLink ?? defaultMeetLink;
  const $meet = map<MeetState>({ ...IDLE_MEET });
  const $participants = atom<readonly Participant[]>([]);
  const devices = { micId: options.devices?.micId ?? null, cameraId: options.devices?.cameraId ?? null };
  // R15: `null` where the browser cannot switch noise suppression; else the wish until a mic reads it back.
  const noiseSupported = noiseSuppressionSupport().supported;
  let noiseWanted = options.noiseSuppression ?? true;
  const $local = map<LocalState>({
    mic: !options.joinMuted, camera: false, screen: false, audioOnly: Boolean(self.audioOnly), devices,
    noiseSuppression: noiseSupported ? noiseWanted : null, videoProcessor: false, stream: null,
  });
  const $audioOnlyNotice = computed([$local, $participants], (l, ps) => rules.audioOnlyNotice({ role: self.role, sendingVideo: l.camera || l.screen }, ps));
  const media = createLocalMedia(options, () => ({ ...$local.get().devices, noiseSuppression: noiseSupported ? noiseWanted : null }));
  let processor: VideoProcessor | null = null;
  let session: Session | null = null;
  let ring: Ring | null = null;
  let destroyed = false;

  const selfMember = (): Member => ({ id: self.id, name: self.name, role: self.role, audioOnly: Boolean(self.audioOnly), mic: $local.get().mic, camera: $local.get().camera, screen: $local.get().screen });
  const setError = (error: unknown) => {
    const e = asCoded(error);
    $meet.setKey('error', e);
    return e;
  };
  function move(status: MeetStatus, patch: Partial<MeetState> = {}) {
    const from = $meet.get().status;
    if (!canMove(from, status)) return;
    $meet.set({ ...$meet.get(), ...patch, status });
    if (status === 'ended') {
      clearRing();
      session = null;
    }
  }
  const report: SessionContext['report'] = (r) => void adapter.report(r).catch(setError);
  const ctx: SessionContext = { adapter, media, iceServers: [...(options.iceServers ?? [])], iceTransportPolicy: options.iceTransportPolicy ?? 'all', joinMuted: Boolean(options.joinMuted), selfMember, $meet, $participants, $local, move, report, processor: () => processor, statsIntervalMs: Math.max(200, options.statsIntervalMs ?? 1000) };

  function clearRing() {
    if (ring?.dir === 'out') ring.pending.forEach((t) => clearTimeout(t));
    if (ring?.dir === 'in') clearTimeout(ring.timer);
    ring = null;
  }
  function end(reason: EndReason, announce: SignalMessage['type'] | null = null) {
    if (session) session.teardown(reason, announce);
    else move('ended', { endReason: reason });
  }
  const guard = async () => {
    if (destroyed) throw new ChatMeetError(ErrorCodes.DESTROYED, 'This meet client was destroyed; create a new one.');
    await ready;
  };
  const requireFree = () => {
    if (!isFree($meet.get().status)) throw new ChatMeetError(ErrorCodes.INVALID_STATE, `A meet is already ${$meet.get().status}; leave it first.`);
  };
  /** Enters the meet's room; on failure the meet ends with the error and the action rejects. */
  async function enter(meetId: string, kind: 'voice' | 'video') {
    const s = (session = createSession(ctx, meetId));
    try {
      await s.enter();
    } catch (error) {
      if (session === s) session = null;
      s.teardown('error', null);
      move('ended', { endReason: 'error' });
      throw setError(error);
    }
    // A video meet opens with the camera on; a refused camera keeps the meet going.
    if (kind === 'video' && !self.audioOnly) await s.setVideo('camera', true).catch(setError);
  }

  // Caller side (R5, R7, R10).
  function settleCallee(calleeId: string, outcome: 'accepted' | 'declined' | 'timeout' | 'cancelled') {
    if (ring?.dir !== 'out' || !ring.pending.has(calleeId)) return;
    clearTimeout(ring.pending.get(calleeId));
    ring.pending.delete(calleeId);
    const { meetId, conversationId } = ring;
    if (outcome === 'accepted') return void ($meet.get().status === 'ringing-out' && move('connecting'));
    report(rules.missedMeetReport({ meetId, conversationId, calleeId, reason: outcome }));
    if (outcome === 'timeout') report(rules.followUpReport({ meetId, conversationId, calleeId, reason: 'missed', link: meetLink(meetId) }));
    if (ring.pending.size === 0 && $participants.get().length === 0 && $meet.get().status === 'ringing-out') end(outcome === 'declined' ? 'declined' : outcome);
  }

  function onMessage(message: SignalMessage, from: string) {
    if (destroyed || from === self.id) return;
    const m = $meet.get();
    switch (message.type) {
      case 'ring':
        if (!isFree(m.status) || ring) return adapter.send(from, { type: 'ring-decline', meetId: message.meetId }); // busy
        ring = { dir: 'in', meetId: message.meetId, from, timer: setTimeout(() => ring?.dir === 'in' && end('timeout'), ringTimeoutMs + 2000) };
        return move('ringing-in', { ...IDLE_MEET, meetId: message.meetId, kind: message.kind, caller: { ...message.caller, id: from }, conversationId: message.conversationId ?? null, teamRoomId: message.teamRoomId ?? null });
      case 'ring-accept':
      case 'ring-decline':
        if (ring?.dir === 'out' && ring.meetId === message.meetId) settleCallee(from, message.type === 'ring-accept' ? 'accepted' : 'declined');
        return;
      case 'ring-cancel':
      case 'ring-timeout':
        if (ring?.dir === 'in' && ring.from === from && ring.meetId === message.meetId) end(message.type === 'ring-cancel' ? 'cancelled' : 'timeout');
        return;
      default:
        session?.handle(message, from);
    }
  }

  const unsubscribe = [
    adapter.on('message', onMessage),
    adapter.on('error', (e) => void setError(e)),
    adapter.on('state', (state) => {
      const status = $meet.get().status;
      if (state === 'reconnecting' && (status === 'live' || status === 'connecting')) move('reconnecting');
      if (state === 'open' && status === 'reconnecting') move('live');
      if (state === 'closed' && session) {
        setError(new ChatMeetError(ErrorCodes.NOT_CONNECTED, 'The connection to the meet server closed; the meet ended. Start or join it again.'));
        end('error');
      }
    }),
  ];
  const ready = adapter.connect({ id: self.id, name: self.name, role: self.role, token: self.token }).catch((e) => {
    throw setError(e);
  });
  ready.catch(() => undefined); // surfaced through $meet.error and every action

  return {
    $meet, $participants, $local, $audioOnlyNotice, ready,
    async call(o: CallOptions) {
      await guard();
      requireFree();
      if (o?.kind !== 'voice' && o?.kind !== 'video') throw setError(new ChatMeetError(ErrorCodes.INVALID_OPTIONS, "call() needs kind: 'voice' or 'video'."));
      const placeError = rules.meetPlaceError(o);
      if (placeError) throw setError(placeError);
      let targets: string[];
      try { targets = rules.ringTargets(self, o, o.callee); } catch (e) { throw setError(e); }
      const meetId = newMeetId();
      const conversationId = o.teamRoomId ? null : o.conversationId ?? null;
      move('ringing-out', { ...IDLE_MEET, meetId, kind: o.kind, conversationId, teamRoomId: o.teamRoomId ?? null, caller: selfMember() });
      ring = { dir: 'out', meetId, conversationId, pending: new Map() };
      await enter(meetId, 'voice');
      report({ type: 'meet-started', meetId, kind: o.kind, by: self.id, ...(conversationId ? { conversationId } : {}), ...(o.teamRoomId ? { teamRoomId: o.teamRoomId } : {}) });
      const online = await Promise.all(targets.map((t) => adapter.isOnline(t).catch(() => false)));
      if (ring?.dir !== 'out' || ring.meetId !== meetId) return; // cancelled meanwhile
      const caller = selfMember();
      targets.forEach((t, i) => {
        if (online[i] && ring?.dir === 'out') {
          ring.pending.set(t, setTimeout(() => (adapter.send(t, { type: 'ring-timeout', meetId }), settleCallee(t, 'timeout')), ringTimeoutMs));
          adapter.send(t, { type: 'ring', meetId, kind: o.kind, caller, ...(conversationId ? { conversationId } : {}), ...(o.teamRoomId ? { teamRoomId: o.teamRoomId } : {}) });
        } else {
          // R7: offline → a follow-up with the link; the caller waits in the meet.
          const link = meetLink(meetId);
          report(rules.followUpReport({ meetId, conversationId, calleeId: t, reason: 'offline', link }));
          $meet.setKey('followUpLink', link);
        }
      });
      if (ring.pending.size === 0) move('live');
      if (o.kind === 'video' && !self.audioOnly) await session?.setVideo('camera', true).catch(setError);
    },
    async accept() {
      await guard();
      if ($meet.get().status !== 'ringing-in' || ring?.dir !== 'in') throw new ChatMeetError(ErrorCodes.INVALID_STATE, 'Nothing is ringing: accept() answers an incoming meet.');
      const { meetId, from } = ring;
      clearTimeout(ring.timer);
      move('connecting');
      try {
        await enter(meetId, 'voice');
      } catch (error) {
        adapter.send(from, { type: 'ring-decline', meetId });
        throw error;
      }
      adapter.send(from, { type: 'ring-accept', meetId });
      if ($meet.get().kind === 'video' && !self.audioOnly) await session?.setVideo('camera', true).catch(setError);
    },
    decline() {
      if (ring?.dir !== 'in' || $meet.get().status !== 'ringing-in') return;
      adapter.send(ring.from, { type: 'ring-decline', meetId: ring.meetId });
      end('declined');
    },
    cancel() {
      if (ring?.dir !== 'out') return;
      const { meetId } = ring;
      for (const t of [...ring.pending.keys()]) {
        adapter.send(t, { type: 'ring-cancel', meetId });
        settleCallee(t, 'cancelled');
      }
    },
    leave() {
      if ($meet.get().status === 'ringing-in') return this.decline();
      this.cancel();
      if (session) end('left', 'participant-left');
    },
    endForAll() {
      if (!rules.canEndForAll(self.role)) throw setError(new ChatMeetError(ErrorCodes.NOT_ALLOWED, 'Only managers can end a meet for everyone (R11); use leave() to leave it yourself.'));
      if ($meet.get().status === 'ringing-in') return this.decline();
      this.cancel();
      if (session) end('ended-for-all', 'end-for-all');
    },
    setMic(on) {
      if (session) session.setMic(Boolean(on));
      else $local.setKey('mic', Boolean(on));
    },
    setCamera: (on) => video('camera', on),
    startScreenShare: () => video('screen', true),
    stopScreenShare: () => video('screen', false),
    async join(link) {
      await guard();
      requireFree();
      let meetId: string;
      try { meetId = meetIdFromLink(link); } catch (e) { throw setError(e); }
      move('connecting', { ...IDLE_MEET, meetId, kind: 'voice' });
      await enter(meetId, 'voice');
      if ($participants.get().length === 0) move('live'); // first one in: wait for the others
    },
    async setDevices(next) {
      const current = $local.get().devices;
      const pick = (v: string | null | undefined, was: string | null) => (v === undefined ? was : v === null ? null : String(v));
      const wanted = { micId: pick(next?.micId, current.micId), cameraId: pick(next?.cameraId, current.cameraId) };
      if (!session) return void $local.setKey('devices', wanted);
      try {
        await session.switchDevices(wanted);
      } catch (e) {
        throw setError(e);
      }
    },
    async setNoiseSuppression(on) {
      noiseWanted = Boolean(on);
      if (!noiseSupported) return;
      if (!session) return void $local.setKey('noiseSuppression', noiseWanted);
      try {
        $local.setKey('noiseSuppression', await session.setNoiseSuppression(noiseWanted));
      } catch (e) {
        throw setError(e);
      }
    },
    async setVideoProcessor(next) {
      if (next !== null && (typeof next?.start !== 'function' || typeof next?.stop !== 'function')) {
        throw setError(new ChatMeetError(ErrorCodes.INVALID_OPTIONS, 'setVideoProcessor() takes an object with start(track) and stop(), or null to remove it.'));
      }
      if (destroyed && next) throw new ChatMeetError(ErrorCodes.DESTROYED, 'This meet client was destroyed; create a new one.');
      const previous = processor;
      if (previous === next) return;
      processor = next;
      $local.setKey('videoProcessor', Boolean(next));
      try {
        await session?.applyProcessor(previous);
      } catch (e) {
        if (processor === next) {
          processor = null;
          $local.setKey('videoProcessor', false);
        }
        throw setError(e);
      } finally {
        previous?.stop();
      }
    },
    destroy() {
      if (destroyed) return;
      this.leave();
      processor?.stop();
      destroyed = true;
      clearRing();
      media.stopAll();
      unsubscribe.forEach((off) => off());
      adapter.close();
    },
  };

  async function video(source: 'camera' | 'screen', on: boolean) {
    if (!session) throw setError(new ChatMeetError(ErrorCodes.INVALID_STATE, 'Not in a meet: start, accept or join one first.'));
    try {
      await session.setVideo(source, Boolean(on));
    } catch (e) {
      throw setError(e);
    }
  }
}
