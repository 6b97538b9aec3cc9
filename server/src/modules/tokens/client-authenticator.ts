import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { hashSecret, verifySecret } from "../api-clients/client-secret.js";
import type { ClientState, ClientStateCache } from "./client-state-cache.js";

export type AuthFailure = "unknown_client" | "bad_secret" | "expired" | "ip_not_allowed" | "api_clients_off";

export type AuthResult = { ok: true; state: ClientState; secretVersion: number } | { ok: false; reason: AuthFailure; state: ClientState | null };

/**
 * Checks client credentials. argon2id runs once per client and secret version; after that a
 * keyed SHA-256 digest of the verified secret (the key never leaves this process) stands in.
 */
export class ClientAuthenticator {
  private readonly digestKey = randomBytes(32);
  private dummyHash: Promise<string> | null = null;

  constructor(private readonly cache: ClientStateCache) {}

  async authenticate(clientId: string, secret: string, ip: string): Promise<AuthResult> {
    const state = await this.cache.get(clientId);
    if (state === null) {
      // Unknown ids cost the caller what known ones do, so ids cannot be told apart by timing.
      this.dummyHash ??= hashSecret(randomBytes(32).toString("hex"));
      await verifySecret(await this.dummyHash, secret);
      return { ok: false, reason: "unknown_client", state: null };
    }
    const secretVersion = await this.matchSecret(state, secret);
    if (secretVersion === null) return { ok: false, reason: "bad_secret", state };
    if (state.client.expiresAt !== null && state.client.expiresAt.getTime() <= Date.now()) return { ok: false, reason: "expired", state };
    if (!state.isAllowedIp(ip)) return { ok: false, reason: "ip_not_allowed", state };
    if (state.organization !== null && !state.organization.apiClientsEnabled) return { ok: false, reason: "api_clients_off", state };
    return { ok: true, state, secretVersion };
  }

  private async matchSecret(state: ClientState, secret: string): Promise<number | null> {
    const digest = createHmac("sha256", this.digestKey).update(secret).digest();
    for (const [version, known] of state.verified) {
      if (timingSafeEqual(known, digest)) return version;
    }
    for (const candidate of state.secrets) {
      if (await verifySecret(candidate.hash, secret)) {
        state.verified.set(candidate.version, digest);
        return candidate.version;
      }
    }
    return null;
  }
}
