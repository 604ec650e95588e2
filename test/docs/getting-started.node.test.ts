// Issue 7: getting-started.md's ways in work as written. Each way in has its section; the
// CDN URLs name this version and files the build makes; the readable loader snippet is the
// shipped one (it minifies to dist/cdn/loader-snippet.min.js); every boot call's options
// pass the boot schema; and the TypeScript/TSX snippets of getting-started.md and
// preact.md type-check against the built declarations (as an integrator's editor sees them).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import { parseBootOptions } from '../../src/boot/options.js';
import { anchorsOf } from './markdown.js';

const root = resolve('.');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const guide = readFileSync('docs/getting-started.md', 'utf8');
const preactDoc = readFileSync('docs/preact.md', 'utf8');
const blocks = (text: string, lang: string) => [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
const section = (text: string, heading: string) => text.split(`\n## ${heading}\n`)[1]!.split('\n## ')[0]!;

/** The object literal of each `ChatMeet('boot', {…})` / `chatMeet('boot', {…})` call, as text. */
function bootOptionsIn(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(/chatmeet\('boot',\s*\{/gi)) {
    let depth = 0;
    const start = m.index! + m[0].length - 1;
    for (let i = start; i < code.length; i++) {
      if (code[i] === '{') depth++;
      else if (code[i] === '}' && --depth === 0) {
        found.push(code.slice(start, i + 1));
        break;
      }
    }
  }
  return found;
}

describe('getting-started.md', () => {
  test('has a section for each way in: npm, script tag, loader snippet', () => {
    const anchors = anchorsOf(guide);
    for (const a of ['npm', 'script-tag', 'loader-snippet']) assert.ok(anchors.has(a), `no "${a}" section`);
  });

  test('CDN URLs name this version and files the build makes', () => {
    const urls = [...guide.matchAll(/https:\/\/cdn\.jsdelivr\.net\/npm\/chat-meet@([^/]+)\/([^'"\s)]+)/g)];
    assert.ok(urls.length >= 2, 'the script tag and the snippet each name a URL');
    for (const [url, version, path] of urls) {
      assert.equal(version, pkg.version, url);
      assert.ok(existsSync(path!), `${url}: the build makes no ${path}`);
    }
  });

  test('the readable loader snippet is the shipped one', async () => {
    const html = /```html\n<script>\n([\s\S]*?)<\/script>\n```/.exec(section(guide, 'Loader snippet'))![1]!;
    const iife = html.slice(0, html.indexOf("boot.js');") + "boot.js');".length);
    // The build's own minification of src/cdn/snippet.js (rollup.config.mjs).
    const bundle = await rollup({
      input: 'snippet',
      plugins: [{ name: 'doc', resolveId: (id) => (id === 'snippet' ? id : null), load: (id) => (id === 'snippet' ? iife : null) }, terser({ format: { comments: false }, compress: { passes: 2 } })],
    });
    const { output } = await bundle.generate({ format: 'es' });
    assert.equal(output[0].code.trim(), readFileSync('dist/cdn/loader-snippet.min.js', 'utf8').trim());
  });

  test("every boot call's options pass the boot schema", () => {
    const calls = bootOptionsIn(guide);
    assert.ok(calls.length >= 3, `found ${calls.length} boot calls`);
    for (const literal of calls) {
      const options = new Function('token', `return (${literal});`)('a-token');
      const parsed = parseBootOptions(options);
      assert.ok(parsed.success, `${literal}\n${parsed.success ? '' : parsed.issues.join('\n')}`);
    }
  });
});

describe('TypeScript snippets type-check against the built declarations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chat-meet-doc-snippets-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('getting-started.md (npm, Preact) and preact.md', () => {
    assert.ok(existsSync('dist/types/preact/index.d.ts'), 'build first: dist/types is missing');
    const files: Record<string, string> = {};
    // Snippets use `token` from the integrator's backend; other than that each stands alone.
    const prelude = 'declare const token: string;\n';
    blocks(guide, 'ts').forEach((code, i) => (files[`guide-${i}.ts`] = prelude + code + '\nexport {};\n'));
    blocks(guide, 'tsx').forEach((code, i) => (files[`guide-${i}.tsx`] = prelude + code + '\nexport {};\n'));
    const [example, ...rest] = blocks(preactDoc, 'tsx');
    files['preact-example.tsx'] = example! + '\nexport { ChatWidget };\n';
    // The smaller ones use hooks the text names; they get the imports a reader would add.
    rest.forEach((code, i) => (files[`preact-${i}.tsx`] = "import { useLocalMedia, useMeet, useMeetActions } from 'chat-meet/preact';\n" + code + '\nexport {};\n'));
    assert.ok(Object.keys(files).length >= 4, `found ${Object.keys(files).length} snippets`);
    for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, name), code);
    const types = (p: string) => [join(root, p)];
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true,
        skipLibCheck: true, types: [], jsx: 'react-jsx', jsxImportSource: 'preact',
        // As installed: the package's declarations, and its dependencies from node_modules.
        paths: {
          'chat-meet': types('dist/types/index.d.ts'), 'chat-meet/define': types('dist/types/define.d.ts'), 'chat-meet/preact': types('dist/types/preact/index.d.ts'),
          '*': [join(root, 'node_modules/*'), join(root, 'node_modules/@types/*')],
        },
      },
      files: Object.keys(files),
    }));
    const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
});
