// package.json `sideEffects` against the built npm package: every file that registers an
// element (customElements.define) is listed, and host bundlers that honour the field
// (rollup with node-resolve, esbuild with splitting) keep every element of
// 'chat-meet/define': the button on a bare import, and the lazy ones behind their loaders.
// See the addendum of docs/decisions/0002-bundling-and-chunking.md.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { after, test } from 'node:test';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { build } from 'esbuild';
import { rollup } from 'rollup';

const root = resolve('.');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { sideEffects: string[] };
const TAGS = ['chat-meet-button', 'chat-meet-ring', 'chat-meet-call', 'chat-meet-settings', 'chat-meet-permission-guide'];

/** `./dist/esm/elements/*.js` → a RegExp on repository-relative paths (`*`: one path segment's worth). */
const patterns = pkg.sideEffects.map((g) => new RegExp(`^${g.replace(/^\.\//, '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`));
const listed = (file: string) => patterns.some((p) => p.test(file));

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}
/**
 * The npm build's files, from its entries along their relative imports (static and
 * `import()`): rollup leaves older chunks in dist/ between builds, and those ship nowhere.
 */
function npmBuild(): string[] {
  const seen = new Set<string>();
  const queue = readdirSync('dist/esm').filter((f) => f.endsWith('.js')).map((f) => join('dist/esm', f));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) queue.push(join(dirname(file), m[1]));
  }
  return [...seen];
}
const defining = (files: string[]) => files.filter((f) => readFileSync(f, 'utf8').includes('customElements.define('));

test('every built file and source file that defines an element is in sideEffects', () => {
  const built = defining(npmBuild());
  assert.ok(built.length >= 5, `only ${built.length} built files define elements: is dist/ built?`);
  assert.deepEqual(built.filter((f) => !listed(relative(root, f))), [], 'built files that define an element but a bundler may drop');
  const sources = defining(walk('src').filter((f) => f.endsWith('.ts')));
  assert.deepEqual(sources.filter((f) => !listed(relative(root, f))), [], 'source files that define an element but a bundler may drop');
  // And nothing else: the index entry stays side-effect free.
  assert.equal(listed('dist/esm/index.js'), false);
});

// A host project with chat-meet installed (a link to this checkout, as npm link makes).
const host = mkdtempSync(join(tmpdir(), 'chat-meet-host-'));
mkdirSync(join(host, 'node_modules'));
symlinkSync(root, join(host, 'node_modules', 'chat-meet'), 'dir');
after(() => rmSync(host, { recursive: true, force: true }));

const ENTRIES = {
  bare: "import 'chat-meet/define';\n",
  loaders: "import { loadRing, loadCall, loadSettings, loadPermissionGuide } from 'chat-meet/define';\nexport const all = () => Promise.all([loadRing(), loadCall(), loadSettings(), loadPermissionGuide()]);\n",
};
const EXPECTED: Record<keyof typeof ENTRIES, string[]> = { bare: ['chat-meet-button'], loaders: TAGS };
for (const [name, code] of Object.entries(ENTRIES)) writeFileSync(join(host, `${name}.js`), code);

/** Tags the bundle's files define (a bare import may keep the lazy ones too: more is fine, fewer is the bug), whatever quotes the bundler prints. */
const definedTags = (code: string) => TAGS.filter((t) => new RegExp(`customElements\\.define\\(\\s*["'\`]${t}["'\`]`).test(code));

for (const name of Object.keys(ENTRIES) as (keyof typeof ENTRIES)[]) {
  test(`rollup + node-resolve keeps ${EXPECTED[name].join(', ')} (${name} import of chat-meet/define)`, async () => {
    const bundle = await rollup({
      input: join(host, `${name}.js`),
      plugins: [nodeResolve({ browser: true, rootDir: host })],
      external: (id) => /^(lit|@lit|nanostores|tinykeys|valibot)(\/|$)/.test(id),
      onwarn: () => undefined,
    });
    const { output } = await bundle.generate({ format: 'es' });
    await bundle.close();
    const code = output.map((o) => ('code' in o ? o.code : '')).join('\n');
    const missing = EXPECTED[name].filter((t) => !definedTags(code).includes(t));
    assert.deepEqual(missing, [], 'elements the host bundle lost');
  });

  test(`esbuild (splitting) keeps ${EXPECTED[name].join(', ')} (${name} import of chat-meet/define)`, async () => {
    const result = await build({
      entryPoints: [join(host, `${name}.js`)],
      absWorkingDir: host,
      bundle: true,
      splitting: true,
      format: 'esm',
      outdir: join(host, `out-${name}`),
      write: false,
      external: ['lit', 'lit/*', '@lit/*', 'nanostores', 'tinykeys', 'valibot', 'valibot/*'],
      logLevel: 'silent',
    });
    const code = result.outputFiles.map((f) => f.text).join('\n');
    const missing = EXPECTED[name].filter((t) => !definedTags(code).includes(t));
    assert.deepEqual(missing, [], 'elements the host bundle lost');
  });
}
