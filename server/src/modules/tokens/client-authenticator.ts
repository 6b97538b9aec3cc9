import { randomBytes, randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import type { ApiClientSecret } from "../api-clients/api-client-secret.entity.js";
import { replaceSecretHash } from "../api-clients/api-client-secrets.js";
import { formatDigest, looksLikeSecret, parseDigest, secretDigest } from "../api-clients/client-secret.js";
import type { ClientState, ClientStateCache } from "./client-state-cache.js";
import { hasSlowHash, matchSecret, secretVerifier, type SecretVerifier } from "./secret-match.js";

export type AuthFailure = "unknown_client" | "bad_secret" | "expired" | "ip_not_allowed" | "api_clients_off";

export type AuthResult = { ok: true; state: ClientState; secretVersion: number } | { ok: false; reason: AuthFailure; state: ClientState | null };

/** Why a client that proved who it is (by secret or assertion) may not have a token now, or null. */
export function refusalOf(state: ClientState, ip: string): AuthFailure | null {
  if (state.client.expiresAt !== null && state.client.expiresAt.getTime() <= Date.now()) return "expired";
  if (!state.isAllowedIp(ip)) return "ip_not_allowed";
  if (state.organization !== null && !state.organization.apiClientsEnabled) return "api_clients_off";
  return null;
}

// What an unknown id is checked against: one secret stored as a digest, the common case.
const UNKNOWN: ApiClientSecret[] = [{ id: randomUUID(), apiClientId: "", version: 1, hash: formatDigest(randomBytes(32)), hint: "", createdAt: new Date(0), expiresAt: null }];
const NONE_VERIFIED: ReadonlyMap<number, Buffer> = new Map();
const NO_SLOW_CHECKS = (verifier: SecretVerifier): SecretVerifier => ({ sameDigest: verifier.sameDigest, verifySlow: async () => false });

/**
 * Checks client credentials. Generated secrets are stored as keyed digests and checked in
 * microseconds; an argon2id hash (a chosen secret, or a generated one stored before digests)
 * is verified once per process, after which the digest of the verified secret stands in. A
 * generated secret's argon2id hash is replaced by its digest on the first successful use.
 */
export class ClientAuthenticator {
  private readonly upgrading = new Set<string>();

  constructor(
    private readonly cache: ClientStateCache,
    private readonly dataSource: DataSource,
    /** The key of client-secret digests (ServerKeyService), held in memory once loaded. */
    private readonly secretDigestKey: () => Promise<Buffer>,
    private readonly verifier: SecretVerifier = secretVerifier,
  ) {}

  async authenticate(clientId: string, secret: string, ip: string): Promise<AuthResult> {
    const started = Date.now();
    let state = await this.cache.get(clientId);
    const digest = secretDigest(await this.secretDigestKey(), secret);
    // A secret that does not match what is remembered may be one just reset through another
    // node: read the client again, once. Wrong secrets pay one read each, bounded by the failure throttle.
    if (state !== null && state.loadedAt < started && (await matchSecret(state.secrets, state.verified, secret, digest, NO_SLOW_CHECKS(this.verifier))) === null && !hasSlowHash(state.secrets, state.verified)) {
      state = await this.cache.get(clientId, started);
    }
    if (state === null) {
      // Unknown ids cost the caller what known ones do, so ids cannot be told apart by timing.
      await matchSecret(UNKNOWN, NONE_VERIFIED, secret, digest, this.verifier);
      return { ok: false, reason: "unknown_client", state: null };
    }
    const matched = await matchSecret(state.secrets, state.verified, secret, digest, this.verifier);
    if (matched === null) return { ok: false, reason: "bad_secret", state };
    if (parseDigest(matched.hash) === null) {
      state.verified.set(matched.version, digest);
      if (looksLikeSecret(secret)) await this.upgrade(matched, digest);
    }
    const refused = refusalOf(state, ip);
    return refused === null ? { ok: true, state, secretVersion: matched.version } : { ok: false, reason: refused, state };
  }

  /**
   * True when checking `secret` for this client would run argon2id: no digest (stored, or of a
   * secret verified earlier in this process) matches it, and one of its secrets is stored with
   * argon2id. Unknown ids never need it. For a budget of slow hashes, taken before they start.
   */
  async needsSlowHash(clientId: string, secret: string): Promise<boolean> {
    const state = await this.cache.get(clientId);
    if (state === null || !hasSlowHash(state.secrets, state.verified)) return false;
    const digest = secretDigest(await this.secretDigestKey(), secret);
    return (await matchSecret(state.secrets, state.verified, secret, digest, NO_SLOW_CHECKS(this.verifier))) === null;
  }

  /** Once per secret: the UPDATE runs on this request only, and later ones find the digest. */
  private async upgrade(stored: ApiClientSecret, digest: Buffer): Promise<void> {
    if (this.upgrading.has(stored.id)) return;
    this.upgrading.add(stored.id);
    const hash = formatDigest(digest);
    try {
      await replaceSecretHash(this.dataSource, stored.id, stored.hash, hash);
      stored.hash = hash;
    } catch {
      // The secret was verified all the same; its next successful use tries again.
    } finally {
      this.upgrading.delete(stored.id);
    }
  }
}
