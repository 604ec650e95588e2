// Builds chat-meet's ways in (see docs/decisions/0002-bundling-and-chunking.md):
//   dist/esm/    the npm build: ES modules, dependencies left to the host's bundler,
//                type declarations in dist/types/
//   dist/cdn/    the browser build: chat-meet.js (classic <script>), boot.js (ES module
//                that the script tag and the loader snippet load), lazy chunks, and
//                loader-snippet.min.js (the inline snippet)
//   dist/server/ the reference signaling server for Node (when src/server exists)
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { blurAssetsPlugin } from './scripts/lib/blur-assets.mjs';
import { manifestPlugin } from './scripts/lib/rollup-manifest.mjs';

const pkg = JSON.parse(readFileSync('./package.json', 'utf8'));
const version = { preventAssignment: true, values: { __CHAT_MEET_VERSION__: pkg.version } };
const production = {
  preventAssignment: true,
  values: { 'process.env.NODE_ENV': JSON.stringify('production'), __CHAT_MEET_VERSION__: pkg.version },
};
const dependencies = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
const isExternal = (id) =>
  dependencies.some((d) => id === d || id.startsWith(`${d}/`)) ||
  id.startsWith('node:') ||
  builtinModules.includes(id);
const onwarn = (warning, warn) => {
  // `this` at the top of some CommonJS dependencies is harmless.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

/** Entries of the npm build; the ones later issues add appear when their source does. */
const npmEntries = Object.fromEntries(
  Object.entries({
    index: 'src/index.ts',
    define: 'src/define.ts',
    environment: 'src/environment/index.ts',
    preact: 'src/preact/index.ts',
    blur: 'src/media/blur/index.ts',
  }).filter(([, file]) => existsSync(file)),
);

/**
 * The npm build puts every chunk that registers an element (`customElements.define`) in
 * dist/esm/elements/, which package.json `sideEffects` lists. Which module lands in which
 * chunk is rollup's choice and changes as entries are added (chat-meet/preact moved
 * define.ts's button into a shared chunk that define.js only re-exports): a host bundler
 * that honours `sideEffects` drops such a chunk when nothing of it is used, and the
 * element is never defined. One folder for them, whatever rollup names them, keeps the
 * list right (test/build/side-effects.node.test.ts checks it).
 */
const defining = new Set();
const elementChunks = {
  name: 'chat-meet-element-chunks',
  transform(code, id) {
    if (code.includes('customElements.define(')) defining.add(id);
    return null;
  },
};
const npmChunkName = (chunk) => (chunk.moduleIds.some((id) => defining.has(id)) ? 'esm/elements/[name]-[hash].js' : 'esm/chunks/[name]-[hash].js');

const browserResolve = () => nodeResolve({ browser: true, exportConditions: ['browser', 'production'], preferBuiltins: false });

export default [
  {
    input: npmEntries,
    external: isExternal,
    onwarn,
    plugins: [
      replace(version),
      typescript({ tsconfig: './tsconfig.build.json', declaration: true, declarationDir: 'dist/types', outDir: 'dist' }),
      // MediaPipe's js, wasm and model for chat-meet/blur, served from the integrator's origin.
      blurAssetsPlugin('dist/blur-assets'),
      elementChunks,
    ],
    output: { dir: 'dist', format: 'es', sourcemap: true, entryFileNames: 'esm/[name].js', chunkFileNames: npmChunkName },
  },
  {
    // blur: a lazy entry (dist/cdn/blur.js) that only import() loads (src/media/blur-switch.ts).
    input: { boot: 'src/cdn/boot.ts', ...(existsSync('src/media/blur/index.ts') ? { blur: 'src/media/blur/index.ts' } : {}) },
    onwarn,
    plugins: [
      replace(production),
      browserResolve(),
      commonjs(),
      typescript({ tsconfig: './tsconfig.cdn.json' }),
      terser({ format: { comments: false } }),
      manifestPlugin('dist/cdn/manifest.json'),
    ],
    output: { dir: 'dist/cdn', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
  },
  {
    input: 'src/cdn/script-tag.ts',
    onwarn,
    plugins: [
      replace(production),
      typescript({ tsconfig: './tsconfig.cdn.json' }),
      terser({ format: { comments: false } }),
    ],
    output: { file: 'dist/cdn/chat-meet.js', format: 'iife' },
  },
  {
    input: 'src/cdn/snippet.js',
    plugins: [
      // Integrators copy the snippet with this URL in it (docs/getting-started.md).
      replace({ preventAssignment: true, values: { __CHAT_MEET_BOOT_URL__: `https://cdn.jsdelivr.net/npm/chat-meet@${pkg.version}/dist/cdn/boot.js` } }),
      terser({ format: { comments: false }, compress: { passes: 2 } }),
    ],
    output: { file: 'dist/cdn/loader-snippet.min.js', format: 'es' },
  },
  ...(existsSync('src/server/index.ts')
    ? [
        {
          input: { index: 'src/server/index.ts', cli: 'src/server/cli.ts' },
          external: (id) => isExternal(id) || Object.keys(pkg.devDependencies ?? {}).includes(id),
          onwarn,
          plugins: [
            replace(version),
            typescript({ tsconfig: './tsconfig.server.json', declaration: true, declarationDir: 'dist/types', outDir: 'dist' }),
          ],
          output: { dir: 'dist', format: 'es', entryFileNames: 'server/[name].js', chunkFileNames: 'server/chunks/[name]-[hash].js' },
        },
      ]
    : []),
];
