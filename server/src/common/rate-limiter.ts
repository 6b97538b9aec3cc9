/**
 * Fixed-window counters in process memory. Each server process limits on its own; that bounds
 * an attacker to (limit × processes), which is what an in-memory limiter can promise.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private lastSweep = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Seconds to wait when `key` is over its limit, else null. Does not count. */
  blockedFor(key: string, now = Date.now()): number | null {
    const window = this.windows.get(key);
    if (window === undefined || window.resetAt <= now || window.count < this.limit) return null;
    return Math.max(1, Math.ceil((window.resetAt - now) / 1000));
  }

  /** Counts one event for `key`. */
  hit(key: string, now = Date.now()): void {
    this.sweep(now);
    const window = this.windows.get(key);
    if (window === undefined || window.resetAt <= now) this.windows.set(key, { count: 1, resetAt: now + this.windowMs });
    else window.count += 1;
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
