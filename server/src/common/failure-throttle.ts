export interface FailureLimits {
  /** Failures from one address (throttleKey), whatever account they were for. */
  perAddress: number;
  /** Failures for one account from one address. */
  perAccountAndAddress: number;
  /**
   * Failures for one account from every address. Past it the account is under attack: an address
   * that has failed for it in its window is refused, one that has not may still try.
   */
  perAccount: number;
  windowMs: number;
}

interface Window {
  count: number;
  resetAt: number;
}

/**
 * Failed-credential counting for sign-in and client authentication, in fixed windows in process
 * memory. Someone who knows an account (an e-mail address, a client id) can exhaust only their
 * own addresses' allowance for it, never the owner's at the owner's address; spreading over many
 * addresses buys one failure per fresh address once the account is under attack.
 *
 * An attempt counts as a failure from the moment it begins, so a burst of concurrent guesses
 * cannot all pass the check before the first has failed; `succeeded` and `withdrawn` take it back.
 */
export class FailureThrottle {
  private readonly byAddress = new Map<string, Window>();
  private readonly byPair = new Map<string, Window>();
  private readonly byAccount = new Map<string, Window>();
  private lastSweep = 0;

  constructor(readonly limits: FailureLimits) {}

  /** Before a credential is checked: null when it may be, else the seconds to wait. */
  begin(account: string, address: string, now = Date.now()): number | null {
    this.sweep(now);
    const pairKey = `${account}\u0000${address}`;
    const fromAddress = live(this.byAddress, address, now);
    const pair = live(this.byPair, pairKey, now);
    const forAccount = live(this.byAccount, account, now);
    const until: number[] = [];
    if (fromAddress !== null && fromAddress.count >= this.limits.perAddress) until.push(fromAddress.resetAt);
    if (pair !== null && pair.count >= this.limits.perAccountAndAddress) until.push(pair.resetAt);
    if (forAccount !== null && pair !== null && pair.count > 0 && forAccount.count >= this.limits.perAccount) until.push(Math.min(pair.resetAt, forAccount.resetAt));
    if (until.length > 0) return Math.max(1, Math.ceil((Math.max(...until) - now) / 1000));
    this.count(this.byAddress, address, now);
    this.count(this.byPair, pairKey, now);
    this.count(this.byAccount, account, now);
    return null;
  }

  /** The credential was right: no failure, and this address starts afresh for the account. */
  succeeded(account: string, address: string, now = Date.now()): void {
    uncount(this.byAddress, address, now);
    uncount(this.byAccount, account, now);
    this.byPair.delete(`${account}\u0000${address}`);
  }

  /** The credential was not checked after all (refused for another reason first). */
  withdrawn(account: string, address: string, now = Date.now()): void {
    uncount(this.byAddress, address, now);
    uncount(this.byPair, `${account}\u0000${address}`, now);
    uncount(this.byAccount, account, now);
  }

  private count(windows: Map<string, Window>, key: string, now: number): void {
    const window = live(windows, key, now);
    if (window === null) windows.set(key, { count: 1, resetAt: now + this.limits.windowMs });
    else window.count += 1;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.limits.windowMs) return;
    this.lastSweep = now;
    for (const windows of [this.byAddress, this.byPair, this.byAccount]) {
      for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
    }
  }
}

function live(windows: Map<string, Window>, key: string, now: number): Window | null {
  const window = windows.get(key);
  return window === undefined || window.resetAt <= now ? null : window;
}

function uncount(windows: Map<string, Window>, key: string, now: number): void {
  const window = live(windows, key, now);
  if (window !== null && window.count > 0) window.count -= 1;
}
