import type { Ctx } from "../../common/context.js";
import { FailureThrottle, type FailureLimits } from "../../common/failure-throttle.js";
import { HASH_COST, type HashBudget } from "../../common/hash-budget.js";
import { RateLimiter } from "../../common/rate-limiter.js";
import { throttleKey } from "../../common/throttle-key.js";
import { transactional } from "../../common/transaction.js";
import type { AuditService } from "../audit/audit.service.js";
import type { ClientState } from "../tokens/client-state-cache.js";
import type { IssuedToken, TokenUser } from "../tokens/token.service.js";
import { MAX_USER_ID_LENGTH } from "./directory-answer.js";
import type { DirectoryOutcome, UserDirectory } from "./user-directory.js";

export type UserGrant = { mode: "login"; username: string; password: string } | { mode: "impersonate"; username: string | null; id: string | null };

export type UserGrantOutcome =
  | { ok: true; user: TokenUser }
  | { ok: false; kind: "unauthorized"; message: string }
  | { ok: false; kind: "invalid_grant"; message: string }
  | { ok: false; kind: "invalid_request"; message: string }
  | { ok: false; kind: "throttled"; retryAfterSeconds: number }
  | { ok: false; kind: "unavailable"; why: string };

/**
 * Refused user lookups per minute (wrong passwords, unknown users): 10 for one user from one
 * address, 30 from one address in all, and once a user has 50 from all addresses, an address
 * that has failed for that user waits. Per client, 100 in all.
 */
export const USER_LOGIN_LIMITS: FailureLimits = { perAddress: 30, perAccountAndAddress: 10, perAccount: 50, windowMs: 60_000 };
export const CLIENT_REFUSALS_PER_MINUTE = 100;

/** How long a directory that did not answer is left alone by the caller (Retry-After). */
export const DIRECTORY_RETRY_AFTER_SECONDS = 5;

/**
 * Tokens that act for a platform user (issue 15): which clients may ask, who the user is (the
 * platform's directory says, or for impersonation without one, the client), and the audit trail.
 */
export class UserTokenService {
  private readonly failures = new FailureThrottle(USER_LOGIN_LIMITS);
  private readonly clientRefusals = new RateLimiter(CLIENT_REFUSALS_PER_MINUTE, 60_000);

  constructor(
    private readonly directory: UserDirectory | null,
    private readonly hashBudget: HashBudget,
    private readonly audit: AuditService,
    private readonly impersonationTtlSeconds: number,
  ) {}

  /** RFC 8414 metadata: whether any client may use the password grant on this server now. */
  async isPasswordGrantOffered(ctx: Ctx): Promise<boolean> {
    const where = this.directory === null ? "allow_impersonate = 1" : "allow_impersonate = 1 OR allow_login = 1";
    const rows: unknown[] = await ctx.manager.query(`SELECT 1 AS offered FROM api_clients WHERE ${where} LIMIT 1`);
    return rows.length > 0;
  }

  /** The user the client asks to act for, or why not. The client is authenticated already. */
  async resolve(ctx: Ctx, state: ClientState, grant: UserGrant): Promise<UserGrantOutcome> {
    const { client } = state;
    if (grant.mode === "login" && !client.allowLogin) return { ok: false, kind: "unauthorized", message: "This client may not log users in (allowLogin is off)" };
    if (grant.mode === "impersonate" && !client.allowImpersonate) return { ok: false, kind: "unauthorized", message: "This client may not impersonate users (allowImpersonate is off)" };
    if (grant.mode === "login" && this.directory === null) return { ok: false, kind: "unauthorized", message: "Logging users in needs a user directory, and this server has none" };
    if (this.directory === null && grant.mode === "impersonate") {
      // As Decidim: without a directory, a client flagged for it is taken at its word.
      if (grant.id === null && (grant.username as string).length > MAX_USER_ID_LENGTH) {
        return { ok: false, kind: "invalid_request", message: `Without a user directory the username is the user's id, at most ${MAX_USER_ID_LENGTH} characters: send a shorter one or the id` };
      }
      return { ok: true, user: this.tokenUser("impersonate", { id: grant.id ?? (grant.username as string), username: grant.username, claims: {} }) };
    }
    return this.ask(ctx, state, grant, this.directory as UserDirectory);
  }

  private async ask(ctx: Ctx, state: ClientState, grant: UserGrant, directory: UserDirectory): Promise<UserGrantOutcome> {
    const { client } = state;
    const address = throttleKey(ctx.ip);
    // Case and compatibility variants of a name count as one user: most directories match them alike.
    const account = `${client.organizationId ?? ""}\u0000${grant.mode === "impersonate" && grant.id !== null ? `#${grant.id}` : (grant.username as string).normalize("NFKC").toLowerCase()}`;
    const clientWait = this.clientRefusals.blockedFor(client.id);
    if (clientWait !== null) return { ok: false, kind: "throttled", retryAfterSeconds: clientWait };
    const wait = this.failures.begin(account, address);
    if (wait !== null) return { ok: false, kind: "throttled", retryAfterSeconds: wait };
    // The platform hashes the password: each login costs what a sign-in here would.
    if (grant.mode === "login") {
      const slotWait = this.hashBudget.take(address, Date.now(), HASH_COST.password);
      if (slotWait !== null) {
        this.failures.withdrawn(account, address);
        return { ok: false, kind: "throttled", retryAfterSeconds: slotWait };
      }
    }
    let outcome: DirectoryOutcome;
    try {
      outcome = await directory.lookup(
        grant.mode === "login"
          ? { organizationId: client.organizationId, mode: "login", username: grant.username, password: grant.password }
          : grant.id !== null
            ? { organizationId: client.organizationId, mode: "impersonate", id: grant.id }
            : { organizationId: client.organizationId, mode: "impersonate", username: grant.username as string },
      );
    } catch (error) {
      this.failures.withdrawn(account, address);
      throw error;
    }
    switch (outcome.kind) {
      case "found":
        this.failures.succeeded(account, address);
        return { ok: true, user: this.tokenUser(grant.mode, outcome.user) };
      case "refused":
        this.failures.failed(account, address);
        this.clientRefusals.hit(client.id);
        return { ok: false, kind: "invalid_grant", message: grant.mode === "login" ? "The username or password is wrong" : "No such user in this client's organization" };
      case "unavailable":
        this.failures.withdrawn(account, address);
        return { ok: false, kind: "unavailable", why: outcome.why };
    }
  }

  private tokenUser(mode: "login" | "impersonate", user: { id: string; username: string | null; claims: Record<string, string> }): TokenUser {
    return { ...user, mode, maxTtlSeconds: mode === "impersonate" ? this.impersonationTtlSeconds : null };
  }

  /** Every user token issued is in the organization's audit trail: client, user, mode, address. */
  async recordIssued(ctx: Ctx, state: ClientState, user: TokenUser, issued: IssuedToken): Promise<void> {
    const { client } = state;
    const asClient: Ctx = { ...ctx, actor: { type: "CLIENT", apiClientId: client.id, clientId: client.clientId, organizationId: client.organizationId, permissions: [] } };
    await transactional(asClient, (tx) =>
      this.audit.record(tx, {
        organizationId: client.organizationId,
        action: "user_token.issued",
        targetType: "API_CLIENT",
        targetId: client.id,
        targetLabel: client.name,
        changes: { mode: user.mode, userId: user.id, username: user.username, scope: issued.scope, expiresIn: issued.expiresIn },
      }),
    );
  }
}
