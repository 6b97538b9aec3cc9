import { compactVerify, decodeProtectedHeader } from "jose";
import { checkAssertionClaims } from "./assertion-claims.js";
import type { AssertionVerifier, VerifiedAssertion } from "./client-assertion-authenticator.js";
import type { ClientKey, ClientState } from "./client-state-cache.js";

/** The JWS algorithms a client key may sign with; never none or HS*. */
export const CLIENT_KEY_ALGORITHMS = ["EdDSA", "ES256", "RS256", "PS256"] as const;

/**
 * private_key_jwt (RFC 7523 §2.2, OpenID Connect Core §9): signed by one of the client's
 * unexpired keys (the header's kid picks it; without one each key is tried), iss = sub = the
 * client id, aud the issuer or the token endpoint.
 */
export class PrivateKeyJwtVerifier implements AssertionVerifier {
  private readonly audiences: string[];

  constructor(issuer: string) {
    this.audiences = [issuer, `${issuer}/token`];
  }

  async verify(state: ClientState, assertion: string): Promise<VerifiedAssertion | null> {
    let header: { alg?: unknown; kid?: unknown };
    try {
      header = decodeProtectedHeader(assertion);
    } catch {
      return null;
    }
    const alg = header.alg;
    if (typeof alg !== "string" || !(CLIENT_KEY_ALGORITHMS as readonly string[]).includes(alg)) return null;
    const now = Date.now();
    const candidates = state.publicKeys.filter((key) => (header.kid === undefined || key.kid === header.kid) && key.algorithms.includes(alg) && (key.expiresAt === null || key.expiresAt > now));
    for (const key of candidates) {
      const payload = await verifiedPayload(assertion, key);
      if (payload !== null) return checkAssertionClaims(payload, { issuer: state.client.clientId, subject: state.client.clientId, audiences: this.audiences }, now);
    }
    return null;
  }
}

async function verifiedPayload(assertion: string, key: ClientKey): Promise<Record<string, unknown> | null> {
  try {
    const { payload } = await compactVerify(assertion, key.key, { algorithms: key.algorithms });
    const claims: unknown = JSON.parse(new TextDecoder().decode(payload));
    return typeof claims === "object" && claims !== null && !Array.isArray(claims) ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
