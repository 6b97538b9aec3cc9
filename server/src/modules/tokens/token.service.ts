import { randomUUID } from "node:crypto";
import { createLocalJWKSet, decodeJwt, jwtVerify, type JWTPayload } from "jose";
import { LessThan, type DataSource } from "typeorm";
import { writeInTurn } from "../../common/transaction.js";
import { causalBarrier } from "../../db/causal-read.js";
import { readAgainOnce } from "../../db/database-outage.js";
import { selectEntity } from "../../db/prepared-select.js";
import type { Ctx } from "../../common/context.js";
import type { KeySet, SigningKeyService } from "../signing-keys/signing-key.service.js";
import { AccessToken } from "./access-token.entity.js";
import type { ClientState, ClientStateCache } from "./client-state-cache.js";
import type { LastUsedRecorder } from "./last-used-recorder.js";
import { createTokenStore, type TokenStore } from "./token-store.js";
import { VerifiedTokens, type VerifiedEntry } from "./verified-tokens.js";

export const DEFAULT_TTL_SECONDS = 3600;

export interface IssuedToken {
  accessToken: string;
  expiresIn: number;
  scope: string;
}

export interface AccessTokenClaims extends JWTPayload {
  client_id: string;
  scope: string;
  org_id: string | null;
  env: "live" | "staging";
  /** User tokens only (issue 15): how the client came to act for the user. */
  auth_type?: "login" | "impersonate";
  /** RFC 8693 §4.1, impersonation only: who acts. */
  act?: { sub: string };
  preferred_username?: string;
}

/** The platform user a user token acts for (issue 15); see modules/user-tokens. */
export interface TokenUser {
  id: string;
  username: string | null;
  mode: "login" | "impersonate";
  /** Allow-listed display claims from the directory. */
  claims: Record<string, string>;
  /** At most this long, or the organization's lifetime if that is shorter. */
  maxTtlSeconds: number | null;
}

export interface VerifiedToken {
  claims: AccessTokenClaims;
  state: ClientState;
  /** What the token may do now: its scope less whatever was revoked from the client since. Never empty. */
  permissions: string[];
}

export interface VerifyOptions {
  /**
   * "clavis": only tokens issued for Clavis's own API (audience: the issuer, or the issuer's
   * /graphql). "any" (the default): tokens for any resource, as introspection answers for them.
   */
  audience?: "clavis" | "any";
}

/** Why a token is not accepted: not active at all, or active but issued for another API. */
export type TokenRefusal = { refused: "inactive" } | { refused: "audience" };

/** Issues, verifies and revokes access tokens (RFC 9068 JWTs, each recorded by jti). */
export class TokenService {
  private lastKeyReload = 0;
  private jwks: { keySet: KeySet; verifyWith: ReturnType<typeof createLocalJWKSet> } | null = null;
  private readonly verified = new VerifiedTokens();
  /** Tokens being issued right now by this process (signed, then waiting for their batch). */
  private issuing = 0;

  constructor(
    private readonly issuer: string,
    private readonly dataSource: DataSource,
    private readonly keys: SigningKeyService,
    private readonly clients: ClientStateCache,
    private readonly lastUsed: LastUsedRecorder,
    private readonly store: TokenStore = createTokenStore(dataSource),
  ) {}

  /** The caller has authenticated the client and checked the scope against its permissions. */
  async issue(ctx: Ctx, state: ClientState, secretVersion: number, scope: string[], audience: string | null, ip: string, user: TokenUser | null = null): Promise<IssuedToken> {
    this.issuing += 1;
    try {
      return await this.signAndRecord(ctx, state, secretVersion, scope, audience, ip, user);
    } finally {
      this.issuing -= 1;
    }
  }

  private async signAndRecord(ctx: Ctx, state: ClientState, secretVersion: number, scope: string[], audience: string | null, ip: string, user: TokenUser | null): Promise<IssuedToken> {
    const { client, organization } = state;
    const organizationTtl = organization?.accessTokenTtlSeconds ?? DEFAULT_TTL_SECONDS;
    const ttl = user?.maxTtlSeconds == null ? organizationTtl : Math.min(organizationTtl, user.maxTtlSeconds);
    const now = Date.now();
    const iat = Math.floor(now / 1000);
    const jti = randomUUID();
    const scopeText = scope.join(" ");
    const { signer } = await this.keys.current(ctx);
    const claims = {
      iss: this.issuer,
      sub: client.clientId,
      client_id: client.clientId,
      aud: audience ?? this.issuer,
      iat,
      exp: iat + ttl,
      jti,
      scope: scopeText,
      org_id: client.organizationId,
      env: client.environment === "LIVE" ? "live" : "staging",
      ...(user === null ? {} : userClaims(user, client.clientId)),
    };
    // Alone, a token is signed at once; with others in progress, on the thread pool, so the
    // event loop keeps parsing and answering them meanwhile (signing is a third of /token's CPU).
    const accessToken = this.issuing === 1 ? signer.sign(claims) : await signer.signOffLoop(claims);
    await this.store.record(
      { jti, apiClientId: client.id, organizationId: client.organizationId, secretVersion, scope: scopeText, subject: user?.id ?? "", issuedAt: new Date(now), expiresAt: new Date((iat + ttl) * 1000) },
      organization?.maxTokensPerClient ?? 10,
    );
    this.verified.tokensChanged(client.id);
    this.lastUsed.record(client.id, ip, now);
    return { accessToken, expiresIn: ttl, scope: scopeText };
  }

