/**
 * R15: whether background blur can run here, decided by feature tests (never by the
 * browser's name): WebGL2 for the compositor, a way to turn a canvas into a track, and
 * WebAssembly SIMD for MediaPipe's wasm (its SIMD build is the only one chat-meet ships).
 */
import { ChatMeetError, ErrorCodes } from '../../core/errors.js';

/** How the processed frames become a track. */
export type OutputKind = 'capture-stream';

export type BlurSupport =
  | { ok: true; output: OutputKind; /** WebGL runs in software (no real GPU): use CPU inference. */ softwareGl: boolean }
  | { ok: false; reason: 'dom' | 'webgl2' | 'output' | 'wasm-simd'; error: ChatMeetError };

/** What {@link canBlur} looks at; tests and odd hosts may pass another window. */
export interface BlurEnvironment {
  window?: Window & typeof globalThis;
}

// The smallest module using a SIMD instruction (i8x16.splat) — the same probe MediaPipe uses.
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 9, 1, 7, 0, 65, 0, 253, 15, 26, 11]);

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i;

/**
 * The output path this window offers: `canvas.captureStream()`, which reads the canvas back
 * off the main thread (~4–6 ms a frame on the main thread here). MediaStreamTrackGenerator
 * with `new VideoFrame(canvas)` was measured too and dropped: a synchronous read-back
 * (~20 ms a frame in software GL) and, under load, a <video> rendered almost none of its
 * frames (docs/decisions/0006-blur-containment-and-pipeline.md).
 */
export function outputKind(win: Window & typeof globalThis): OutputKind | null {
  return typeof win.HTMLCanvasElement?.prototype.captureStream === 'function' ? 'capture-stream' : null;
}

/** Reads the real renderer name where the browser tells it; `null` where it does not. */
export function glRenderer(gl: WebGL2RenderingContext): string | null {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : null;
  return typeof name === 'string' ? name : null;
}

export const isSoftwareRenderer = (name: string | null) => name !== null && SOFTWARE_RENDERERS.test(name);

const unsupported = (reason: Exclude<BlurSupport, { ok: true }>['reason'], message: string): BlurSupport => ({
  ok: false,
  reason,
  error: new ChatMeetError(ErrorCodes.BLUR_UNSUPPORTED, message, { reason }),
});

/**
 * Feature tests for background blur. Cheap (one throwaway WebGL2 context, freed at once);
 * the speed check happens when blur starts, on real camera frames.
 *
 * @example
 * ```ts
 * const support = canBlur();
 * blurToggle.disabled = !support.ok;
 * if (!support.ok) blurToggle.title = support.error.message;
 * ```
 */
export function canBlur(env: BlurEnvironment = {}): BlurSupport {
  const win = env.window ?? (typeof window === 'undefined' ? undefined : window);
  if (!win?.document) return unsupported('dom', 'Background blur needs a browser page (no DOM here).');
  const canvas = win.document.createElement('canvas');
  const gl = canvas.getContext('webgl2');
  if (!gl) {
    return unsupported('webgl2', 'Background blur needs WebGL2, which this browser or device does not offer (or has turned off). Blur stays off; the camera works without it.');
  }
  const softwareGl = isSoftwareRenderer(glRenderer(gl));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  const output = outputKind(win);
  if (!output) return unsupported('output', 'Background blur needs canvas.captureStream(), which this browser lacks. Blur stays off.');
  const wasm = (win as unknown as { WebAssembly?: typeof WebAssembly }).WebAssembly;
  if (!wasm?.validate?.(SIMD_PROBE)) {
    return unsupported('wasm-simd', 'Background blur needs WebAssembly SIMD, which this browser lacks (update it). Blur stays off.');
  }
  return { ok: true, output, softwareGl };
}
