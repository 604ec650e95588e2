/**
 * The camera's latest frame, for the compositor and the segmenter: a detached, muted
 * `<video>` playing the track (default), or MediaStreamTrackProcessor VideoFrames
 * (`input: 'track-processor'`, Chromium). MediaPipe never sees a VideoFrame (it throws on
 * them): the segmenter gets a canvas copy.
 */
import { ChatMeetError, ErrorCodes } from '../../core/errors.js';

export type InputKind = 'track-processor' | 'video';

export interface FrameSource {
  readonly kind: InputKind;
  /** The latest frame, or `null` before the first. Valid until the next frame arrives. */
  current(): TexImageSource | null;
  readonly width: number;
  readonly height: number;
  stop(): void;
}

type ProcessorCtor = new (init: { track: MediaStreamTrack; maxBufferSize?: number }) => { readable: ReadableStream<VideoFrame> };

/**
 * The default input: a `<video>`. MediaStreamTrackProcessor was measured too
 * (scripts/bench-blur.mjs): its reader runs on the main thread, which blur keeps busy, so
 * under load it fell behind and the output lost frames (13 fps against 25 fps for the
 * `<video>` in the same run). It stays available as `input: 'track-processor'`.
 */
export function inputKind(): InputKind {
  return 'video';
}

/** Whether this browser can read the camera with MediaStreamTrackProcessor. */
export const canUseTrackProcessor = () =>
  typeof (globalThis as unknown as { MediaStreamTrackProcessor?: ProcessorCtor }).MediaStreamTrackProcessor === 'function';

function fromProcessor(camera: MediaStreamTrack): FrameSource {
  const Ctor = (globalThis as unknown as { MediaStreamTrackProcessor: ProcessorCtor }).MediaStreamTrackProcessor;
  const reader = new Ctor({ track: camera, maxBufferSize: 1 }).readable.getReader();
  let latest: VideoFrame | null = null;
  let stopped = false;
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done || !value) break;
      if (stopped) {
        value.close();
        break;
      }
      latest?.close();
      latest = value;
    }
  })();
  return {
    kind: 'track-processor',
    current: () => latest,
    get width() {
      return latest?.displayWidth ?? 0;
    },
    get height() {
      return latest?.displayHeight ?? 0;
    },
    stop() {
      stopped = true;
      void reader.cancel().catch(() => undefined);
      latest?.close();
      latest = null;
    },
  };
}

function fromVideo(camera: MediaStreamTrack): FrameSource {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([camera]);
  void video.play().catch(() => undefined);
  const ready = () => video.readyState >= 2 && video.videoWidth > 0;
  return {
    kind: 'video',
    current: () => (ready() ? video : null),
    get width() {
      return video.videoWidth;
    },
    get height() {
      return video.videoHeight;
    },
    stop() {
      video.pause();
      video.srcObject = null;
    },
  };
}

export function createFrameSource(camera: MediaStreamTrack, kind: InputKind = inputKind()): FrameSource {
  return kind === 'track-processor' && canUseTrackProcessor() ? fromProcessor(camera) : fromVideo(camera);
}

/** Waits for the first frame (10 s at most; the camera ending fails at once). */
export async function firstFrame(source: FrameSource, camera: MediaStreamTrack, timeoutMs = 10_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!source.current() || !source.width) {
    if (camera.readyState === 'ended') throw new ChatMeetError(ErrorCodes.BLUR_FAILED, 'The camera stopped before blur started.');
    if (performance.now() > end) throw new ChatMeetError(ErrorCodes.BLUR_FAILED, `The camera sent no frame within ${timeoutMs / 1000} s; blur did not start.`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