  /**
   * Active: a token that is validly signed, unexpired, recorded and not revoked, whose client
   * still exists, has not expired, has not rotated away the secret the token was issued under,
   * and still holds at least one permission of the token's scope. The one definition shared by
   * GraphQL and introspection; the audience is checked on every call, cached or not.
   */
  async verify(ctx: Ctx, token: string, options: VerifyOptions = {}): Promise<VerifiedToken | TokenRefusal> {
    const inactive = { refused: "inactive" } as const;
    const checked = this.verified.get(token) ?? (await this.verifyRecorded(ctx, token));
    if (checked === null) return inactive;
    const state = await this.clients.get(checked.claims.client_id);
    if (state === null || state.client.id !== checked.apiClientId) return inactive;
    if (state.client.expiresAt !== null && state.client.expiresAt.getTime() <= Date.now()) return inactive;
    if (state.organization !== null && !state.organization.apiClientsEnabled) return inactive;
    // Issued under a secret that has since been replaced and whose grace period is over.
    if (state.client.authMethod === "CLIENT_SECRET" ? !state.secrets.some((secret) => secret.version === checked.secretVersion) : checked.secretVersion !== state.client.secretVersion) return inactive;
    // A user token needs its mode's flag now, not only at issue: clearing the flag ends them (issue 15).
    if (checked.claims.auth_type === "login" && !state.client.allowLogin) return inactive;
    if (checked.claims.auth_type === "impersonate" && !state.client.allowImpersonate) return inactive;
    // Least privilege: what the token was granted, less anything revoked from the client since.
    const permissions = checked.claims.scope.split(" ").filter((permission) => state.client.permissions.includes(permission));
    if (permissions.length === 0) return inactive;
    if (options.audience === "clavis" && !this.isForClavis(checked.claims.aud)) return { refused: "audience" };
    return { claims: checked.claims, state, permissions };
  }

  /** RFC 9068 §4: Clavis's own API is the issuer, or its /graphql endpoint (RFC 8707 resource). */
  private isForClavis(aud: string | string[] | undefined): boolean {
    const own = [this.issuer, `${this.issuer}/`, `${this.issuer}/graphql`];
    return (Array.isArray(aud) ? aud : [aud]).some((value) => value !== undefined && own.includes(value));
  }

  /** The signature and the recorded row, checked against the database and remembered briefly. */
  private async verifyRecorded(ctx: Ctx, token: string): Promise<VerifiedEntry | null> {
    const checkedAt = Date.now();
    const claims = await this.verifySignature(ctx, token);
    if (claims === null || typeof claims.jti !== "string" || typeof claims.client_id !== "string") return null;
    // A token revoked through another node is gone here too (Galera only; see causalBarrier).
    const jti = claims.jti;
    const row = await readAgainOnce(async () => {
      await causalBarrier(this.dataSource);
      return selectEntity(ctx.manager, AccessToken, "SELECT * FROM access_tokens WHERE jti = ?", [jti]);
    });
    if (row === null || row.revokedAt !== null || row.expiresAt.getTime() <= Date.now()) return null;
    const entry = { claims, apiClientId: row.apiClientId, secretVersion: row.secretVersion, expiresAt: row.expiresAt.getTime(), checkedAt };
    this.verified.set(token, entry);
    return entry;
  }

  /** RFC 7009: revokes the token if `apiClientId` owns it; unknown tokens are ignored. */
  async revoke(ctx: Ctx, apiClientId: string, token: string): Promise<void> {
    let jti: unknown;
    try {
      jti = decodeJwt(token).jti;
    } catch {
      return;
    }
    if (typeof jti !== "string") return;
    // Before and after: a check that read the row in between must not be remembered.
    this.verified.tokensChanged(apiClientId);
    await writeInTurn(this.dataSource, () => ctx.manager.delete(AccessToken, { jti, apiClientId }));
    this.verified.tokensChanged(apiClientId);
  }

  private async verifySignature(ctx: Ctx, token: string): Promise<AccessTokenClaims | null> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const keySet = await this.keys.current(ctx);
      // One JWKS object per key set: jose imports each key once and keeps it.
      if (this.jwks?.keySet !== keySet) this.jwks = { keySet, verifyWith: createLocalJWKSet({ keys: keySet.publicKeys }) };
      try {
        const { payload } = await jwtVerify(token, this.jwks.verifyWith, { issuer: this.issuer, typ: "at+jwt", algorithms: ["EdDSA"] });
        return payload as AccessTokenClaims;
      } catch (error) {
        // A key another process made since our last load: reload at most once a second.
        const unknownKey = (error as { code?: string }).code === "ERR_JWKS_NO_MATCHING_KEY";
        if (!unknownKey || attempt > 0 || Date.now() - this.lastKeyReload < 1000) return null;
        this.lastKeyReload = Date.now();
        await this.keys.reload(ctx);
      }
    }
    return null;
  }

  /** Deletes tokens that have expired; run from a timer, so the table holds little beyond the live set. */
  async pruneExpired(ctx: Ctx): Promise<number> {
    const result = await writeInTurn(this.dataSource, () => ctx.manager.delete(AccessToken, { expiresAt: LessThan(new Date()) }));
    return result.affected ?? 0;
  }
}

/** RFC 9068 §2.2: sub is the user; RFC 8693 §4.1: an impersonating client is the actor. */
function userClaims(user: TokenUser, clientId: string): Record<string, unknown> {
  return {
    ...user.claims,
    sub: user.id,
    auth_type: user.mode,
    ...(user.username === null ? {} : { preferred_username: user.username }),
    ...(user.mode === "impersonate" ? { act: { sub: clientId } } : {}),
  };
}
