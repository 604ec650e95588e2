#!/usr/bin/env node
// `npm test`: builds, then runs the Node tests (node:test + tsx) and the browser tests
// (web-test-runner in Debian's chromium), and closes with one line: `N passed, N failed`.
//   npm test                     everything
//   npm test -- --node-only      Node tests only     (--browser-only for the other half)
//   npm test -- test/x.node.test.ts test/y.test.ts   just these files
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const only = (flag) => args.includes(flag);
const picked = args.filter((a) => !a.startsWith('--'));
// Each run counts into its own folder, so two runs at once (two people on one machine)
// never read each other's counts.
const results = join('.test-results', `run-${process.pid}`);
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

function run(cmd, cmdArgs, env = {}) {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const all = walk('test');
const nodeFiles = (picked.length ? picked : all).filter((f) => f.endsWith('.node.test.ts')).sort();
const browserFiles = (picked.length ? picked : all)
  .filter((f) => f.endsWith('.test.ts') && !f.endsWith('.node.test.ts'))
  .sort();

if (!only('--no-build')) {
  const status = run('npx', ['--no', '--', 'rollup', '-c', '--silent']);
  if (status !== 0) {
    console.log('\nbuild failed\n0 passed, 1 failed');
    process.exit(1);
  }
}

const totals = { passed: 0, failed: 0, skipped: 0, failures: [] };
function add(file, exitStatus, label) {
  if (!existsSync(file)) {
    totals.failed += 1;
    totals.failures.push(`${label}: runner exited ${exitStatus} without results`);
    return;
  }
  const c = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
  totals.failures.push(...c.failures);
  if (exitStatus !== 0 && c.failed === 0) {
    totals.failed += 1;
    totals.failures.push(`${label}: runner exited ${exitStatus}`);
  }
}

if (!only('--browser-only') && nodeFiles.length) {
  const status = run(process.execPath, [
    '--import', 'tsx', '--test', '--test-concurrency=1',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/lib/node-count-reporter.mjs', `--test-reporter-destination=${results}/node.json`,
    ...nodeFiles,
  ]);
  add(`${results}/node.json`, status, 'node tests');
}

if (!only('--node-only') && browserFiles.length) {
  const status = run('npx', ['--no', '--', 'wtr'], {
    WTR_FILES: browserFiles.join(','),
    CHAT_MEET_RESULTS: results,
  });
  add(`${results}/browser.json`, status, 'browser tests');
}

if (totals.failures.length) {
  console.log('\nFailures:');
  for (const f of totals.failures) console.log(`  - ${f}`);
}
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
rmSync(results, { recursive: true, force: true });
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed ? 1 : 0);
