import type { Ctx } from "../../common/context.js";
import { RateLimiter } from "../../common/rate-limiter.js";
import { transactional } from "../../common/transaction.js";
import type { AuditService } from "../audit/audit.service.js";
import type { AuthFailure, ClientAuthenticator } from "./client-authenticator.js";
import type { ClientState } from "./client-state-cache.js";

export type ClientAuthOutcome =
  | { ok: true; state: ClientState; secretVersion: number }
  | { ok: false; kind: "invalid" }
  | { ok: false; kind: "throttled"; retryAfterSeconds: number }
  | { ok: false; kind: "unauthorized"; message: string };

const AUDITED: Partial<Record<AuthFailure, string>> = {
  expired: "the client has expired",
  ip_not_allowed: "the request came from an address outside the client's allowed IPs",
};

/**
 * Client authentication for /token, /introspect and /revoke. Callers learn only "failed";
 * why a known client was refused goes to its organization's audit trail.
 */
export class ClientAuthService {
  private readonly failuresPerIp = new RateLimiter(30, 60_000);
  private readonly failuresPerClient = new RateLimiter(10, 60_000);
  // At most one audit event per client and reason a minute, so a retry loop cannot flood the trail.
  private readonly auditThrottle = new RateLimiter(1, 60_000);

  constructor(
    private readonly authenticator: ClientAuthenticator,
    private readonly audit: AuditService,
  ) {}

  async authenticate(ctx: Ctx, clientId: string, secret: string): Promise<ClientAuthOutcome> {
    const ip = ctx.ip ?? "";
    const wait = this.failuresPerIp.blockedFor(ip) ?? this.failuresPerClient.blockedFor(clientId);
    if (wait !== null) return { ok: false, kind: "throttled", retryAfterSeconds: wait };
    const result = await this.authenticator.authenticate(clientId, secret, ip);
    if (result.ok) return result;
    if (result.reason === "unknown_client" || result.reason === "bad_secret") {
      this.failuresPerIp.hit(ip);
      this.failuresPerClient.hit(clientId);
      return { ok: false, kind: "invalid" };
    }
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
