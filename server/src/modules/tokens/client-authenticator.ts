import { randomBytes, randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import type { ApiClientSecret } from "../api-clients/api-client-secret.entity.js";
import { replaceSecretHash } from "../api-clients/api-client-secrets.js";
import { formatDigest, looksLikeSecret, parseDigest, secretDigest } from "../api-clients/client-secret.js";
import type { ClientState, ClientStateCache } from "./client-state-cache.js";
import { hasSlowHash, matchSecret, secretVerifier, type SecretVerifier } from "./secret-match.js";

export type AuthFailure = "unknown_client" | "bad_secret" | "expired" | "ip_not_allowed" | "api_clients_off" | "disabled";

export type AuthResult = { ok: true; state: ClientState; secretVersion: number } | { ok: false; reason: AuthFailure; state: ClientState | null };

/** Why a client that proved who it is (by secret or assertion) may not have a token now, or null. */
export function refusalOf(state: ClientState, ip: string): AuthFailure | null {
  if (state.client.expiresAt !== null && state.client.expiresAt.getTime() <= Date.now()) return "expired";
  if (!state.isAllowedIp(ip)) return "ip_not_allowed";
  if (state.client.disabled) return "disabled";
  if (state.organization !== null && !state.organization.apiClientsEnabled) return "api_clients_off";
  return null;
}

// What an unknown id is checked against: one secret stored as a digest, the common case.
const UNKNOWN: ApiClientSecret[] = [{ id: randomUUID(), apiClientId: "", version: 1, hash: formatDigest(randomBytes(32)), hint: "", createdAt: new Date(0), expiresAt: null }];
const NONE_VERIFIED: ReadonlyMap<number, Buffer> = new Map();
const NO_SLOW_CHECKS = (verifier: SecretVerifier): SecretVerifier => ({ sameDigest: verifier.sameDigest, verifySlow: async () => false });
/** How long the outcome of an argon2id check is kept for requests that joined it. */
export const SLOW_CHECK_KEPT_MS = 5_000;

function slowCheckKey(hash: string, digest: Buffer): string {
  return `${hash}\u0000${digest.toString("hex")}`;
}

/**
 * Checks client credentials. Generated secrets are stored as keyed digests and checked in
 * microseconds; an argon2id hash (a chosen secret, or a generated one stored before digests)
 * is verified once per process, after which the digest of the verified secret stands in. A
 * generated secret's argon2id hash is replaced by its digest on the first successful use.
 */
export class ClientAuthenticator {
  private readonly upgrading = new Set<string>();
  /**
   * argon2id checks under way (and just ended), by stored hash and the presented secret's keyed
   * digest: concurrent first uses of one secret (64 workers started at once) share one run and
   * one slot of the hash budget instead of each taking their own. Only the same secret joins, so
   * no guess is checked for free.
   */
  private readonly slowChecks = new Map<string, Promise<boolean>>();
  /** First uses of a secret waiting for their hash budget or running argon2id, by client and digest (slowHashTurn). */
  private readonly firstUses = new Map<string, Promise<void>>();

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
    const matched = await matchSecret(state.secrets, state.verified, secret, digest, this.sharedSlowChecks(digest));
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
    if ((await matchSecret(state.secrets, state.verified, secret, digest, NO_SLOW_CHECKS(this.verifier))) !== null) return false;
    // Joining a check of this very secret that is under way runs no argon2id of its own.
    return state.secrets.some((stored) => parseDigest(stored.hash) === null && !state.verified.has(stored.version) && !this.slowChecks.has(slowCheckKey(stored.hash, digest)));
  }

  /**
   * For the hash budget, taken between this and `authenticate`: null when checking `secret` will
   * run no argon2id of its own (none needed, or the outcome of another request's check of this
   * very secret is at hand, waited for here); else this request leads the first check of the
   * secret, and must call the returned function once it has been checked or refused. Concurrent
   * first uses of one secret (64 workers started at once) so spend one slot, not one each.
   */
  async slowHashTurn(clientId: string, secret: string): Promise<(() => void) | null> {
    for (;;) {
      if (!(await this.needsSlowHash(clientId, secret))) return null;
      const key = `${clientId}\u0000${secretDigest(await this.secretDigestKey(), secret).toString("hex")}`;
      const leading = this.firstUses.get(key);
      if (leading === undefined) {
        let done!: () => void;
        this.firstUses.set(key, new Promise<void>((resolve) => (done = resolve)));
        return () => {
          this.firstUses.delete(key);
          done();
        };
      }
      // After the lead: a right secret's digest is known, a wrong one's outcome kept a moment; a lead refused its slot leaves us to take one.
      await leading;
    }
  }

  /** The verifier with argon2id runs shared by every request presenting the same secret. */
  private sharedSlowChecks(digest: Buffer): SecretVerifier {
    return {
      sameDigest: this.verifier.sameDigest,
      verifySlow: (hash, secret) => {
        const key = slowCheckKey(hash, digest);
        const running = this.slowChecks.get(key);
        if (running !== undefined) return running;
        const check = this.verifier.verifySlow(hash, secret);
        this.slowChecks.set(key, check);
        // Kept a moment after it ends, so a request that joined it but arrives after gets its outcome, not a run of its own.
        const forget = () => setTimeout(() => {
          if (this.slowChecks.get(key) === check) this.slowChecks.delete(key);
        }, SLOW_CHECK_KEPT_MS).unref();
        check.then(forget, forget);
        return check;
      },
    };
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
