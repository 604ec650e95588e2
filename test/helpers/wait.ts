/** Polls `cond` until it holds or `timeoutMs` passes; fails with `what` so the report says what never happened. */
export async function waitFor(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(25);
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Sum of a stat over a report's entries of one type (and kind). */
export function sumStat(report: RTCStatsReport, type: string, kind: string | null, field: string): number {
  let total = 0;
  report.forEach((s: Record<string, unknown>) => {
    if (s.type === type && (kind === null || s.kind === kind)) total += Number(s[field] ?? 0);
  });
  return total;
}
