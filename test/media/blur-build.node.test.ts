// The blur build (issue 6): MediaPipe's files ship in dist/blur-assets/ unchanged, the
// CDN build loads blur only on demand, and nothing in it points at a third-party CDN.
// Runs after the build (`npm test` builds first).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { BLUR_ASSET_FILES } from '../../src/media/blur/assets.js';

const mediapipe = dirname(createRequire(import.meta.url).resolve('@mediapipe/selfie_segmentation/package.json'));
type Manifest = Record<string, { imports: string[]; dynamicImports: string[]; modules: string[] }>;

test('dist/blur-assets/ holds every file blur loads, byte for byte as MediaPipe 0.1.1675465747 ships it', () => {
  for (const file of BLUR_ASSET_FILES) {
    const shipped = join('dist/blur-assets', file);
    assert.ok(existsSync(shipped), `${shipped} is missing: build with npx rollup -c`);
    assert.ok(readFileSync(shipped).equals(readFileSync(join(mediapipe, file))), `${shipped} differs from node_modules`);
  }
});

test('the ./blur export resolves to built files with types', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const entry = pkg.exports['./blur'];
  assert.ok(existsSync(entry.default), entry.default);
  assert.ok(existsSync(entry.types), entry.types);
});

test('CDN: blur is a separate chunk that nothing loads statically before the button', () => {
  const manifest = JSON.parse(readFileSync('dist/cdn/manifest.json', 'utf8')) as Manifest;
  assert.ok(manifest['blur.js'], 'dist/cdn/blur.js exists');
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    manifest[file].imports.forEach(walk);
  };
  walk('boot.js');
  const blurModules = [...seen].flatMap((f) => manifest[f].modules).filter((m) => m.includes('src/media/blur/'));
  assert.deepEqual(blurModules, [], 'boot.js statically pulls in blur');
});

test('no third-party CDN: the built blur code names no remote URL', () => {
  for (const file of ['dist/esm/blur.js', 'dist/cdn/blur.js']) {
    const code = readFileSync(file, 'utf8');
    assert.doesNotMatch(code, /jsdelivr|unpkg|googleapis|gstatic|https?:\/\/(?!localhost\/)/, `${file} names a remote URL`);
  }
});
