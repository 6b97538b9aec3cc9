import { tooManyRequests } from "./errors.js";
import { throttleKey } from "./throttle-key.js";

/**
 * How many slow hashes (argon2id) unauthenticated requests from one address may start per
 * window. A slot is taken before the hash starts, so a burst of concurrent requests cannot all
 * slip past the check while the first ones are still hashing; once the budget is spent the
 * caller is refused at once, without hashing.
 */
export class HashBudget {
  private readonly windows = new Map<string, { used: number; resetAt: number }>();
  private lastSweep = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Takes one slot for `key` (see throttleKey): null when granted, else seconds to wait. */
  take(key: string, now = Date.now()): number | null {
    this.sweep(now);
    const window = this.windows.get(key);
    if (window === undefined || window.resetAt <= now) {
      this.windows.set(key, { used: 1, resetAt: now + this.windowMs });
      return null;
    }
    if (window.used >= this.limit) return Math.max(1, Math.ceil((window.resetAt - now) / 1000));
    window.used += 1;
    return null;
  }

  /**
   * Takes one slot for the caller at `ip` before a slow hash, or throws TOO_MANY_REQUESTS
   * (HTTP 429 with Retry-After) without hashing.
   */
  spend(ip: string | null, now = Date.now()): void {
    const wait = this.take(throttleKey(ip), now);
    if (wait !== null) throw tooManyRequests(`Too many requests from your address. Try again in ${wait} seconds.`, wait);
  }

  /** Slots `key` has left in its current window. */
  remaining(key: string, now = Date.now()): number {
    const window = this.windows.get(key);
    return window === undefined || window.resetAt <= now ? this.limit : this.limit - window.used;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
