/**
 * Named states of the call window for rendering tests, axe and screenshots: a client
 * shaped like the real one (same nanostores) whose stores are set directly, and canvas
 * streams as cameras and screens. Live-media behaviour is tested with real clients
 * (test/elements/call.test.ts); this only fixes what is on screen.
 */
import { atom, map, type MapStore, type WritableAtom } from 'nanostores';
import type { LocalState, MeetClient, MeetState, Participant } from '../../src/core/types.js';

const COLOURS = ['#0f766e', '#7c3aed', '#b45309', '#1d4ed8', '#be123c', '#4d7c0f', '#0369a1', '#a21caf', '#c2410c', '#334155'];
const streams: MediaStream[] = [];

/** A moving, labelled canvas as a camera (or a "screen" with `screen`). */
export function canvasStream(label: string, colour: string, screen = false): MediaStream {
  const canvas = document.createElement('canvas');
  canvas.width = screen ? 640 : 320;
  canvas.height = screen ? 400 : 180;
  const g = canvas.getContext('2d')!;
  const draw = () => {
    g.fillStyle = screen ? '#f8fafc' : colour;
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.fillStyle = screen ? '#0f172a' : '#ffffff';
    g.font = `${screen ? 28 : 40}px sans-serif`;
    g.fillText(screen ? `${label}: shared screen` : label, 20, canvas.height / 2);
    if (screen) for (let i = 0; i < 6; i++) g.fillRect(20, 240 + i * 22, 200 + ((i * 97) % 380), 10);
  };
  draw();
  const stream = canvas.captureStream(5);
  streams.push(stream);
  const timer = setInterval(draw, 200);
  stream.getVideoTracks()[0].addEventListener('ended', () => clearInterval(timer));
  return stream;
}

/** Stops every canvas stream made here. */
export function stopCanvasStreams() {
  for (const s of streams.splice(0)) for (const t of s.getTracks()) {
    t.stop();
    t.dispatchEvent(new Event('ended')); // stop() fires no 'ended' by itself; it clears the draw timer
  }
}

export function person(i: number, patch: Partial<Participant> = {}): Participant {
  const names = ['Mina Kim', 'Alex Park', 'Yuki Sato', 'Jun Lee', 'Sara Choi', 'Ken Ito', 'Hana Yoon', 'Leo Han', 'Aiko Mori'];
  const name = names[i % names.length];
  const camera = patch.camera ?? true;
  return {
    id: `p${i}`, name, role: i === 0 ? 'customer' : 'manager', mic: true, camera, screen: false, audioOnly: false,
    connection: 'connected', speaking: false, quality: 'good', stream: camera ? canvasStream(name, COLOURS[i % COLOURS.length]) : null,
    ...patch,
  };
}

export interface StateClient extends MeetClient {
  readonly $meet: MapStore<MeetState>;
  readonly $local: MapStore<LocalState>;
  readonly $participants: WritableAtom<readonly Participant[]>;
  readonly $audioOnlyNotice: WritableAtom<{ id: string; name: string }[]>;
}

/** A client in a fixed state; its actions only move the stores (no media, no network). */
export function stateClient(meet: Partial<MeetState>, participants: Participant[], local: Partial<LocalState> = {}): StateClient {
  const $meet = map<MeetState>({ status: 'live', kind: 'video', meetId: 'm1', conversationId: 'c1', teamRoomId: null, endReason: null, caller: null, error: null, followUpLink: null, ...meet });
  const $participants = atom<readonly Participant[]>(participants);
  const $local = map<LocalState>({ mic: true, camera: true, screen: false, audioOnly: false, devices: { micId: null, cameraId: null }, noiseSuppression: true, videoProcessor: false, stream: canvasStream('You', '#475569'), ...local });
  const $audioOnlyNotice = atom<{ id: string; name: string }[]>([]);
  const noop = async () => undefined;
  return {
    $meet, $participants, $local, $audioOnlyNotice, ready: Promise.resolve(),
    call: noop, accept: noop, decline() {}, cancel() {}, leave: () => $meet.setKey('status', 'ended'), endForAll: () => $meet.setKey('status', 'ended'),
    setMic: (on) => $local.setKey('mic', on), setCamera: async (on) => $local.setKey('camera', on),
    startScreenShare: async () => $local.setKey('screen', true), stopScreenShare: async () => $local.setKey('screen', false),
    join: noop, setDevices: noop, setNoiseSuppression: async (on) => $local.setKey('noiseSuppression', on), setVideoProcessor: noop, destroy() {},
  };
}

/** Every state of the call window worth seeing, by name. */
export const callStates: Record<string, { caption: string; make: () => { client: StateClient; props?: Record<string, unknown> } }> = {
  connecting: { caption: 'joining: links still connecting', make: () => ({ client: stateClient({ status: 'connecting' }, [person(0, { connection: 'connecting' })]) }) },
  'live-two': { caption: 'two people, one speaking', make: () => ({ client: stateClient({}, [person(0, { speaking: true })]) }) },
  'live-ten-manager': {
    caption: 'ten people (the maximum), a manager\'s controls; mixed mic, camera, quality and link states',
    make: () => ({
      client: stateClient({}, Array.from({ length: 9 }, (_, i) => {
        const quality = (['good', 'fair', 'poor'] as const)[i % 3];
        return person(i, { mic: i % 3 !== 1, camera: i % 4 !== 2, speaking: i === 3, connection: i === 7 ? 'reconnecting' : 'connected', quality });
      })),
      props: { userRole: 'manager' },
    }),
  },
  'screen-share': {
    caption: 'a shared screen on the large tile',
    make: () => {
      const sharer = person(1, { screen: true, camera: false });
      sharer.stream = canvasStream(sharer.name, '#000', true);
      return { client: stateClient({}, [person(0), sharer]) };
    },
  },
  reconnecting: { caption: 'the signaling connection dropped', make: () => ({ client: stateClient({ status: 'reconnecting' }, [person(0, { connection: 'reconnecting' })]) }) },
  'audio-only-notice': {
    caption: 'R1: a manager sending video is told a phone participant cannot see it',
    make: () => {
      const client = stateClient({}, [person(0, { audioOnly: true, camera: false })], { camera: true });
      client.$audioOnlyNotice.set([{ id: 'p0', name: 'Mina Kim' }]);
      return { client, props: { userRole: 'manager' } };
    },
  },
  'voice-muted': { caption: 'a voice meet, my microphone off', make: () => ({ client: stateClient({ kind: 'voice' }, [person(0, { camera: false }), person(1, { camera: false, mic: false })], { camera: false, mic: false, stream: null }) }) },
  minimised: { caption: 'minimised to a pill; the meet goes on', make: () => ({ client: stateClient({}, [person(0, { speaking: true })]), props: { minimised: true } }) },
  mobile: { caption: 'mobile layout: full screen, no screen share (R12)', make: () => ({ client: stateClient({}, [person(0), person(1), person(2)]), props: { layout: 'mobile', environment: { inApp: false, mobile: true, os: 'android', supports: { meet: true, screenShare: false } } } }) },
};
