import type { Ctx } from "../../common/context.js";
import { tooManyRequests } from "../../common/errors.js";
import { FailureThrottle, type FailureLimits } from "../../common/failure-throttle.js";
import { HASH_COST, type HashBudget } from "../../common/hash-budget.js";
import type { SharedCounters } from "../../common/shared-counters.js";
import { throttleKey } from "../../common/throttle-key.js";
import { verifyAgainstDummy, verifyPassword } from "../members/password.js";
import { User } from "../members/user.entity.js";

/**
 * Wrong passwords per 15 minutes: 5 for one account from one address, 30 from one address in
 * all, and once an account has 20 from all addresses, an address that has failed for it waits.
 */
export const SIGN_IN_LIMITS: FailureLimits = { perAddress: 30, perAccountAndAddress: 5, perAccount: 20, windowMs: 15 * 60_000 };

/** Password checks for sign-in and for a password change: throttled, and within the hash budget. */
export class SignInGuard {
  private readonly failures: FailureThrottle;

  constructor(
    private readonly hashBudget: HashBudget,
    shared: SharedCounters | null = null,
  ) {
    this.failures = new FailureThrottle(SIGN_IN_LIMITS, shared, "sign-in");
  }

  /**
   * The user, or null when the e-mail address or the password is wrong (an unknown address costs
   * what a known one does). Throws TOO_MANY_REQUESTS, without hashing, when this address has
   * failed too often or has spent its hash budget.
   */
  async verify(ctx: Ctx, email: string, password: string): Promise<User | null> {
    const address = throttleKey(ctx.ip);
    const wait = await this.failures.check(email, address);
    if (wait !== null) throw tooManyRequests(`Too many sign-in attempts. Try again in ${wait} seconds.`, wait);
    let user: User | null;
    let valid: boolean;
    try {
      await this.hashBudget.spend(ctx.ip, HASH_COST.password);
      user = await ctx.manager.findOneBy(User, { email });
      valid = user === null ? await verifyAgainstDummy(password) : await verifyPassword(user.passwordHash, password);
    } catch (error) {
      this.failures.withdrawn(email, address);
      throw error;
    }
    if (user === null || !valid) {
      await this.failures.failed(email, address);
      return null;
    }
    this.failures.succeeded(email, address);
    return user;
  }
}
