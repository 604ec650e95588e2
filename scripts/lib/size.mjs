// Size budgets per user scenario (issue 2): what a page downloads, gzip-compressed,
// for each way in, before the meet button can show — and what loads only on demand.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export const BUDGETS = {
  /** The inline loader snippet integrators paste into their page. */
  snippet: 400,
  /** Everything a script-tag page loads before the meet button can show. */
  preButton: 20 * 1024,
};
/** What we aim for, reported beside the budget. */
export const AIM_PRE_BUTTON = 15 * 1024;

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Files reachable from `entry` through static imports (what the browser fetches at once). */
function staticClosure(manifest, entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const dep of manifest[file]?.imports ?? []) visit(dep);
  };
  visit(entry);
  return [...seen];
}

/** Measures the built dist/cdn (run the build first). */
export function measureSizes(dir = 'dist/cdn') {
  const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8'));
  const boot = staticClosure(manifest, 'boot.js');
  const bootBytes = boot.reduce((sum, f) => sum + gz(`${dir}/${f}`), 0);
  const lazy = Object.keys(manifest)
    .filter((f) => !boot.includes(f))
    .map((f) => ({ file: f, name: manifest[f].name, bytes: gz(`${dir}/${f}`) }));
  const snippet = gz(`${dir}/loader-snippet.min.js`);
  const scriptTag = gz(`${dir}/chat-meet.js`);
  return {
    snippet,
    scriptTag,
    boot: { files: boot, bytes: bootBytes },
    scenarios: {
      'script tag, before the meet button shows': scriptTag + bootBytes,
      'loader snippet, before the meet button shows': snippet + bootBytes,
    },
    lazy,
  };
}

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

export function sizesMarkdown(s) {
  const rows = [
    `| inline loader snippet | ${s.snippet} B | ≤ ${BUDGETS.snippet} B |`,
    ...Object.entries(s.scenarios).map(([name, bytes]) => `| ${name} | ${kb(bytes)} | ≤ ${kb(BUDGETS.preButton)} (aim ${kb(AIM_PRE_BUTTON)}) |`),
    ...s.lazy.map((c) => `| on demand: \`${c.file}\` | ${kb(c.bytes)} | — |`),
  ];
  return `## Bundle sizes (gzip -9)

Written on every \`npm test\` (test/build/size-budget.node.test.ts) from \`dist/cdn\`; the
test fails if a budget is exceeded. Pre-button scenarios add up the entry and every
chunk it imports statically (\`boot.js\`: ${s.boot.files.map((f) => `\`${f}\``).join(', ')}).

| what | size | budget |
| --- | ---: | --- |
${rows.join('\n')}
`;
}
