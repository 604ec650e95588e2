// Copies MediaPipe's run-time files (the list in src/media/blur/assets.ts) from
// node_modules/@mediapipe/selfie_segmentation into dist/blur-assets/, so the package
// ships them and the integrator serves them from their own origin (docs/blur.md).
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The file names listed in src/media/blur/assets.ts (one source of truth). */
export function blurAssetFiles() {
  const source = readFileSync(new URL('../../src/media/blur/assets.ts', import.meta.url), 'utf8');
  const list = source.slice(source.indexOf('BLUR_ASSET_FILES'), source.indexOf('] as const'));
  return [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

/** A rollup plugin that copies the assets once the bundle is written. */
export function blurAssetsPlugin(outDir = 'dist/blur-assets') {
  return {
    name: 'chat-meet-blur-assets',
    writeBundle() {
      const pkg = createRequire(import.meta.url).resolve('@mediapipe/selfie_segmentation/package.json');
      mkdirSync(outDir, { recursive: true });
      for (const file of blurAssetFiles()) copyFileSync(join(dirname(pkg), file), join(outDir, file));
    },
  };
}
