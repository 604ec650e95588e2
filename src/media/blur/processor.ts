/**
 * The blur processor: camera → segmentation (every few frames when it is slow, reusing
 * the last mask) → WebGL2 compositor (every frame) → output track. A worker timer drives
 * the frames so a hidden tab keeps sending; the camera ending stops the loop.
 */
import { ChatMeetError, ErrorCodes } from '../../core/errors.js';
import { createEmitter } from '../../core/emitter.js';
import type { VideoProcessor } from '../../core/types.js';
import { resolveAssetBase } from './assets.js';
import { createCompositor, type Compositor } from './compositor.js';
import { startFrameClock, type FrameClock } from './frame-clock.js';
import { createFrameSource, firstFrame, type FrameSource, type InputKind } from './frame-source.js';
import { createOutputTrack, type OutputTrack } from './output.js';
import { loadSegmenter, type Segmenter } from './segmenter.js';
import { canBlur } from './support.js';

export interface BlurOptions {
  /** Folder serving chat-meet's `dist/blur-assets/` (absolute or page-relative). Default `/chat-meet/blur-assets/` on the page's origin. */
  assetBase?: string | URL;
  /** Where the model runs: `auto` picks the CPU when WebGL is software-rendered (no real GPU). */
  inference?: 'auto' | 'cpu' | 'gpu';
  /** Blur strength, 0.5–3. Default 1.5. */
  strength?: number;
  /** At most this many masks a second. Default 15. */
  maxMaskRate?: number;
  /** The share of the main thread segmentation may take (it runs there); lower = fewer masks. Default 0.4. */
  segmentationBudget?: number;
  /** A segmentation slower than this (ms, best of three at start) means the device is too slow: blur turns off. Default 250. */
  tooSlowMs?: number;
  /** Fewer frames a second than this for 8 s, even at the lowest mask rate (2/s): blur turns off. Default 8. */
  minFps?: number;
  /** How camera frames are read: a `<video>` (default), or MediaStreamTrackProcessor where it exists. */
  input?: InputKind;
  /** Called with each failure (also emitted as `error`); blur has already stopped itself. */
  onError?: (error: ChatMeetError) => void;
  /** After stop(), keep the loaded model this long for a quick restart. Default 30000 ms. */
  idleReleaseMs?: number;
}

/** What the loop did, for the benchmark and for a debug overlay. */
export interface BlurStats {
  running: boolean;
  /** Output frames drawn since start. */
  frames: number;
  /** Masks computed since start. */
  masks: number;
  /** Measured over the last second or so. */
  fps: number;
  maskRate: number;
  /** Moving averages, ms. */
  drawMs: number;
  segmentMs: number;
  /** The current wait between masks. */
  maskIntervalMs: number;
  cpuInference: boolean;
  workerClock: boolean;
  /** How camera frames are read, while running. */
  input: InputKind | null;
}

export interface BlurProcessor extends VideoProcessor {
  /** `error`: a coded failure; blur has stopped (the integration removes it from the client). */
  on(event: 'error', handler: (error: ChatMeetError) => void): () => void;
  stats(): BlurStats;
  /** The output track while running (what peers receive), else `null`. */
  readonly track: MediaStreamTrack | null;
  /** Stops and frees the model at once (stop() keeps it warm for a while). */
  close(): void;
}

const SEGMENT_WIDTH = 256; // the landscape model's input is 256x144: a bigger input only costs a resize.

interface Run {
  camera: MediaStreamTrack;
  source: FrameSource;
  small: HTMLCanvasElement;
  compositor: Compositor;
  output: OutputTrack;
  clock: FrameClock | null;
  segmenting: boolean;
  /** Frames drawn since the last mask started; a mask starts every `maskEvery` frames. */
  sinceMask: number;
  maskEvery: number;
  /** When the mask rate was last adapted, and the frame count then. */
  adaptedAt: number;
  adaptedFrames: number;
  /** Seconds in a row below `minFps` at the lowest mask rate. */
  slowSeconds: number;
  lastDrawAt: number;
  frameMs: number;
  onEnded: () => void;
}

