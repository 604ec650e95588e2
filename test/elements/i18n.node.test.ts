// Issue 5 point 7, the parts that need no browser: every catalog in src/i18n/catalog has
// the same strings in Korean, English and Japanese (no missing, extra or empty one), with
// the English placeholders; how the language is chosen (option, then the browser's
// languages, then English).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fill, LOCALES, matchLocale, resolveLocale } from '../../src/i18n/locale.js';

const CATALOG_DIR = 'src/i18n/catalog';

/** Every exported catalog (`xxxCatalog`) of every file in src/i18n/catalog, by `file:name`. */
async function catalogs(): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  for (const file of readdirSync(CATALOG_DIR).filter((f) => f.endsWith('.ts')).sort()) {
    const mod = (await import(`../../${CATALOG_DIR}/${file}`)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (name.endsWith('Catalog')) found.set(`${file}:${name}`, value as Record<string, unknown>);
  }
  return found;
}

/** Leaf strings by path (`media.chrome.2`); arrays count as objects keyed by index. */
function leaves(value: unknown, path = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  } else out.set(path, value);
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every file in src/i18n/catalog exports a catalog', async () => {
  const files = readdirSync(CATALOG_DIR).filter((f) => f.endsWith('.ts'));
  const all = await catalogs();
  assert.deepEqual(files.filter((f) => ![...all.keys()].some((k) => k.startsWith(`${f}:`))), []);
  assert.ok(all.size >= 6, `only ${all.size} catalogs found`);
});

test('each catalog has exactly ko, en and ja', async () => {
  for (const [name, catalog] of await catalogs()) assert.deepEqual(Object.keys(catalog).sort(), [...LOCALES].sort(), name);
});

test('ko and ja have every English string and no other, none empty', async () => {
  const problems: string[] = [];
  for (const [name, catalog] of await catalogs()) {
    const en = leaves(catalog.en);
    for (const locale of LOCALES) {
      const strings = leaves(catalog[locale]);
      for (const key of en.keys()) if (!strings.has(key)) problems.push(`${name} ${locale}: missing ${key}`);
      for (const [key, text] of strings) {
        if (!en.has(key)) problems.push(`${name} ${locale}: extra ${key}`);
        if (typeof text !== 'string' || !text.trim()) problems.push(`${name} ${locale}: ${key} is empty or not a string`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('each translation has the English placeholders ({name}, {count}, ...)', async () => {
  const problems: string[] = [];
  for (const [name, catalog] of await catalogs()) {
    const en = leaves(catalog.en);
    for (const locale of ['ko', 'ja'] as const) {
      for (const [key, text] of leaves(catalog[locale])) {
        const want = placeholders(String(en.get(key) ?? ''));
        const got = placeholders(String(text));
        if (JSON.stringify(want) !== JSON.stringify(got)) problems.push(`${name} ${locale}.${key}: {${got.join('}, {')}} instead of {${want.join('}, {')}}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('a translation differs from English (nothing left untranslated), names and symbols aside', async () => {
  // Strings that are the same in every language: product and platform names, or nothing
  // but placeholders and symbols (`{kind} {n}`).
  const same = (text: string) => /^(Chrome|Edge|Safari|Android|Windows|[\W\d]*)$/u.test(text.replace(/\{\w+\}/g, ''));
  const problems: string[] = [];
  for (const [name, catalog] of await catalogs()) {
    const en = leaves(catalog.en);
    for (const locale of ['ko', 'ja'] as const) {
      for (const [key, text] of leaves(catalog[locale])) if (text === en.get(key) && !same(String(text))) problems.push(`${name} ${locale}.${key}: "${String(text)}"`);
    }
  }
  assert.deepEqual(problems, []);
});

test('one word for a meet, the reference product\'s: 미트 in Korean, ミート in Japanese', async () => {
  // "미팅"/"ミーティング" (meeting) crept into one catalog once; the product's term is "meet".
  const problems: string[] = [];
  for (const [name, catalog] of await catalogs()) {
    for (const [key, text] of leaves(catalog.ko)) if (/미팅/.test(String(text))) problems.push(`${name} ko.${key}: "${String(text)}"`);
    for (const [key, text] of leaves(catalog.ja)) if (/ミーティング/.test(String(text))) problems.push(`${name} ja.${key}: "${String(text)}"`);
  }
  assert.deepEqual(problems, []);
});

/** Words in a template that a user would see: text between tags, or a literal label attribute. */
function hardCoded(source: string): string[] {
  const letters = '[A-Za-z\\uAC00-\\uD7A3\\u3040-\\u30FF\\u4E00-\\u9FAF]';
  const text = new RegExp(`>[^<>\`\${}]*${letters}{2,}[^<>\`\${}]*</`, 'g');
  const attribute = new RegExp(`\\s(?:aria-label|aria-description|title|placeholder|alt)="[^"$]*${letters}[^"]*"`, 'g');
  return [...source.matchAll(text), ...source.matchAll(attribute)].map((m) => m[0].trim());
}

test('no element template has a hard-coded user-visible string (they come from the catalogs)', () => {
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => {
    const path = join(dir, n);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') && !path.endsWith('.styles.ts') ? [path] : [];
  });
  const found = walk('src/elements').flatMap((path) => hardCoded(readFileSync(path, 'utf8')).map((s) => `${path}: ${s}`));
  assert.deepEqual(found, []);
  // The scan itself finds what it looks for.
  assert.deepEqual(hardCoded('html`<p>Hello there</p><button aria-label="Close">${x}</button><b>${s.ok}</b>`'), ['>Hello there</', 'aria-label="Close"']);
});

test('matchLocale: language tags to a supported language', () => {
  assert.equal(matchLocale('ko-KR'), 'ko');
  assert.equal(matchLocale('ja-JP'), 'ja');
  assert.equal(matchLocale('en-GB'), 'en');
  assert.equal(matchLocale('EN-us'), 'en');
  assert.equal(matchLocale('ja_JP'), 'ja');
  assert.equal(matchLocale(' ko '), 'ko');
  assert.equal(matchLocale('fr-FR'), null);
  assert.equal(matchLocale(''), null);
  assert.equal(matchLocale(null), null);
});

test('resolveLocale: the option beats the browser; else the first supported browser language; else English', () => {
  assert.equal(resolveLocale('ja', ['ko-KR', 'en-US']), 'ja');
  assert.equal(resolveLocale('ko-KR', ['ja-JP']), 'ko');
  assert.equal(resolveLocale('', ['ja-JP', 'en-US']), 'ja');
  assert.equal(resolveLocale(undefined, ['en-GB', 'ko-KR']), 'en');
  // An option chat-meet does not have falls through to the browser, then English.
  assert.equal(resolveLocale('fr', ['de-DE', 'ko-KR']), 'ko');
  assert.equal(resolveLocale('fr', ['de-DE', 'zh-CN']), 'en');
  assert.equal(resolveLocale('', []), 'en');
});

test('fill: placeholders filled, a missing value is empty (never "undefined")', () => {
  assert.equal(fill('{name} joined', { name: 'Mina' }), 'Mina joined');
  assert.equal(fill('{count} in the meet', { count: 3 }), '3 in the meet');
  assert.equal(fill('{name} left', {}), ' left');
});
