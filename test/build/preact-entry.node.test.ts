// chat-meet/preact as published: the export (types first), the built entry, and Preact and
// @nanostores/preact left to the host (external), so an app that bundles it has one Preact.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { build } from 'esbuild';

const root = resolve('.');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

test('package.json exports ./preact: types first, then the ES module; both built', () => {
  const entry = pkg.exports['./preact'];
  assert.deepEqual(Object.keys(entry), ['types', 'default']);
  assert.equal(entry.types, './dist/types/preact/index.d.ts');
  assert.equal(entry.default, './dist/esm/preact.js');
  assert.ok(existsSync(entry.types) && existsSync(entry.default), 'build first (npx rollup -c)');
  assert.equal(pkg.peerDependenciesMeta.preact.optional, true);
  assert.equal(pkg.peerDependenciesMeta['@nanostores/preact'].optional, true);
});

test('dist/esm/preact.js imports preact, preact/hooks and @nanostores/preact instead of carrying them', () => {
  const code = readFileSync('dist/esm/preact.js', 'utf8');
  const imported = [...code.matchAll(/^import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
  for (const id of ['preact', 'preact/hooks', '@nanostores/preact']) assert.ok(imported.includes(id), `${id} is not imported`);
  // Preact's own functions are not in the build (they would make a second Preact).
  assert.doesNotMatch(code, /function (createContext|useState|useStore)\s*\(/);
});

// A host app with chat-meet installed (a link to this checkout, as npm link makes).
const host = mkdtempSync(join(tmpdir(), 'chat-meet-preact-host-'));
mkdirSync(join(host, 'node_modules'));
symlinkSync(root, join(host, 'node_modules', 'chat-meet'), 'dir');
for (const dep of ['preact', '@nanostores']) symlinkSync(join(root, 'node_modules', dep), join(host, 'node_modules', dep), 'dir');
after(() => rmSync(host, { recursive: true, force: true }));

test("an app bundling chat-meet/preact with its own Preact (esbuild) gets one Preact and a defined button", async () => {
  writeFileSync(join(host, 'app.js'), "import { h, render } from 'preact';\nimport { MeetButton } from 'chat-meet/preact';\nrender(h(MeetButton, { client: null }), document.body);\n");
  const result = await build({
    entryPoints: [join(host, 'app.js')], absWorkingDir: host, bundle: true, format: 'esm', write: false, metafile: true, logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' }, preserveSymlinks: false,
  });
  const preactFiles = Object.keys(result.metafile.inputs).filter((f) => /node_modules\/preact\/dist\/preact\.module\.js$/.test(f));
  assert.equal(preactFiles.length, 1, `Preact copies: ${preactFiles.join(', ')}`);
  assert.match(result.outputFiles[0]!.text, /customElements\.define\(\s*["'`]chat-meet-button["'`]/);
});
