#!/usr/bin/env node
// `npm start`: serves the demo on http://localhost:8080 (PORT overrides) with the
// reference signaling server embedded (in-memory state, at /signal), the demo's host
// backend (demo/backend.mjs, at /api/*), the built SDK (/dist/*), and two bundles made
// here at start with esbuild: the Preact storefront (npm import) and the msw mock
// backend of the QA panel's "no backend" mode.
import { build } from 'esbuild';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { createHostBackend } from './backend.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const port = Number(process.env.PORT ?? 8080);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.tflite': 'application/octet-stream',
  '.binarypb': 'application/octet-stream',
};

if (!existsSync(join(root, 'dist/cdn/boot.js')) || !existsSync(join(root, 'dist/server/index.js'))) {
  console.error('chat-meet demo: build first (`npm start` does: npm run build && node demo/serve.mjs).');
  process.exit(1);
}

/** Bundles the pages that use npm imports (as a storefront's own build would). */
async function buildDemoBundles() {
  await build({
    entryPoints: { 'preact-storefront': join(root, 'demo/preact/storefront.jsx'), 'mock-backend': join(root, 'demo/lib/mock-backend.js') },
    outdir: join(root, 'dist/demo'),
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    sourcemap: true,
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"production"' },
    // The mock backend is its own entry; pages import it by URL only in "no backend" mode.
    external: ['/dist/*'],
    logLevel: 'warning',
    // The SDK's chunks re-import side-effect-free packages; esbuild's note about it is noise here.
    logOverride: { 'ignored-bare-import': 'silent' },
  });
}

/** Only the demo pages, the build and msw's worker are served; nothing else of the repository. */
function fileFor(urlPath) {
  const path = normalize(decodeURIComponent(urlPath.split('?')[0])).replace(/^(\.\.[/\\])+/, '');
  if (path === '/mockServiceWorker.js') return join(root, 'node_modules/msw/lib/mockServiceWorker.js');
  // Blur's MediaPipe files, where the boot looks for them by default (docs/blur.md: a host
  // copies dist/blur-assets/ to /chat-meet/blur-assets/ on its own origin).
  if (path.startsWith('/chat-meet/blur-assets/')) return fileIn(join(root, 'dist/blur-assets'), path.slice('/chat-meet/blur-assets/'.length));
  const rel = path === '/' ? '/demo/index.html' : path.startsWith('/dist/') ? path : `/demo${path}`;
  let file = join(root, rel);
  // `/desk` → demo/desk.html (before a folder of the same name, e.g. demo/preact/).
  if (!extname(file) && existsSync(`${file}.html`)) file = `${file}.html`;
  else if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return file.startsWith(root) && existsSync(file) && !file.endsWith('.mjs') ? file : null;
}

/** `name` inside `dir`, if it is a file there (nothing above `dir`). */
function fileIn(dir, name) {
  const file = join(dir, name);
  return file.startsWith(`${dir}/`) && existsSync(file) && statSync(file).isFile() ? file : null;
}

/** The loader snippet as an integrator pastes it, pointed at this server's build. */
function snippet() {
  return readFileSync(join(root, 'dist/cdn/loader-snippet.min.js'), 'utf8').replace(
    /https:\/\/cdn\.jsdelivr\.net\/npm\/chat-meet@[^/]+\/dist\/cdn\/boot\.js/,
    '/dist/cdn/boot.js',
  );
}

function serveStatic(req, res) {
  const file = fileFor(req.url ?? '/');
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  if (file.endsWith('.html')) {
    const html = readFileSync(file, 'utf8').replace('<!-- chat-meet-snippet -->', () => `<script>${snippet()}</script>`);
    res.writeHead(200, { 'content-type': types['.html'], 'cache-control': 'no-store' }).end(html);
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...(file.endsWith('mockServiceWorker.js') ? { 'service-worker-allowed': '/' } : {}) });
  createReadStream(file).pipe(res);
}

await buildDemoBundles();
const { attachDemoServer, createToken } = await import('../dist/server/index.js');
const secret = process.env.CHAT_MEET_SECRET ?? randomBytes(32).toString('hex');
let signaling = null;
const backend = createHostBackend({ createToken, secret, followUps: () => signaling?.followUps() ?? [] });
const server = createServer((req, res) => {
  backend(req, res).then(
    (handled) => handled || serveStatic(req, res),
    (error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error?.message ?? error)),
  );
});
signaling = await attachDemoServer(server, { secret });

server.listen(port, () => {
  console.log(`chat-meet demo: http://localhost:${port}/  (storefront, Preact storefront, desk, team chat, QA panel)`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)) && setTimeout(() => process.exit(0), 1000).unref());
