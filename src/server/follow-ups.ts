/**
 * R7/R10 follow-ups: when a callee is offline (or missed the ring) the caller's client
 * reports a follow-up carrying the meet link. The server keeps the last ones (the demo
 * shows them) and POSTs each to the host backend's webhook, which puts it into the
 * conversation (as a chat message, an email, a push).
 */
export interface FollowUp {
  meetId: string;
  conversationId?: string;
  calleeId: string;
  reason: 'offline' | 'missed';
  link: string;
  /** Who reported it (the caller). */
  from: string;
  at: string;
  /** 'sent', 'failed: <why>', or 'no webhook'. */
  delivery: string;
}

export interface FollowUpLog {
  record(entry: Omit<FollowUp, 'at' | 'delivery'>): Promise<FollowUp>;
  list(): FollowUp[];
}

const KEEP = 200;

export function createFollowUpLog(webhookUrl: string | undefined, onDelivery: (ok: boolean) => void = () => undefined): FollowUpLog {
  const entries: FollowUp[] = [];
  return {
    async record(entry) {
      const followUp: FollowUp = { ...entry, at: new Date().toISOString(), delivery: webhookUrl ? 'pending' : 'no webhook' };
      entries.push(followUp);
      if (entries.length > KEEP) entries.shift();
      if (!webhookUrl) return followUp;
      try {
        const res = await fetch(webhookUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'follow-up', conversation: entry.conversationId ?? null, callee: entry.calleeId, link: entry.link, meetId: entry.meetId, reason: entry.reason, from: entry.from, at: followUp.at }),
          signal: AbortSignal.timeout(5000),
        });
        followUp.delivery = res.ok ? 'sent' : `failed: HTTP ${res.status}`;
      } catch (error) {
        followUp.delivery = `failed: ${(error as Error).message}`;
      }
      onDelivery(followUp.delivery === 'sent');
      return followUp;
    },
    list: () => entries.map((e) => ({ ...e })),
  };
}
