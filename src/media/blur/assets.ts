/**
 * MediaPipe's files that blur loads at run time. They ship in the package under
 * `dist/blur-assets/` (copied by scripts/lib/blur-assets.mjs at build) and load from the
 * integrator's own origin: nothing is fetched from a third-party CDN.
 */

/** Where the assets are looked up unless `assetBase` says otherwise (on the page's origin). */
export const DEFAULT_ASSET_BASE = '/chat-meet/blur-assets/';

/**
 * The files blur needs, by the names MediaPipe asks for. Only the SIMD wasm ships:
 * {@link canBlur} requires SIMD, so the plain build would never load.
 */
export const BLUR_ASSET_FILES = [
  'selfie_segmentation.js',
  'selfie_segmentation.binarypb',
  'selfie_segmentation_landscape.tflite',
  'selfie_segmentation_solution_simd_wasm_bin.js',
  'selfie_segmentation_solution_simd_wasm_bin.wasm',
  'selfie_segmentation_solution_simd_wasm_bin.data',
] as const;

/** Resolves `assetBase` (absolute, or relative to the page) to a URL ending in `/`. */
export function resolveAssetBase(assetBase: string | URL | undefined, pageUrl: string): string {
  const url = new URL(String(assetBase ?? DEFAULT_ASSET_BASE), pageUrl).href;
  return url.endsWith('/') ? url : `${url}/`;
}
