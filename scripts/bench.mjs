#!/usr/bin/env node
// `npm run bench`: builds, runs every benchmark that exists, and writes each one's
// section of docs/benchmarks.md. Benchmarks compare against a baseline measured in
// the same run (a ratio), because this machine is shared and noisy.
//   npm run bench                 all
//   npm run bench -- meet server  only these
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeBenchmarkSection } from './lib/benchmarks-doc.mjs';
import { measureSizes, sizesMarkdown } from './lib/size.mjs';

const wanted = process.argv.slice(2);
const pick = (name) => wanted.length === 0 || wanted.includes(name);

const build = spawnSync('npx', ['--no', '--', 'rollup', '-c', '--silent'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

/** Each benchmark module exports one async function returning its markdown section. */
const benchmarks = [
  { name: 'sizes', run: async () => sizesMarkdown(measureSizes()) },
  { name: 'meet', file: './bench-meet.mjs', fn: 'benchMeet' },
  { name: 'server', file: './bench-server.mjs', fn: 'benchServer' },
  { name: 'blur', file: './bench-blur.mjs', fn: 'benchBlur' },
];

let failed = 0;
for (const bench of benchmarks) {
  if (!pick(bench.name)) continue;
  if (bench.file && !existsSync(new URL(bench.file, import.meta.url))) continue;
  const run = bench.run ?? (await import(bench.file))[bench.fn];
  console.log(`\n== ${bench.name} ==`);
  try {
    const markdown = await run();
    console.log(markdown);
    writeBenchmarkSection(bench.name, markdown);
  } catch (error) {
    failed += 1;
    console.error(`benchmark ${bench.name} failed:`, error);
  }
}
console.log('\nwritten to docs/benchmarks.md');
process.exit(failed ? 1 : 0);
