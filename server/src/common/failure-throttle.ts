import type { SharedCounters } from "./shared-counters.js";

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
 * Checks in flight for one account from one address. They are not failures (a right credential
 * being checked must not count against its own caller), but a burst is capped all the same.
 */
export const MAX_IN_FLIGHT = 64;

const SECOND = 1000;

/**
 * Failed-credential counting for sign-in and client authentication, in fixed windows in process
 * memory. Someone who knows an account (an e-mail address, a client id) can exhaust only their
 * own addresses' allowance for it, never the owner's at the owner's address; spreading over many
 * addresses buys one failure per fresh address once the account is under attack.
 *
 * Only finished failures count toward the limits, so the owner's own concurrent requests with a
 * right credential never throttle the owner. Checks in flight are capped per account and address
 * (MAX_IN_FLIGHT); slow checks are bounded further by the hash budget. Every `begin` that returns
 * null is followed by exactly one of `succeeded`, `failed` or `withdrawn`.
 */
export class FailureThrottle {
  private readonly byAddress = new Map<string, Window>();
  private readonly byPair = new Map<string, Window>();
  private readonly byAccount = new Map<string, Window>();
  private readonly inFlight = new Map<string, number>();
  private lastSweep = 0;
  /** Pairs the shared counters showed failures for, so a success clears them there too. */
  private readonly sharedPairs = new Set<string>();

  constructor(
    readonly limits: FailureLimits,
    /** On MySQL/MariaDB: failures counted in the database too, so every node sees every node's. */
    private readonly shared: SharedCounters | null = null,
    private readonly namespace = "",
  ) {}

  /**
   * `begin`, then on a cluster the same limits against the failures all nodes have counted
   * (read in one batch per event-loop turn). Null when the credential may be checked (and then
   * exactly one of succeeded, failed or withdrawn follows), else the seconds to wait.
   */
  async check(account: string, address: string, now = Date.now()): Promise<number | null> {
    const wait = this.begin(account, address, now);
    if (wait !== null || this.shared === null) return wait;
    const keys = this.sharedKeys(account, address);
    let windows: Map<string, { used: number; resetAt: number }>;
    try {
      windows = await this.shared.read(keys);
    } catch (error) {
      this.withdrawn(account, address);
      throw error;
    }
    const [fromAddress, pair, forAccount] = keys.map((key) => windows.get(key) ?? null);
    const pairKey = `${account}\u0000${address}`;
    if (pair !== null) this.sharedPairs.add(pairKey);
    const until: number[] = [];
    if (fromAddress !== null && fromAddress.used >= this.limits.perAddress) until.push(fromAddress.resetAt);
    if (pair !== null && pair.used >= this.limits.perAccountAndAddress) until.push(pair.resetAt);
    if (forAccount !== null && pair !== null && pair.used > 0 && forAccount.used >= this.limits.perAccount) until.push(Math.min(pair.resetAt, forAccount.resetAt));
    if (until.length === 0) return null;
    this.withdrawn(account, address);
    return Math.max(1, Math.ceil((Math.max(...until) - now) / SECOND));
  }

  private sharedKeys(account: string, address: string): string[] {
    return [`${this.namespace}\u0000address\u0000${address}`, `${this.namespace}\u0000pair\u0000${account}\u0000${address}`, `${this.namespace}\u0000account\u0000${account}`];
  }

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
    if (until.length > 0) return Math.max(1, Math.ceil((Math.max(...until) - now) / SECOND));
    const running = this.inFlight.get(pairKey) ?? 0;
    if (running >= MAX_IN_FLIGHT) return 1;
    this.inFlight.set(pairKey, running + 1);
    return null;
  }

  /** The credential was right: no failure, and this address starts afresh for the account. */
  succeeded(account: string, address: string): void {
    const pairKey = `${account}\u0000${address}`;
    this.settle(pairKey);
    this.byPair.delete(pairKey);
    if (this.shared !== null && this.sharedPairs.delete(pairKey)) this.shared.clear(this.sharedKeys(account, address)[1]).catch(() => undefined);
  }

  /** The credential was wrong. On a cluster, resolves once every node can see it. */
  failed(account: string, address: string, now = Date.now()): Promise<void> {
    const pairKey = `${account}\u0000${address}`;
    this.settle(pairKey);
    this.count(this.byAddress, address, now);
    this.count(this.byPair, pairKey, now);
    this.count(this.byAccount, account, now);
    if (this.shared === null) return Promise.resolve();
    return this.shared.add(this.sharedKeys(account, address).map((key) => ({ key, amount: 1, windowMs: this.limits.windowMs })), now);
  }

  /** The credential was not checked after all (refused for another reason first). */
  withdrawn(account: string, address: string): void {
    this.settle(`${account}\u0000${address}`);
  }

  private settle(pairKey: string): void {
    const running = (this.inFlight.get(pairKey) ?? 1) - 1;
    if (running > 0) this.inFlight.set(pairKey, running);
    else this.inFlight.delete(pairKey);
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
    this.sharedPairs.clear();
  }
}

function live(windows: Map<string, Window>, key: string, now: number): Window | null {
  const window = windows.get(key);
  return window === undefined || window.resetAt <= now ? null : window;
}
