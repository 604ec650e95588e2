/**
 * What this client sends in a meet: the microphone, the camera (through the video
 * processor when one is set) and the screen. Every change reaches the links through
 * the mesh with `replaceTrack` — never a renegotiation — and changes run one at a time,
 * so a camera toggle, a device switch and a blur toggle clicked together cannot
 * interleave halfway.
 *
 * Privacy rule for processors (blur): while a processor is set, the raw camera never
 * goes out. Until its `start()` resolves, the links carry no camera video at all.
 */
import type { MapStore } from 'nanostores';
import { noiseSuppressionSupport, readNoiseSuppression, setNoiseSuppression as applyNoiseSuppression } from '../media/noise.js';
import { ChatMeetError, ErrorCodes } from './errors.js';
import type { LocalMedia } from './local-media.js';
import type { LocalState, VideoProcessor } from './types.js';

export interface OutgoingContext {
  media: LocalMedia;
  $local: MapStore<LocalState>;
  /** The client's video processor now (it outlives meets: a user's blur choice). */
  processor(): VideoProcessor | null;
  /** Re-puts the current tracks on every link. */
  refreshAudio(): Promise<void>;
  refreshVideo(): Promise<void>;
  /** The meet is over: captures that finish late are stopped at once. */
  closed(): boolean;
  /** The browser's own "Stop sharing" button ended the screen track. */
  screenEnded(): void;
}

export interface Outgoing {
  readonly mic: MediaStreamTrack | null;
  readonly camera: boolean;
  readonly screen: boolean;
  /** What the links' video senders carry: the screen, else the (processed) camera, else nothing. */
  video(): MediaStreamTrack | null;
  /** Captures the microphone (muted or not) and reads back its noise suppression. */
  startMic(enabled: boolean): Promise<void>;
  setMicEnabled(on: boolean): void;
  /** Turns the camera or the screen on or off; resolves false when nothing changed. */
  setVideo(source: 'camera' | 'screen', on: boolean): Promise<boolean>;
  /** Applies the client's (new) processor to a running camera; on failure the previous output stays. */
  applyProcessor(previous: VideoProcessor | null): Promise<void>;
  /** Re-captures the microphone and/or camera from other devices; resolves with the devices in use. */
  switchDevices(next: { micId: string | null; cameraId: string | null }): Promise<void>;
  /** R15: noise suppression on the live microphone; resolves with what is in effect (read back). */
  setNoiseSuppression(on: boolean): Promise<boolean | null>;
  /** Stops the processor and every track (the meet is over). */
  stop(): void;
}

const processorError = (error: unknown) =>
  error instanceof ChatMeetError
    ? error
    : new ChatMeetError(ErrorCodes.VIDEO_PROCESSOR_FAILED, `The video processor could not start (${(error as Error)?.message ?? error}); the camera is sent as before. Turn the effect off or try again.`);

