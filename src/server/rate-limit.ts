/**
 * A token bucket: `burst` frames at once, refilled at `perSecond`. Each connection has
 * one, and each user one more shared by all their connections on this node (in Redis
 * mode the per-user count is also summed across nodes, see redis-store.ts).
 */
export interface RateOptions {
  perSecond: number;
  burst: number;
}

export class TokenBucket {
  private tokens: number;
  private last = Date.now();
  constructor(private readonly options: RateOptions) {
    this.tokens = options.burst;
  }
  /** Takes one token; false when the bucket is empty. */
  take(now = Date.now()): boolean {
    const { perSecond, burst } = this.options;
    this.tokens = Math.min(burst, this.tokens + ((now - this.last) / 1000) * perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
