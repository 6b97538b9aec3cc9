import { createHash } from "node:crypto";
import { decodeJwt, jwtVerify, type JWTPayload } from "jose";
import type { FederatedCredential } from "./federated-credential.entity.js";
import { IssuerUnavailable, type IssuerKeys } from "./issuer-keys.js";

/** Asymmetric algorithms only: a shared-key (HS*) or unsigned token proves nothing about its issuer. */
export const FEDERATION_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", "Ed25519"];
/** Leeway for clocks that differ a little from the issuer's, in seconds, on exp and nbf. */
export const CLOCK_LEEWAY_SECONDS = 30;
/** GitHub's and Kubernetes' tokens are 1–2 KB; anything this long is not one of them. */
const MAX_ASSERTION_LENGTH = 16 * 1024;

/** The shared replay store (RFC 7523 §3 item 7): true on a key's first use before it expires. */
export interface ReplayGuard {
  use(apiClientId: string, jti: string, expiresAtMs: number): Promise<boolean>;
}

/** Why is for the audit trail and debugging, never the caller: every refusal is invalid_client. */
export type FederatedOutcome = { ok: true; credential: FederatedCredential } | { ok: false; why: string; outage: { issuer: string; why: string } | null };

/**
 * A workload's token from an external issuer as its client's assertion (issue 17): signed by
 * one of the issuer's keys, `iss` a credential's issuer (on the allowlist), `aud` containing its
 * audience, `sub` exactly its subject, `exp` required, `nbf` honoured, and used only once.
 */
export class FederatedAssertionVerifier {
  constructor(
    private readonly keys: IssuerKeys,
    private readonly allowed: readonly string[],
    private readonly replay: ReplayGuard,
  ) {}

  async verify(apiClientId: string, credentials: readonly FederatedCredential[], assertion: string): Promise<FederatedOutcome> {
    if (assertion.length > MAX_ASSERTION_LENGTH) return refused("the assertion is too long");
    let claims: JWTPayload;
    try {
      claims = decodeJwt(assertion);
    } catch {
      return refused("the assertion is not a JWT");
    }
    const issuer = claims.iss;
    // Which issuer to ask is read from the token, but only one a credential names and the operator allows.
    const trusting = credentials.filter((credential) => credential.issuer === issuer && this.allowed.includes(credential.issuer));
    if (typeof issuer !== "string" || trusting.length === 0) return refused("no federated credential of the client trusts its issuer");
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(assertion, this.keys.resolverFor(issuer), {
        issuer,
        algorithms: FEDERATION_ALGORITHMS,
        clockTolerance: CLOCK_LEEWAY_SECONDS,
        requiredClaims: ["exp", "sub", "aud"],
      }));
    } catch (error) {
      if (error instanceof IssuerUnavailable) return { ok: false, why: `the issuer is unavailable: ${error.why}`, outage: error.report ? { issuer, why: error.why } : null };
      return refused("the assertion's signature or claims are not valid");
    }
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    const credential = trusting.find((item) => audiences.includes(item.audience) && payload.sub === item.subject);
    if (credential === undefined) return refused("no federated credential of the client matches its audience and subject");
    // Without a jti, the token itself is what may not come twice.
    const once = typeof payload.jti === "string" && payload.jti !== "" ? `federated:${issuer}:jti:${payload.jti}` : `federated:sha256:${createHash("sha256").update(assertion).digest("hex")}`;
    const expiresAtMs = (payload.exp! + CLOCK_LEEWAY_SECONDS) * 1000;
    if (!(await this.replay.use(apiClientId, once, expiresAtMs))) return refused("the assertion was used before");
    return { ok: true, credential };
  }
}

function refused(why: string): FederatedOutcome {
  return { ok: false, why, outage: null };
}
