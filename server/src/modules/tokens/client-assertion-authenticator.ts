import { decodeJwt } from "jose";
import type { ClientAuthMethod } from "../api-clients/api-client.entity.js";
import type { AssertionReplayStore } from "./assertion-replay.js";
import { refusalOf, type AuthResult } from "./client-authenticator.js";
import type { ClientState, ClientStateCache } from "./client-state-cache.js";

/** What a verifier vouches for: the assertion is the client's, and until when its jti must stay unused. */
export interface VerifiedAssertion {
  jti: string;
  expiresAtMs: number;
}

/**
 * Checks a client assertion for one authentication method: signature, issuer, subject,
 * audience and lifetime. Null for anything wrong; callers learn only "failed". The replay of
 * the jti, and whether the client may have a token at all, are checked by the dispatcher.
 */
export interface AssertionVerifier {
  verify(state: ClientState, assertion: string): Promise<VerifiedAssertion | null>;
}

export type AssertionVerifiers = Partial<Record<ClientAuthMethod, AssertionVerifier>>;

/**
 * RFC 7521 §4.2 client authentication: picks the client (client_id, else the assertion's sub),
 * hands the JWT to the verifier of the client's authMethod, and uses the jti once. A client
 * whose method has no verifier (CLIENT_SECRET) cannot authenticate by assertion.
 */
export class ClientAssertionAuthenticator {
  constructor(
    private readonly cache: ClientStateCache,
    private readonly verifiers: AssertionVerifiers,
    private readonly replays: AssertionReplayStore,
  ) {}

  /** The client id the assertion is for: client_id when sent, else its (unverified) sub. */
  static clientIdOf(clientId: string | null, assertion: string): string | null {
    if (clientId !== null) return clientId;
    try {
      const sub = decodeJwt(assertion).sub;
      return typeof sub === "string" && sub !== "" ? sub : null;
    } catch {
      return null;
    }
  }

  async authenticate(clientId: string, assertion: string, ip: string): Promise<AuthResult> {
    const started = Date.now();
    let state = await this.cache.get(clientId);
    let verified = state === null ? null : await this.verify(state, assertion);
    // A key added (or a client made) through another node a moment ago: read the client again, once.
    if (verified === null && (state === null || state.loadedAt < started)) {
      state = await this.cache.get(clientId, started);
      verified = state === null ? null : await this.verify(state, assertion);
    }
    if (state === null) return { ok: false, reason: "unknown_client", state: null };
    if (verified === null) return { ok: false, reason: "bad_secret", state };
    if (!(await this.replays.use(state.client.id, verified.jti, verified.expiresAtMs))) return { ok: false, reason: "bad_secret", state };
    const refused = refusalOf(state, ip);
    return refused === null ? { ok: true, state, secretVersion: state.client.secretVersion } : { ok: false, reason: refused, state };
  }

  private async verify(state: ClientState, assertion: string): Promise<VerifiedAssertion | null> {
    const verifier = this.verifiers[state.client.authMethod];
    return verifier === undefined ? null : verifier.verify(state, assertion);
  }
}
