/**
 * The product rule the meet button needs (../shared/PRODUCT.md), apart from the others in
 * rules.ts, which re-exports it (the rules stay one list, `meetRules`). The button is in the
 * first download; rollup puts a module in one chunk with every export that any chunk uses,
 * so with this rule in rules.ts all the meet-time rules came into boot.js (about 0.7 KB
 * gzip; docs/decisions/0002).
 */

/**
 * R5/R6: whether a customer's chat shows the meet button — the channel allows it, the
 * conversation came from the web chat (not an external messenger) and has an assignee.
 */
export function showsCustomerMeetButton(input: { customersMayStart: boolean; source: string; assigneeId?: string | null }): boolean {
  return input.customersMayStart && input.source === 'web' && Boolean(input.assigneeId);
}
