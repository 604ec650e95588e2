// docs/theming.md documents the whole theming surface as the source has it: every
// `--chat-meet-*` custom property in src/elements with its default, and every part of each
// element; nothing documented that the source no longer has. The elements' JSDoc
// (@cssprop, @csspart: what docs/elements.md is generated from) must agree too.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = 'src/elements';
const doc = readFileSync('docs/theming.md', 'utf8');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}
const sources = files(ROOT).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

/** `var(--chat-meet-x, <default>)` → name and default, the default read up to its closing parenthesis. */
function varDefaults(text: string): { name: string; fallback: string }[] {
  const out: { name: string; fallback: string }[] = [];
  for (const m of text.matchAll(/var\((--chat-meet-[a-z0-9-]+)\s*,\s*/g)) {
    let depth = 1;
    let i = m.index! + m[0].length;
    const start = i;
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')') depth--;
    }
    out.push({ name: m[1], fallback: text.slice(start, i - 1).replace(/\s+/g, ' ').trim() });
  }
  return out;
}

/** The documented custom properties: `| \`--chat-meet-x\` | \`default\` |` rows. */
const documented = new Map([...doc.matchAll(/^\| `(--chat-meet-[a-z0-9-]+)` \| `([^`]*)` \|/gm)].map((m) => [m[1], m[2]]));

test('every --chat-meet-* custom property in src/elements is in docs/theming.md, and nothing else is', () => {
  // Names in code and JSDoc; `--chat-meet-call-*` in a comment is a family, not a name.
  const inSource = new Set(sources.flatMap(({ text }) => [...text.matchAll(/--chat-meet-[a-z0-9]+(?:-[a-z0-9]+)*(?![a-z0-9-]*\*)/g)].map((m) => m[0])));
  assert.ok(inSource.size >= 20, `only ${inSource.size} custom properties found in ${ROOT}`);
  assert.deepEqual([...inSource].filter((n) => !documented.has(n)).sort(), [], 'add these to docs/theming.md');
  assert.deepEqual([...documented.keys()].filter((n) => !inSource.has(n)).sort(), [], 'docs/theming.md lists these, which src/elements no longer has');
});

test('each documented default is the one the styles use, and the JSDoc says the same', () => {
  const wrong: string[] = [];
  for (const { path, text } of sources) {
    for (const { name, fallback } of varDefaults(text)) if (documented.get(name) !== fallback) wrong.push(`${path}: ${name} falls back to ${fallback}; docs say ${documented.get(name)}`);
    for (const m of text.matchAll(/@cssprop \[(--chat-meet-[a-z0-9-]+)=([^\]]*)\]/g)) if (documented.get(m[1]) !== m[2]) wrong.push(`${path}: JSDoc ${m[1]}=${m[2]}; docs say ${documented.get(m[1])}`);
  }
  assert.deepEqual(wrong, []);
});

/** Each element's directory, its tag (from its customElements.define) and the parts its markup has. */
function elements(): { dir: string; tag: string; parts: Set<string>; jsdocParts: Set<string> }[] {
  return readdirSync(ROOT)
    .filter((d) => statSync(join(ROOT, d)).isDirectory())
    .flatMap((d) => {
      const own = sources.filter((s) => s.path.startsWith(join(ROOT, d) + '/'));
      const tag = own.map((s) => s.text.match(/customElements\.define\('(chat-meet-[a-z-]+)'/)?.[1]).find(Boolean);
      if (!tag) return [];
      const parts = new Set<string>();
      for (const { text } of own) {
        for (const m of text.matchAll(/\spart="([^"]+)"/g)) m[1].split(/\s+/).forEach((p) => parts.add(p));
        // part=${cond ? 'a' : nothing}: the quoted names.
        for (const m of text.matchAll(/\spart=\$\{([^}]*)\}/g)) for (const q of m[1].matchAll(/'([a-z][a-z-]*)'/g)) parts.add(q[1]);
      }
      const jsdocParts = new Set(own.flatMap((s) => [...s.text.matchAll(/@csspart ([a-z][a-z-]*)/g)].map((m) => m[1])));
      return [{ dir: d, tag, parts, jsdocParts }];
    });
}

/** The part names documented in the section of `tag`. */
function documentedParts(tag: string): Set<string> {
  const start = doc.indexOf(`### \`<${tag}>\``);
  if (start < 0) return new Set();
  const end = doc.indexOf('\n#', start + 1);
  const section = doc.slice(start, end < 0 ? undefined : end);
  return new Set([...section.matchAll(/^\| `([a-z][a-z-]*)` \|/gm)].map((m) => m[1]));
}

test('every element of src/elements has its parts in docs/theming.md, and no part it lacks', () => {
  const all = elements();
  assert.deepEqual(all.map((e) => e.tag).sort(), ['chat-meet-button', 'chat-meet-call', 'chat-meet-permission-guide', 'chat-meet-ring', 'chat-meet-settings']);
  for (const { tag, parts } of all) {
    const inDoc = documentedParts(tag);
    assert.ok(parts.size > 0, `${tag}: no parts found in its source`);
    assert.deepEqual([...parts].filter((p) => !inDoc.has(p)).sort(), [], `${tag}: add these parts to docs/theming.md`);
    assert.deepEqual([...inDoc].filter((p) => !parts.has(p)).sort(), [], `${tag}: docs/theming.md lists parts its markup lacks`);
  }
});

test('each element\'s JSDoc names the same parts as its markup (docs/elements.md is generated from it)', () => {
  for (const { tag, parts, jsdocParts } of elements()) assert.deepEqual([...jsdocParts].sort(), [...parts].sort(), tag);
});

test('README and docs/elements.md link docs/theming.md and docs/languages.md', () => {
  for (const file of ['README.md', 'docs/elements.md', 'scripts/elements-doc.mjs']) {
    const text = readFileSync(file, 'utf8');
    assert.match(text, /theming\.md/, `${file} links theming.md`);
    assert.match(text, /languages\.md/, `${file} links languages.md`);
  }
});
