import type { Ctx } from "../../common/context.js";
import { FailureThrottle, type FailureLimits } from "../../common/failure-throttle.js";
import { HASH_COST, type HashBudget } from "../../common/hash-budget.js";
import { RateLimiter } from "../../common/rate-limiter.js";
import type { SharedCounters } from "../../common/shared-counters.js";
import { throttleKey } from "../../common/throttle-key.js";
import { transactional } from "../../common/transaction.js";
import type { AuditReason } from "../audit/audit-reasons.js";
import type { AuditService } from "../audit/audit.service.js";
import type { AuthFailure, AuthResult, ClientAuthenticator } from "./client-authenticator.js";
import { ClientAssertionAuthenticator } from "./client-assertion-authenticator.js";
import type { ClientState } from "./client-state-cache.js";

export type ClientAuthOutcome =
  | { ok: true; state: ClientState; secretVersion: number }
  | { ok: false; kind: "invalid" }
  | { ok: false; kind: "throttled"; retryAfterSeconds: number; why: "failures" | "hash_budget" }
  | { ok: false; kind: "unauthorized"; message: string };

/** Refusals of a known client with the right secret, as the stable reasons of audit-reasons.ts. */
const AUDITED: Partial<Record<AuthFailure, AuditReason>> = {
  expired: "CLIENT_EXPIRED",
  ip_not_allowed: "IP_NOT_ALLOWED",
};

/**
 * Wrong secrets (or unknown client ids) per minute: 10 for one client id from one address, 30
 * from one address in all, and once a client has 100 from all addresses, an address that has
 * failed for it waits.
 */
export const CLIENT_AUTH_LIMITS: FailureLimits = { perAddress: 30, perAccountAndAddress: 10, perAccount: 100, windowMs: 60_000 };

/**
 * Client authentication for /token, /introspect and /revoke. Callers learn only "failed";
 * why a known client was refused goes to its organization's audit trail.
 */
export class ClientAuthService {
  private readonly failures: FailureThrottle;
  // At most one audit event per client and reason a minute, so a retry loop cannot flood the trail.
  private readonly auditThrottle = new RateLimiter(1, 60_000);

  constructor(
    private readonly authenticator: ClientAuthenticator,
    private readonly audit: AuditService,
    private readonly hashBudget: HashBudget,
    shared: SharedCounters | null,
    private readonly assertions: ClientAssertionAuthenticator,
  ) {
    this.failures = new FailureThrottle(CLIENT_AUTH_LIMITS, shared, "client-auth");
  }

  async authenticate(ctx: Ctx, clientId: string, secret: string): Promise<ClientAuthOutcome> {
    const address = throttleKey(ctx.ip);
    const wait = await this.failures.check(clientId, address);
    if (wait !== null) return { ok: false, kind: "throttled", retryAfterSeconds: wait, why: "failures" };
    let result: AuthResult;
    let turnOver: (() => void) | null = null;
    try {
      turnOver = await this.authenticator.slowHashTurn(clientId, secret);
      if (turnOver !== null) {
        const slotWait = await this.hashBudget.acquire(address, HASH_COST.clientSecret);
        if (slotWait !== null) {
          this.failures.withdrawn(clientId, address);
          return { ok: false, kind: "throttled", retryAfterSeconds: slotWait, why: "hash_budget" };
        }
      }
      result = await this.authenticator.authenticate(clientId, secret, ctx.ip ?? "");
    } catch (error) {
      this.failures.withdrawn(clientId, address);
      throw error;
    } finally {
      turnOver?.();
    }
    return this.settle(ctx, clientId, address, result);
  }

  /**
   * A client assertion (private_key_jwt, issue 17): refusals count in the same failure throttle
   * as wrong secrets. No slow hash runs, so the hash budget is not charged.
   */
  async authenticateAssertion(ctx: Ctx, clientId: string | null, assertion: string): Promise<ClientAuthOutcome> {
    const address = throttleKey(ctx.ip);
    const id = ClientAssertionAuthenticator.clientIdOf(clientId, assertion) ?? "";
    const wait = await this.failures.check(id, address);
    if (wait !== null) return { ok: false, kind: "throttled", retryAfterSeconds: wait, why: "failures" };
    let result: AuthResult;
    try {
      result = id === "" ? { ok: false, reason: "unknown_client", state: null } : await this.assertions.authenticate(id, assertion, ctx.ip ?? "");
    } catch (error) {
      this.failures.withdrawn(id, address);
      throw error;
    }
    return this.settle(ctx, id, address, result);
  }

  private async settle(ctx: Ctx, clientId: string, address: string, result: AuthResult): Promise<ClientAuthOutcome> {
    if (!result.ok && (result.reason === "unknown_client" || result.reason === "bad_secret")) {
      await this.failures.failed(clientId, address);
      return { ok: false, kind: "invalid" };
    }
    // The secret was right, whatever else refuses the client.
    this.failures.succeeded(clientId, address);
    if (result.ok) return result;
    if (result.reason === "api_clients_off") return { ok: false, kind: "unauthorized", message: "API clients are switched off for this client's organization" };
    await this.recordRefusal(ctx, result.state, result.reason);
    return { ok: false, kind: "invalid" };
  }

  private async recordRefusal(ctx: Ctx, state: ClientState | null, reason: AuthFailure): Promise<void> {
    const why = AUDITED[reason];
    if (state === null || why === undefined) return;
    const key = `${state.client.id}:${reason}`;
    if (this.auditThrottle.blockedFor(key) !== null) return;
    this.auditThrottle.hit(key);
    await transactional(ctx, (tx) => this.audit.record(tx, {
      organizationId: state.client.organizationId,
      action: "token.refused",
      targetType: "API_CLIENT",
      targetId: state.client.id,
      targetLabel: state.client.name,
      changes: { reason: why },
    }));
  }
}
