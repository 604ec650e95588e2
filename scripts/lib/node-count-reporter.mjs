// A node:test reporter that writes pass/fail counts as JSON (leaf tests only, not suites).
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { data } = event;
    if (data.details?.type === 'suite') {
      // A suite that failed in a hook (before/after) has no failing leaf: count it.
      if (event.type === 'test:fail' && data.details?.error?.failureType !== 'subtestsFailed') {
        counts.failed += 1;
        counts.failures.push(`${data.file ?? ''} ${data.name}: ${data.details.error?.message ?? ''}`);
      }
      continue;
    }
    if (data.skip || data.todo) counts.skipped += 1;
    else if (event.type === 'test:pass') counts.passed += 1;
    else {
      counts.failed += 1;
      counts.failures.push(`${data.file ?? ''} ${data.name}: ${data.details?.error?.message ?? ''}`);
    }
  }
  yield JSON.stringify(counts, null, 2);
}
