/** Builds meet clients on one in-memory hub, and checks that media really flows. */
import { createMeetClient } from '../../src/core/client.js';
import type { MeetClient, MeetClientOptions } from '../../src/core/types.js';
import { createMemoryAdapter, createMemoryHub, type MemoryHub } from '../../src/signaling/memory.js';
import { waitFor } from './wait.js';
import './spy.js';

export interface World {
  hub: MemoryHub;
  add(id: string, role?: 'customer' | 'manager', extra?: Partial<MeetClientOptions>): MeetClient;
  /** The participant id `client` was added with. */
  idOf(client: MeetClient): string;
  destroy(): void;
}

export function createWorld(defaults: Partial<MeetClientOptions> = {}): World {
  const hub = createMemoryHub();
  const clients: MeetClient[] = [];
  const ids = new Map<MeetClient, string>();
  return {
    hub,
    idOf(client) {
      const id = ids.get(client);
      if (!id) throw new Error('this client is not from this world');
      return id;
    },
    add(id, role = 'manager', extra = {}) {
      const client = createMeetClient({
        adapter: createMemoryAdapter(hub),
        self: { id, name: `Name ${id}`, role, ...(extra.self ?? {}) },
        video: { width: 160, height: 120, frameRate: 15 },
        meetLink: (meetId) => `https://shop.example/help?chat-meet=${meetId}`,
        ...defaults,
        ...extra,
      });
      clients.push(client);
      ids.set(client, extra.self?.id ?? id);
      return client;
    },
    destroy() {
      for (const c of clients.splice(0)) c.destroy();
    },
  };
}

/** Resolves once `stream` renders `frames` video frames in a <video>; false after `timeoutMs`. */
export function videoFrames(stream: MediaStream | null, frames = 2, timeoutMs = 10_000): Promise<boolean> {
  if (!stream) return Promise.resolve(false);
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream(stream.getVideoTracks());
  return new Promise((resolve) => {
    let seen = 0;
    const done = (ok: boolean) => {
      clearTimeout(timer);
      video.srcObject = null;
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    const next = () => video.requestVideoFrameCallback(() => (++seen >= frames ? done(true) : next()));
    next();
    void video.play().catch(() => undefined);
  });
}

/** Waits until `client` sees every id in `ids` connected. */
export function connectedTo(client: MeetClient, ids: string[], timeoutMs = 15_000): Promise<void> {
  return waitFor(
    () => ids.every((id) => client.$participants.get().find((p) => p.id === id)?.connection === 'connected'),
    `links to ${ids.join(', ')}`,
    timeoutMs,
  );
}

/**
 * Starts a team meet by `host` (its callee is offline, so the host waits in the meet with a
 * follow-up link, R7) and has every other client join through that link; resolves once
 * every client sees every other one connected. Returns the link.
 */
export async function meetOf(world: World, host: MeetClient, others: MeetClient[], kind: 'voice' | 'video' = 'voice', timeoutMs = 30_000): Promise<string> {
  await host.call({ teamRoomId: 'team-1', callee: 'offline-someone', kind });
  const link = host.$meet.get().followUpLink!;
  for (const c of others) await c.join(link);
  const all = [host, ...others];
  const ids = all.map((c) => world.idOf(c));
  await Promise.all(all.map((c, i) => connectedTo(c, ids.filter((_, j) => j !== i), timeoutMs)));
  return link;
}

export const participant = (client: MeetClient, id: string) => client.$participants.get().find((p) => p.id === id);

const audioContexts: AudioContext[] = [];
/**
 * A microphone made with WebAudio: a steady tone (someone who never stops talking), or
 * silence with `gain` 0. For tests where two clients in one page must not share the fake
 * microphone device (Chromium gives a new capture of an open device the same processing).
 */
export function syntheticMicrophone(gain = 0.6): { getUserMedia(c: MediaStreamConstraints): Promise<MediaStream> } {
  return {
    async getUserMedia(c) {
      if (c.video) return navigator.mediaDevices.getUserMedia({ video: c.video });
      const ctx = new AudioContext();
      audioContexts.push(ctx);
      const osc = ctx.createOscillator();
      const level = ctx.createGain();
      level.gain.value = gain;
      const dest = ctx.createMediaStreamDestination();
      osc.connect(level).connect(dest);
      osc.start();
      return dest.stream;
    },
  };
}
/** Closes the audio contexts of {@link syntheticMicrophone}. */
export async function closeSyntheticMicrophones(): Promise<void> {
  for (const c of audioContexts.splice(0)) await c.close();
}

/** Plays `stream`'s audio in an <audio> element, as the call window does (Chromium measures levels on playout). */
export function playAudio(stream: MediaStream | null): () => void {
  if (!stream) return () => undefined;
  const audio = document.createElement('audio');
  audio.srcObject = new MediaStream(stream.getAudioTracks());
  void audio.play().catch(() => undefined);
  return () => {
    audio.pause();
    audio.srcObject = null;
  };
}
