import { createHash } from "node:crypto";
import { decodeJwt, jwtVerify, type JWTPayload } from "jose";
import type { DataSource } from "typeorm";
import type { AssertionVerifier, VerifiedAssertion } from "../tokens/client-assertion-authenticator.js";
import type { ClientState } from "../tokens/client-state-cache.js";
import { FederatedCredential } from "./federated-credential.entity.js";
import { IssuerUnavailable, type IssuerKeys } from "./issuer-keys.js";

/** Asymmetric algorithms only: a shared-key (HS*) or unsigned token proves nothing about its issuer. */
export const FEDERATION_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", "Ed25519"];
/** Leeway for clocks that differ a little from the issuer's, in seconds, on exp and nbf. */
export const CLOCK_LEEWAY_SECONDS = 30;
/** GitHub's and Kubernetes' tokens are 1–2 KB; anything this long is not one of them. */
const MAX_ASSERTION_LENGTH = 16 * 1024;

/** Why is for debugging, never the caller: every refusal is invalid_client. */
export type FederatedOutcome = { ok: true; credential: FederatedCredential; once: VerifiedAssertion } | { ok: false; why: string; outage: { issuer: string; why: string } | null };

/** Told once per outage of an issuer (its first failed fetch), for the log; never given the token. */
export type OutageReport = (issuer: string, why: string) => void;

/**
 * A workload's token from an external issuer as its client's assertion (issue 17): signed by
 * one of the issuer's keys, `iss` a credential's issuer (on the allowlist), `aud` containing its
 * audience, `sub` exactly its subject, `exp` required, `nbf` honoured. Its jti (or, without one,
 * its hash) goes to the dispatcher's replay store, so it is used only once.
 */
export class FederatedAssertionVerifier implements AssertionVerifier {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: IssuerKeys,
    private readonly allowed: readonly string[],
    private readonly report: OutageReport = () => {},
  ) {}

  async verify(state: ClientState, assertion: string): Promise<VerifiedAssertion | null> {
    // Read each time (one indexed row set): a removed credential stops working at once, on every node.
    const credentials = await this.dataSource.manager.find(FederatedCredential, { where: { apiClientId: state.client.id } });
    const outcome = await this.check(credentials, assertion);
    if (outcome.ok) return outcome.once;
    if (outcome.outage !== null) this.report(outcome.outage.issuer, outcome.outage.why);
    return null;
  }

  async check(credentials: readonly FederatedCredential[], assertion: string): Promise<FederatedOutcome> {
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
    return { ok: true, credential, once: { jti: once, expiresAtMs: (payload.exp! + CLOCK_LEEWAY_SECONDS) * 1000 } };
  }
}

function refused(why: string): FederatedOutcome {
  return { ok: false, why, outage: null };
}
