#!/usr/bin/env node
// `npm start`: serves the demo pages and the built SDK on http://localhost:8080
// (PORT overrides), with the reference signaling server embedded (in-memory state)
// once src/server exists in the build.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

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

/** Only the demo pages and the build are served; nothing else of the repository. */
function fileFor(urlPath) {
  const path = normalize(decodeURIComponent(urlPath.split('?')[0])).replace(/^(\.\.[/\\])+/, '');
  const rel = path === '/' ? '/demo/index.html' : path.startsWith('/dist/') ? path : `/demo${path}`;
  let file = join(root, rel);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return file.startsWith(root) && existsSync(file) ? file : null;
}

/** The loader snippet as an integrator pastes it, pointed at this server's build. */
function snippet() {
  return readFileSync(join(root, 'dist/cdn/loader-snippet.min.js'), 'utf8').replace(
    /https:\/\/cdn\.jsdelivr\.net\/npm\/chat-meet@[^/]+\/dist\/cdn\/boot\.js/,
    '/dist/cdn/boot.js',
  );
}

const server = createServer((req, res) => {
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
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  createReadStream(file).pipe(res);
});

const signaling = existsSync(join(root, 'dist/server/index.js')) ? await import('../dist/server/index.js') : null;
if (signaling?.attachDemoServer) await signaling.attachDemoServer(server);

server.listen(port, () => {
  console.log(`chat-meet demo: http://localhost:${port}/`);
  if (!signaling) console.log('(the reference signaling server is not built yet: meets run through BroadcastChannel between tabs)');
});
