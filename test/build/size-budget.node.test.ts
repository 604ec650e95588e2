// Size budgets per scenario (issue 2), checked on every `npm test` after the build,
// printed, and written to docs/benchmarks.md.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
// @ts-expect-error plain .mjs helper without types
import { writeBenchmarkSection } from '../../scripts/lib/benchmarks-doc.mjs';
// @ts-expect-error plain .mjs helper without types
import { BUDGETS, measureSizes, sizesMarkdown } from '../../scripts/lib/size.mjs';

const sizes = measureSizes();
const markdown: string = sizesMarkdown(sizes);
console.log(markdown);
writeBenchmarkSection('sizes', markdown);

test(`inline loader snippet is at most ${BUDGETS.snippet} B gzip`, () => {
  assert.ok(sizes.snippet <= BUDGETS.snippet, `snippet is ${sizes.snippet} B`);
});

for (const [scenario, bytes] of Object.entries(sizes.scenarios as Record<string, number>)) {
  test(`${scenario}: at most ${BUDGETS.preButton} B gzip`, () => {
    assert.ok(bytes <= BUDGETS.preButton, `${scenario} is ${bytes} B`);
  });
}

test('simple-peer and MediaPipe are not in what loads before the button', () => {
  const manifest = JSON.parse(readFileSync('dist/cdn/manifest.json', 'utf8')) as Record<string, { modules: string[] }>;
  for (const file of sizes.boot.files as string[]) {
    const heavy = manifest[file].modules.filter((m) => /simple-peer|@mediapipe|selfie_segmentation/.test(m));
    assert.deepEqual(heavy, [], `${file} statically pulls in ${heavy.join(', ')}`);
  }
});
