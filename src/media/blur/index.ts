/**
 * `chat-meet/blur`: background blur for the camera (R14, R15), built on MediaPipe selfie
 * segmentation. Heavy (MediaPipe's wasm and model, ~6 MB, from the integrator's origin):
 * load it with `import()` only when the user turns blur on.
 *
 * @example
 * ```ts
 * const { canBlur, enableBlur } = await import('chat-meet/blur');
 * if (canBlur().ok) await enableBlur(client, { onError: (e) => toast(e.message) });
 * ```
 *
 * @packageDocumentation
 */
export { createBlurProcessor, type BlurOptions, type BlurProcessor, type BlurStats } from './processor.js';
export { canBlur, type BlurSupport, type BlurEnvironment, type OutputKind } from './support.js';
export { enableBlur } from './enable.js';
export { BLUR_ASSET_FILES, DEFAULT_ASSET_BASE } from './assets.js';
