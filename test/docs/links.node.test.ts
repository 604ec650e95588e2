// Issue 7: every doc page's instructions work as written. Every relative link and anchor
// in README.md and docs/**/*.md leads to a file that exists (and a heading that exists),
// and every `npm run X` / `npm start` / `npm test` the docs name is a script of package.json.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { anchorsOf, linksOf, npmScriptsNamed, slug } from './markdown.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function markdownUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return markdownUnder(path);
    return e.name.endsWith('.md') ? [path] : [];
  });
}
const pages = [join(root, 'README.md'), ...markdownUnder(join(root, 'docs'))];
const read = (file: string) => readFileSync(file, 'utf8');
const anchorCache = new Map<string, Set<string>>();
const anchors = (file: string) => anchorCache.get(file) ?? anchorCache.set(file, anchorsOf(read(file))).get(file)!;

/** What is wrong with `target` as written in `from` (null: nothing). */
function problem(from: string, target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return null; // https:, mailto:, data: …
  const [pathPart, anchor] = target.split('#', 2) as [string, string | undefined];
  const file = pathPart ? resolve(dirname(from), decodeURIComponent(pathPart.split('?')[0]!)) : from;
  if (!file.startsWith(root)) return `${target}: points outside the repository`;
  if (!existsSync(file)) return `${target}: no such file (${relative(root, file)})`;
  if (anchor === undefined || !file.endsWith('.md') || statSync(file).isDirectory()) return null;
  return anchors(file).has(decodeURIComponent(anchor).toLowerCase()) ? null : `${target}: no heading with the anchor #${anchor} in ${relative(root, file)}`;
}

describe('docs links', () => {
  test('the reader of this test finds what a doc can get wrong', () => {
    // Anchors as GitHub makes them, from headings these docs use.
    assert.equal(slug('on / off'), 'on--off');
    assert.equal(slug('The token: one route in your backend'), 'the-token-one-route-in-your-backend');
    assert.equal(slug('`<MeetProvider>`'), 'meetprovider');
    assert.equal(slug('<b>Bold</b> **words**'), 'bold-words');
    assert.equal(slug('npm: the same API without a global'), 'npm-the-same-api-without-a-global');
    assert.equal(slug('R3: at most 10 (`CM_ROOM_FULL`)'), 'r3-at-most-10-cm_room_full');
    const sample = [
      '# Title', '## Title', 'See [a](other.md#gone), [b](#title-1), ![c](pic.png "x"), <a href="x.md">d</a>.',
      '```sh', '[not a link](nowhere.md)', 'npm run nothing-here', '```', '`[also not](nowhere.md)` and npm test', '[ref]: ../up.md',
    ].join('\n');
    assert.deepEqual(linksOf(sample).map((l) => l.target), ['other.md#gone', '#title-1', 'pic.png', 'x.md', '../up.md']);
    assert.deepEqual([...anchorsOf(sample)], ['title', 'title-1']);
    assert.deepEqual(npmScriptsNamed(sample).map((s) => s.script), ['nothing-here', 'test']);
    assert.match(problem(join(root, 'README.md'), 'docs/no-such-page.md')!, /no such file/);
    assert.match(problem(join(root, 'README.md'), 'docs/getting-started.md#no-such-heading')!, /no heading/);
    assert.equal(problem(join(root, 'README.md'), 'docs/getting-started.md#npm'), null);
  });

  test('every relative link and anchor in README.md and docs/**/*.md resolves', () => {
    assert.ok(pages.length > 10, `found only ${pages.length} pages`);
    const dead: string[] = [];
    let checked = 0;
    for (const page of pages) {
      for (const link of linksOf(read(page))) {
        checked += 1;
        const p = problem(page, link.target);
        if (p) dead.push(`${relative(root, page)}:${link.line}: ${p}`);
      }
    }
    assert.ok(checked > 50, `only ${checked} links seen: the reader is broken`);
    assert.deepEqual(dead, []);
  });

  test('every npm script the docs tell people to run exists in package.json', () => {
    const scripts = Object.keys(JSON.parse(read(join(root, 'package.json'))).scripts ?? {});
    const missing: string[] = [];
    for (const page of pages) {
      for (const { line, script } of npmScriptsNamed(read(page))) {
        if (!scripts.includes(script)) missing.push(`${relative(root, page)}:${line}: npm ${script === 'start' || script === 'test' ? '' : 'run '}${script}`);
      }
    }
    assert.deepEqual(missing, []);
  });
});