export function createOutgoing(ctx: OutgoingContext): Outgoing {
  const { media } = ctx;
  let mic: MediaStreamTrack | null = null;
  let camera: MediaStreamTrack | null = null;
  /** The camera's track as sent: the processor's output, the camera itself, or null while a processor starts. */
  let cameraOut: MediaStreamTrack | null = null;
  let screen: MediaStreamTrack | null = null;
  /** The processor started on `camera`, if any. */
  let running: VideoProcessor | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn);
    queue = next.catch(() => undefined);
    return next;
  };
  const preview = () => {
    // The preview shows what the others get (blurred when a processor runs).
    const tracks = [mic, screen ?? cameraOut].filter((t): t is MediaStreamTrack => Boolean(t));
    ctx.$local.setKey('stream', tracks.length ? new MediaStream(tracks) : null);
  };
  async function startProcessor(p: VideoProcessor, cam: MediaStreamTrack): Promise<MediaStreamTrack> {
    running = p;
    try {
      return await p.start(cam);
    } catch (error) {
      if (running === p) running = null;
      p.stop();
      throw processorError(error);
    }
  }
  async function replaceMic(fresh: MediaStreamTrack) {
    const old = mic;
    fresh.enabled = old?.enabled ?? true;
    mic = fresh;
    await ctx.refreshAudio();
    if (old !== fresh) media.stop(old);
    preview();
  }

  return {
    get mic() {
      return mic;
    },
    get camera() {
      return Boolean(camera);
    },
    get screen() {
      return Boolean(screen);
    },
    video: () => screen ?? cameraOut,
    async startMic(enabled) {
      mic = await media.mic();
      if (ctx.closed()) return void media.stop(mic);
      mic.enabled = enabled;
      if (noiseSuppressionSupport().supported) ctx.$local.setKey('noiseSuppression', readNoiseSuppression(mic));
      preview();
    },
    setMicEnabled(on) {
      if (mic) mic.enabled = on;
    },
    setVideo(source, on) {
      return serial(async () => {
        if (ctx.closed()) throw new ChatMeetError(ErrorCodes.INVALID_STATE, 'The meet is over; start or join a meet first.');
        if (on === (source === 'camera' ? Boolean(camera) : Boolean(screen))) return false;
        if (source === 'screen') {
          const had = screen;
          if (on) {
            const track = await media.screen();
            if (ctx.closed()) return void media.stop(track), false;
            track.addEventListener('ended', () => screen === track && ctx.screenEnded());
            screen = track;
          } else screen = null;
          await ctx.refreshVideo();
          media.stop(had);
          preview();
          return true;
        }
        if (on) {
          const cam = await media.camera();
          const p = ctx.processor();
          let out = cam;
          if (p) {
            try {
              out = await startProcessor(p, cam);
            } catch (error) {
              media.stop(cam);
              throw error;
            }
          }
          if (ctx.closed()) {
            running?.stop();
            running = null;
            media.stop(cam);
            return false;
          }
          camera = cam;
          cameraOut = out;
        } else {
          const [cam, p] = [camera, running];
          camera = cameraOut = running = null;
          // Stop sending first, then stop what made the frames.
          await ctx.refreshVideo();
          p?.stop();
          media.stop(cam);
          preview();
          return true;
        }
        await ctx.refreshVideo();
        preview();
        return true;
      });
    },
    applyProcessor(previous) {
      return serial(async () => {
        if (!camera || ctx.closed()) return;
        const p = ctx.processor();
        const prevRunning = running;
        if (p) {
          // The raw camera stops going out at once; the processed track follows.
          cameraOut = null;
          await ctx.refreshVideo();
          preview();
          try {
            if (prevRunning && prevRunning === previous) prevRunning.stop();
            cameraOut = await startProcessor(p, camera);
          } catch (error) {
            // The client drops the failed processor (and the one before it is stopped by now),
            // so the camera goes out as it is, as with setVideoProcessor(null).
            running = null;
            cameraOut = camera;
            await ctx.refreshVideo();
            preview();
            throw error;
          }
        } else {
          running = null;
          cameraOut = camera;
        }
        await ctx.refreshVideo();
        preview();
      });
    },
    switchDevices(next) {
      return serial(async () => {
        const current = ctx.$local.get().devices;
        if (mic && next.micId !== current.micId && !ctx.closed()) {
          await replaceMic(await media.mic({ micId: next.micId }));
          ctx.$local.setKey('devices', { ...ctx.$local.get().devices, micId: next.micId });
        }
        if (camera && next.cameraId !== current.cameraId && !ctx.closed()) {
          const cam = await media.camera({ cameraId: next.cameraId });
          const [old, p] = [camera, running];
          if (p) {
            // A processor starts again on the new camera; nothing raw goes out meanwhile.
            cameraOut = null;
            await ctx.refreshVideo();
            p.stop();
            try {
              cameraOut = await startProcessor(p, cam);
            } catch (error) {
              media.stop(cam);
              cameraOut = await startProcessor(p, old!).catch(() => null);
              await ctx.refreshVideo();
              preview();
              throw error;
            }
          } else cameraOut = cam;
          camera = cam;
          await ctx.refreshVideo();
          media.stop(old);
          preview();
        }
        ctx.$local.setKey('devices', { ...next });
      });
    },
    setNoiseSuppression(on) {
      return serial(async () => {
        if (!noiseSuppressionSupport().supported) return null;
        if (!mic || ctx.closed()) return on;
        const old = mic;
        try {
          const result = await applyNoiseSuppression(old, on, (c) => media.mic({ noiseSuppression: c.noiseSuppression === true }));
          if (result.reacquired) await replaceMic(result.track);
          return result.inEffect;
        } catch (error) {
          // Re-acquiring failed after the old track was stopped: get the microphone back as it was.
          if (old.readyState === 'ended') await replaceMic(await media.mic({ noiseSuppression: !on }));
          throw error;
        }
      });
    },
    stop() {
      running?.stop();
      running = null;
      media.stop(mic);
      media.stop(camera);
      media.stop(screen);
      mic = camera = cameraOut = screen = null;
    },
  };
}