const ewma = (avg: number, x: number) => (avg ? avg * 0.8 + x * 0.2 : x);

/**
 * Creates a background-blur {@link VideoProcessor} for `client.setVideoProcessor()`.
 * Loads MediaPipe on the first `start()`; rejects with a coded {@link ChatMeetError}
 * (`CM_BLUR_UNSUPPORTED`, `CM_BLUR_TOO_SLOW`, `CM_BLUR_LOAD_FAILED`, `CM_BLUR_FAILED`).
 *
 * @example
 * ```ts
 * const { createBlurProcessor } = await import('chat-meet/blur');
 * const blur = createBlurProcessor({ assetBase: '/static/chat-meet/blur-assets/' });
 * blur.on('error', (e) => { client.setVideoProcessor(null); showNotice(e.message); });
 * await client.setVideoProcessor(blur);
 * ```
 */
export function createBlurProcessor(options: BlurOptions = {}): BlurProcessor {
  const events = createEmitter<{ error: (error: ChatMeetError) => void }>();
  const maxMaskRate = options.maxMaskRate ?? 15;
  const budget = options.segmentationBudget ?? 0.4;
  const tooSlowMs = options.tooSlowMs ?? 250;
  const minFps = options.minFps ?? 8;
  let segmenter: Promise<Segmenter> | null = null;
  let loaded: Segmenter | null = null;
  let cpuInference = false;
  let releaseTimer: ReturnType<typeof setTimeout> | null = null;
  let run: Run | null = null;
  let generation = 0;
  const stats = { frames: 0, masks: 0, drawMs: 0, segmentMs: 0, window: [] as { t: number; frames: number; masks: number }[] };

  /** The fewest frames between masks: the rate cap, and segmentation's share of the thread. */
  const minMaskEvery = (r: Run) => Math.max(1, Math.ceil(Math.max(1000 / maxMaskRate, stats.segmentMs / budget) / r.frameMs - 0.01));
  /** The most: about two masks a second. */
  const maxMaskEvery = (r: Run) => Math.max(1, Math.round(500 / r.frameMs));

  /**
   * Once a second: when frames fall behind the camera, segment less often (the mask is
   * reused); when they keep up, segment more often again, within the bounds above.
   */
  function adapt(r: Run, now: number) {
    if (now - r.adaptedAt < 1000) return;
    const fps = ((stats.frames - r.adaptedFrames) * 1000) / (now - r.adaptedAt);
    const cameraFps = 1000 / r.frameMs;
    if (fps < cameraFps * 0.8) r.maskEvery += 1;
    else if (fps > cameraFps * 0.95) r.maskEvery -= 1;
    // Down to 5 masks a second while frames keep half the camera's rate (the thread may be
    // busy with other work, not ours); down to 2 only when they do not.
    const cap = fps < cameraFps * 0.5 ? maxMaskEvery(r) : Math.min(maxMaskEvery(r), Math.max(1, Math.round(200 / r.frameMs)));
    r.maskEvery = Math.min(cap, Math.max(minMaskEvery(r), r.maskEvery));
    r.adaptedAt = now;
    r.adaptedFrames = stats.frames;
    // Still too slow with the fewest masks: blur costs the call its video; turn it off.
    r.slowSeconds = fps < minFps && r.maskEvery === maxMaskEvery(r) ? r.slowSeconds + 1 : 0;
    if (r.slowSeconds >= 8) fail(new ChatMeetError(ErrorCodes.BLUR_TOO_SLOW, `Background blur is too slow on this device right now (${fps.toFixed(0)} frames a second even with the fewest masks); it turned itself off so the video stays smooth.`, { fps }));
  }

  function report(error: ChatMeetError) {
    options.onError?.(error);
    events.emit('error', error);
  }

  function ensureSegmenter(softwareGl: boolean): Promise<Segmenter> {
    if (releaseTimer) clearTimeout(releaseTimer);
    releaseTimer = null;
    if (!segmenter) {
      cpuInference = options.inference === 'cpu' || (options.inference !== 'gpu' && softwareGl);
      const assetBase = resolveAssetBase(options.assetBase, typeof location === 'undefined' ? 'http://localhost/' : location.href);
      const loading = (segmenter = loadSegmenter({ assetBase, cpuInference }));
      loading.then(
        (s) => (segmenter === loading ? (loaded = s) : s.close()),
        () => segmenter === loading && (segmenter = null),
      );
    }
    return segmenter;
  }
  function releaseSegmenter() {
    // Synchronously when loaded (the iframe goes at once); a load in flight closes when done.
    loaded?.close();
    loaded = null;
    segmenter = null;
  }

  /** Segments the current camera frame into the compositor; returns how long it took. */
  async function segmentInto(r: Run, seg: Segmenter): Promise<number> {
    const frame = r.source.current();
    if (frame) r.small.getContext('2d')!.drawImage(frame as CanvasImageSource, 0, 0, r.small.width, r.small.height);
    const t0 = performance.now();
    await seg.segment(r.small, (mask) => r.compositor.setMask(mask));
    return performance.now() - t0;
  }

  function tick(r: Run, seg: Segmenter, gen: number) {
    if (gen !== generation) return;
    if (r.camera.readyState === 'ended') return teardown();
    if (r.compositor.lost) return fail(new ChatMeetError(ErrorCodes.BLUR_FAILED, 'The browser took back blur\'s WebGL context (the GPU was reset or memory ran low); blur turned itself off.'));
    const t0 = performance.now();
    // Ticks that queued up while the thread was busy (a segmentation) are dropped, not
    // drawn back to back: the camera has no new frame for them.
    if (t0 - r.lastDrawAt < r.frameMs * 0.5) return;
    r.lastDrawAt = t0;
    // Draw first, with the last mask: every frame goes out even while segmentation lags.
    const frame = r.source.current();
    if (frame) r.compositor.draw(frame);
    r.output.push();
    stats.drawMs = ewma(stats.drawMs, performance.now() - t0);
    stats.frames += 1;
    r.sinceMask += 1;
    adapt(r, t0);
    if (gen !== generation) return; // adapt() turned blur off
    if (!r.segmenting && r.sinceMask >= r.maskEvery) {
      r.segmenting = true;
      r.sinceMask = 0;
      segmentInto(r, seg).then(
        (ms) => {
          if (gen !== generation) return;
          r.segmenting = false;
          stats.masks += 1;
          stats.segmentMs = ewma(stats.segmentMs, ms);
          if (stats.segmentMs > tooSlowMs * 1.5) fail(tooSlow(stats.segmentMs));
        },
        (error) => gen === generation && fail(error),
      );
    }
    const now = performance.now();
    stats.window.push({ t: now, frames: stats.frames, masks: stats.masks });
    while (stats.window.length > 2 && now - stats.window[0].t > 1500) stats.window.shift();
  }

  const tooSlow = (ms: number) => new ChatMeetError(ErrorCodes.BLUR_TOO_SLOW, `Background blur is too slow on this device (${Math.round(ms)} ms to find the person in a frame); it turned itself off so the video stays smooth.`, { segmentMs: Math.round(ms) });

  function fail(error: unknown) {
    const e = error instanceof ChatMeetError ? error : new ChatMeetError(ErrorCodes.BLUR_FAILED, `Background blur failed: ${(error as Error)?.message ?? error}. It turned itself off.`);
    // Stop drawing (the output keeps its last blurred frame: the raw camera is never sent),
    // drop the model, and tell the integration, which removes blur from the client.
    generation += 1;
    run?.clock?.stop();
    if (run) run.clock = null;
    releaseSegmenter();
    report(e);
  }

  function teardown() {
    generation += 1;
    const r = run;
    run = null;
    if (!r) return;
    r.clock?.stop();
    r.camera.removeEventListener('ended', r.onEnded);
    r.source.stop();
    r.output.stop();
    r.compositor.destroy();
    if (segmenter) {
      const idle = options.idleReleaseMs ?? 30_000;
      releaseTimer = setTimeout(releaseSegmenter, idle);
    }
  }

  async function start(camera: MediaStreamTrack): Promise<MediaStreamTrack> {
    teardown();
    const gen = ++generation;
    const stale = () => new ChatMeetError(ErrorCodes.BLUR_FAILED, 'Blur was stopped or restarted while starting.', { stale: true });
    const partial: Partial<Run> = {};
    try {
      const support = canBlur();
      if (!support.ok) throw support.error;
      const seg = await ensureSegmenter(support.softwareGl);
      if (gen !== generation) throw stale();

      const source = (partial.source = createFrameSource(camera, options.input));
      await firstFrame(source, camera);
      if (gen !== generation) throw stale();
      const { width, height } = source;
      const small = document.createElement('canvas');
      small.width = SEGMENT_WIDTH;
      small.height = Math.max(1, Math.round((SEGMENT_WIDTH * height) / width));
      const compositor = (partial.compositor = createCompositor({ width, height, strength: options.strength }));
      const r: Run = { camera, source, small, compositor, output: null!, clock: null, segmenting: false, sinceMask: 0, maskEvery: 1, adaptedAt: 0, adaptedFrames: 0, slowSeconds: 0, lastDrawAt: -Infinity, frameMs: 1000 / 30, onEnded: () => gen === generation && teardown() };

      // The speed check, on this device and this camera: one warm-up, then the best of three
      // (what the device can do; momentary contention is the run-time adaptation's job).
      const times: number[] = [];
      for (let i = 0; i < 4; i++) {
        const ms = await segmentInto(r, seg);
        if (gen !== generation) throw stale();
        if (i > 0 || stats.masks > 0) times.push(ms);
      }
      stats.segmentMs = Math.min(...times);
      if (stats.segmentMs > tooSlowMs) throw tooSlow(stats.segmentMs);

      r.output = partial.output = createOutputTrack(compositor.canvas);
      Object.assign(stats, { frames: 0, masks: 1, drawMs: 0, window: [] });
      run = r;
      camera.addEventListener('ended', r.onEnded);
      // The first processed frame exists before the track is handed out (never the raw camera).
      tick(r, seg, gen);
      const frameRate = Math.min(30, Math.max(5, camera.getSettings().frameRate ?? 24));
      r.frameMs = 1000 / frameRate;
      r.maskEvery = minMaskEvery(r);
      r.adaptedAt = performance.now();
      r.clock = startFrameClock(r.frameMs, () => tick(r, seg, gen));
      return r.output.track;
    } catch (error) {
      if (gen === generation) generation += 1;
      if (run === null) {
        partial.source?.stop();
        partial.output?.stop();
        partial.compositor?.destroy();
      }
      const e = error instanceof ChatMeetError ? error : new ChatMeetError(ErrorCodes.BLUR_FAILED, `Background blur could not start: ${(error as Error)?.message ?? error}`);
      // A start overtaken by stop() or a newer start is no failure of blur: nothing to report.
      if (!e.details?.stale) report(e);
      throw e;
    }
  }

  return {
    start,
    stop: teardown,
    on: (event, handler) => events.on(event, handler),
    get track() {
      return run?.output.track ?? null;
    },
    close() {
      teardown();
      if (releaseTimer) clearTimeout(releaseTimer);
      releaseSegmenter();
    },
    stats() {
      const w = stats.window;
      const span = w.length > 1 ? (w[w.length - 1].t - w[0].t) / 1000 : 0;
      const rate = (k: 'frames' | 'masks') => (span > 0 ? (w[w.length - 1][k] - w[0][k]) / span : 0);
      return {
        running: run !== null && run.clock !== null,
        frames: stats.frames,
        masks: stats.masks,
        fps: rate('frames'),
        maskRate: rate('masks'),
        drawMs: stats.drawMs,
        segmentMs: stats.segmentMs,
        maskIntervalMs: run ? run.maskEvery * run.frameMs : 0,
        cpuInference,
        workerClock: run?.clock?.worker ?? false,
        input: run?.source.kind ?? null,
      };
    },
  };
}
