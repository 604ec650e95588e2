/**
 * Turns the compositor's canvas into the track peers receive. Where the browser has
 * MediaStreamTrackGenerator (Chromium), each drawn frame is written as a VideoFrame:
 * it keeps flowing in hidden tabs. Elsewhere (Safari, Firefox) `captureStream(0)` with
 * `requestFrame()` after each draw does the same job.
 */
import type { OutputKind } from './support.js';

export interface OutputTrack {
  readonly track: MediaStreamTrack;
  /** Sends what the canvas shows now as the next frame. */
  push(): void;
  stop(): void;
}

type Generator = MediaStreamTrack & { writable: WritableStream<VideoFrame> };
type GeneratorCtor = new (init: { kind: 'video' }) => Generator;

export function createOutputTrack(canvas: HTMLCanvasElement, kind: OutputKind): OutputTrack {
  if (kind === 'track-generator') {
    const Ctor = (globalThis as unknown as { MediaStreamTrackGenerator: GeneratorCtor }).MediaStreamTrackGenerator;
    const track = new Ctor({ kind: 'video' });
    const writer = track.writable.getWriter();
    let writing = false;
    return {
      track,
      push() {
        // A frame still being written (the encoder is behind) is not queued behind: drop.
        if (writing || track.readyState === 'ended') return;
        const frame = new VideoFrame(canvas, { timestamp: Math.round(performance.now() * 1000), alpha: 'discard' });
        writing = true;
        writer.write(frame).then(
          () => (writing = false),
          () => (writing = false, frame.close()),
        );
      },
      stop() {
        track.stop();
        void writer.close().catch(() => undefined);
      },
    };
  }
  const stream = canvas.captureStream(0);
  const track = stream.getVideoTracks()[0] as CanvasCaptureMediaStreamTrack;
  return {
    track,
    push: () => track.requestFrame(),
    stop: () => track.stop(),
  };
}
