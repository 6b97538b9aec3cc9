import { recordCacheLookup } from "../../common/metrics.js";
import type { AccessTokenClaims } from "./token.service.js";

export interface VerifiedEntry {
  claims: AccessTokenClaims;
  apiClientId: string;
  secretVersion: number;
  issuedAt: number;
  expiresAt: number;
  /** When the check began: a change to the client's tokens from then on makes the entry stale. */
  checkedAt: number;
}

/**
 * Bearer tokens whose signature and recorded row were checked in the last `maxAgeMs`, so a
 * busy automation script does not pay for both on every request. A token revoked through this
 * process, or any token issued (which may push old ones over the client's limit), drops the
 * client's entries at once; a revocation through another process is seen within `maxAgeMs`,
 * inside the one second the token rules allow. The client's own state (deleted, expired, secret
 * reset) is still checked on every request.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, VerifiedEntry>();
  private readonly changedAt = new Map<string, number>();

  constructor(
    private readonly maxAgeMs = 500,
    private readonly maxEntries = 10_000,
  ) {}

  get(token: string, now = Date.now()): VerifiedEntry | undefined {
    const entry = this.entries.get(token);
    if (entry === undefined) {
      recordCacheLookup("verified_tokens", false);
      return undefined;
    }
    const changed = this.changedAt.get(entry.apiClientId);
    if (now - entry.checkedAt >= this.maxAgeMs || entry.expiresAt <= now || (changed !== undefined && changed >= entry.checkedAt)) {
      recordCacheLookup("verified_tokens", false);
      this.entries.delete(token);
      return undefined;
    }
    recordCacheLookup("verified_tokens", true);
    return entry;
  }

  set(token: string, entry: VerifiedEntry): void {
    const changed = this.changedAt.get(entry.apiClientId);
    if (changed !== undefined && changed >= entry.checkedAt) return;
    // Oldest first in the map: drop what has aged out, so it holds only the last maxAgeMs.
    for (const [oldest, { checkedAt }] of this.entries) {
      if (entry.checkedAt - checkedAt < this.maxAgeMs && this.entries.size < this.maxEntries) break;
      this.entries.delete(oldest);
    }
    this.entries.set(token, entry);
  }

  /** Some token of the client was issued or revoked here: what was verified before may be gone. */
  tokensChanged(apiClientId: string, now = Date.now()): void {
    // Marks older than maxAgeMs can no longer matter: every entry they would stale has expired.
    if (this.changedAt.size >= this.maxEntries) {
      for (const [id, at] of this.changedAt) if (now - at >= this.maxAgeMs) this.changedAt.delete(id);
      if (this.changedAt.size >= this.maxEntries) {
        this.entries.clear();
        this.changedAt.clear();
      }
    }
    this.changedAt.delete(apiClientId);
    this.changedAt.set(apiClientId, now);
  }
}
