import { tooManyRequests } from "./errors.js";
import type { SharedCounters } from "./shared-counters.js";
import { throttleKey } from "./throttle-key.js";

/**
 * What one slow hash costs of the budget. A password (argon2id, 64 MiB, 3 passes) takes about
 * five times the work of a client secret (argon2id, 19 MiB, 2 passes), so a budget of 100 is 20
 * password hashes or 100 secret verifications: a gateway fetching tokens for many clients after
 * a restart is not held to the pace meant for password guessing.
 */
export const HASH_COST = { password: 5, clientSecret: 1 } as const;

/**
 * How much slow hashing (argon2id) unauthenticated requests from one address may start per
 * window. Slots are taken before the hash starts, so a burst of concurrent requests cannot all
 * slip past the check while the first ones are still hashing; once the budget is spent the
 * caller is refused at once, without hashing.
 */
export class HashBudget {
  private readonly windows = new Map<string, { used: number; resetAt: number }>();
  private lastSweep = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    /** On MySQL/MariaDB: the windows in the database, so every node spends one budget. */
    private readonly shared: SharedCounters | null = null,
  ) {}

  /**
   * As `take`, across every node when the budget is shared: the check and the taking are one
   * conditional statement in the database (SharedCounters.take), so a burst spread over nodes
   * gets exactly the budget, as on one node.
   */
  async acquire(key: string, cost = 1, now = Date.now()): Promise<number | null> {
    if (this.shared === null) return this.take(key, now, cost);
    return this.shared.take(`hash-budget\u0000${key}`, cost, this.limit, this.windowMs, now);
  }

  /** Takes `cost` slots for `key` (see throttleKey): null when granted, else seconds to wait. */
  take(key: string, now = Date.now(), cost = 1): number | null {
    this.sweep(now);
    const window = this.windows.get(key);
    if (window === undefined || window.resetAt <= now) {
      this.windows.set(key, { used: cost, resetAt: now + this.windowMs });
      return null;
    }
    if (window.used + cost > this.limit) return Math.max(1, Math.ceil((window.resetAt - now) / 1000));
    window.used += cost;
    return null;
  }

  /**
   * Takes the slots of one slow hash for the caller at `ip` before it starts, or throws
   * TOO_MANY_REQUESTS (HTTP 429 with Retry-After) without hashing.
   */
  async spend(ip: string | null, cost: number, now = Date.now()): Promise<void> {
    const wait = await this.acquire(throttleKey(ip), cost, now);
    if (wait !== null) throw tooManyRequests(`Too many requests from your address. Try again in ${wait} seconds.`, wait);
  }

  /** Deletes ended windows of every shared throttle (they share one table); from the server's sweeper. */
  async pruneShared(): Promise<void> {
    await this.shared?.prune();
  }

  /** Slots `key` has left in its current window (on every node, when shared). */
  async remaining(key: string, now = Date.now()): Promise<number> {
    if (this.shared !== null) {
      const sharedKey = `hash-budget\u0000${key}`;
      const window = (await this.shared.read([sharedKey])).get(sharedKey);
      return window === undefined ? this.limit : Math.max(0, this.limit - window.used);
    }
    const window = this.windows.get(key);
    return window === undefined || window.resetAt <= now ? this.limit : this.limit - window.used;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
