// Issue 7: "a new user runs npm start and opens the pages the docs name". Every page in
// docs/getting-started.md's demo table answers 200 from the real demo server, and so does
// every script and stylesheet of this origin that the page's HTML references; blur's
// MediaPipe files are served where the boot looks for them by default (docs/blur.md:
// /chat-meet/blur-assets/), so turning blur on in the demo does not end in
// CM_BLUR_LOAD_FAILED. The meets themselves: demo.node.test.ts. Needs dist/ (npm test builds).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { startDemoServer, type DemoServer } from './demo-server.js';

let server: DemoServer;
before(async () => (server = await startDemoServer()));
after(() => server?.stop());

/** The `/page` entries of the "| page | what |" table in docs/getting-started.md. */
function documentedPages(): string[] {
  const doc = readFileSync('docs/getting-started.md', 'utf8');
  const table = doc.slice(doc.indexOf('| page | what |'));
  return [...table.slice(0, table.indexOf('\n\n')).matchAll(/^\| `(\/[\w-]*)` \|/gm)].map((m) => m[1]!);
}

test('every demo page docs/getting-started.md names loads, with its scripts and stylesheets', async () => {
  const pages = documentedPages();
  assert.deepEqual(pages, ['/storefront', '/preact', '/desk', '/team', '/qa'], 'the pages the docs name (update this list with the docs)');
  for (const page of ['/', ...pages]) {
    const res = await fetch(`${server.url}${page}`);
    assert.equal(res.status, 200, `${page}`);
    const html = await res.text();
    const assets = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="(\/[^"]*\.(?:m?js|css))"/g)].map((m) => m[1]!);
    assert.ok(assets.length > 0, `${page} references scripts or stylesheets`);
    for (const asset of assets) {
      const r = await fetch(`${server.url}${asset}`);
      assert.equal(r.status, 200, `${page} → ${asset}`);
      assert.match(r.headers.get('content-type') ?? '', asset.endsWith('.css') ? /^text\/css/ : /^text\/javascript/, `${page} → ${asset}`);
    }
  }
});

test('blur assets are served at /chat-meet/blur-assets/ (the default assetBase), and only they', async () => {
  const js = await fetch(`${server.url}/chat-meet/blur-assets/selfie_segmentation.js`);
  assert.equal(js.status, 200);
  const wasm = await fetch(`${server.url}/chat-meet/blur-assets/selfie_segmentation_solution_simd_wasm_bin.wasm`);
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get('content-type'), 'application/wasm', 'WebAssembly.instantiateStreaming needs it');
  for (const escape of ['/chat-meet/blur-assets/../../package.json', '/chat-meet/blur-assets/%2e%2e/%2e%2e/package.json', '/chat-meet/blur-assets/']) {
    assert.equal((await fetch(`${server.url}${escape}`)).status, 404, escape);
  }
});
