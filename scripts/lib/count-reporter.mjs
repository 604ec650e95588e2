// A web-test-runner reporter that writes the pass/fail counts to a JSON file, so that
// scripts/test.mjs can print one closing line for node and browser tests together.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function collect(suite, counts, path = []) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else {
      counts.failed += 1;
      counts.failures.push([...path, test.name].join(' > '));
    }
  }
  for (const child of suite.suites ?? []) collect(child, counts, [...path, child.name]);
}

export function countReporter(outFile) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
      for (const session of sessions) {
        if (session.testResults) collect(session.testResults, counts, [session.testFile]);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          counts.failed += 1;
          counts.failures.push(`${session.testFile}: ${session.errors.map((e) => e.message).join('; ')}`);
        }
      }
      mkdirSync(dirname(outFile), { recursive: true });
      writeFileSync(outFile, JSON.stringify(counts, null, 2));
    },
  };
}
