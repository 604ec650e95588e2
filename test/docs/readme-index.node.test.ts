// Issue 7: README.md is where a new user starts. Its quick start stays two commands
// (`npm install && npm start`, `npm test`), and it links every page in docs/, so no
// page is reachable only by knowing its file name.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { linksOf } from './markdown.js';

const readme = readFileSync('README.md', 'utf8');

test('README links every docs/*.md page', () => {
  const linked = new Set(linksOf(readme).map((l) => l.target.split('#')[0]!.replace(/^\.\//, '')));
  const pages = readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
  assert.ok(pages.length >= 10, `read docs/ (${pages.length} pages)`);
  assert.deepEqual(pages.filter((p) => !linked.has(p)), [], 'pages README does not link');
});

test('README quick start is the two commands', () => {
  const section = readme.split('\n## Quick start\n')[1]?.split('\n## ')[0] ?? '';
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  const commands = block.split('\n').map((l) => l.replace(/#.*$/, '').trim()).filter(Boolean);
  assert.deepEqual(commands, ['npm install && npm start', 'npm test']);
});
