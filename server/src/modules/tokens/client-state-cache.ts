import { createPublicKey, type JsonWebKey, type KeyObject } from "node:crypto";
import type { DataSource } from "typeorm";
import { ipAllowlist } from "../../common/ip-address.js";
import { causalBarrier } from "../../db/causal-read.js";
import { readAgainOnce } from "../../db/database-outage.js";
import { recordCacheLookup } from "../../common/metrics.js";
import { exactly } from "../../db/exact-match.js";
import { ApiClientPublicKey } from "../api-clients/api-client-public-key.entity.js";
import { isSmallOrderEd25519, isStrongRsaExponent } from "../api-clients/public-key.js";
import { ApiClientSecret } from "../api-clients/api-client-secret.entity.js";
import { ApiClient } from "../api-clients/api-client.entity.js";
import { Organization } from "../organizations/organization.entity.js";

const NO_ID = "00000000-0000-0000-0000-000000000000";

/** What /token and bearer checks need to know of a client, loaded in one go. */
export interface ClientState {
  client: ApiClient;
  organization: Organization | null;
  /** The current secret and, during a grace period, the previous one. */
  secrets: ApiClientSecret[];
  isAllowedIp: (ip: string) => boolean;
  /** secret version → keyed digest of a secret stored with argon2id and verified in this process. */
  verified: Map<number, Buffer>;
  /** When its load began: it holds every change committed before then. */
  loadedAt: number;
  /** A PRIVATE_KEY_JWT client's public keys (issue 17); empty for every other client. */
  publicKeys: ClientKey[];
}

/** A public key ready to verify with; an expired one is skipped at use, not at load. */
export interface ClientKey {
  kid: string;
  algorithms: string[];
  key: KeyObject;
  expiresAt: number | null;
}

/**
 * Client state kept in process memory for at most `maxAgeMs`, so a change made through any
 * process sharing the database (reset, delete, new permissions) is seen here within that time.
 * Changes made through this process evict at once.
 */
export class ClientStateCache {
  private readonly entries = new Map<string, ClientState>();
  private readonly loading = new Map<string, { since: number; state: Promise<ClientState | null> }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly maxAgeMs = 500,
    private readonly maxEntries = 10_000,
  ) {}

  /**
   * The client's state, from memory when loaded in the last `maxAgeMs`; with `since`, loaded
   * from `since` on (so it holds every change committed before then, through any node).
   */
  async get(clientId: string, since = Date.now() - this.maxAgeMs): Promise<ClientState | null> {
    const entry = this.entries.get(clientId);
    if (entry !== undefined && entry.loadedAt > since) {
      recordCacheLookup("client_state", true);
      return entry;
    }
    recordCacheLookup("client_state", false);
    let pending = this.loading.get(clientId);
    if (pending === undefined || pending.since < since) {
      const started = Date.now();
      const state = readAgainOnce(() => this.load(clientId, entry, started)).finally(() => {
        if (this.loading.get(clientId)?.state === state) this.loading.delete(clientId);
      });
      pending = { since: started, state };
      this.loading.set(clientId, pending);
    }
    return pending.state;
  }

  evict(clientId: string): void {
    this.entries.delete(clientId);
  }

  evictOrganization(organizationId: string): void {
    for (const [clientId, state] of this.entries) if (state.client.organizationId === organizationId) this.entries.delete(clientId);
  }

  private async load(clientId: string, previous: ClientState | undefined, started: number): Promise<ClientState | null> {
    const manager = this.dataSource.manager;
    await causalBarrier(this.dataSource);
    // Exactly this id: MySQL's collation would also match MYORG-SVC or "myorg-svc ".
    const client = exactly(await manager.findOneBy(ApiClient, { clientId }), (row) => row.clientId, clientId);
    if (client === null) {
      this.entries.delete(clientId);
      // The reads a known id makes, so an unknown id does not answer sooner.
      await Promise.all([manager.findOneBy(Organization, { id: NO_ID }), manager.findBy(ApiClientSecret, { apiClientId: NO_ID })]);
      return null;
    }
    const [organization, secrets, keys] = await Promise.all([
      client.organizationId === null ? null : manager.findOneBy(Organization, { id: client.organizationId }),
      manager.findBy(ApiClientSecret, { apiClientId: client.id }),
      client.authMethod === "PRIVATE_KEY_JWT" ? manager.findBy(ApiClientPublicKey, { apiClientId: client.id }) : [],
    ]);
    const now = Date.now();
    const usable = secrets
      .filter((secret) => secret.version === client.secretVersion || (secret.expiresAt !== null && secret.expiresAt.getTime() > now))
      .sort((a, b) => b.version - a.version);
    // Digests verified earlier stay valid for versions that are still usable. One map passed from
    // load to load: a check that ends after a reload began still lands in the newer state.
    const verified = previous !== undefined && previous.client.id === client.id ? previous.verified : new Map<number, Buffer>();
    for (const version of [...verified.keys()]) if (!usable.some((secret) => secret.version === version)) verified.delete(version);
    const state: ClientState = { client, organization, secrets: usable, isAllowedIp: ipAllowlist(client.allowedIps), verified, loadedAt: started, publicKeys: keys.map(clientKey).filter(usableKey) };
    // A slower load that began earlier must not replace a newer one.
    if ((this.entries.get(clientId)?.loadedAt ?? -1) > started) return state;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(clientId, state);
    return state;
  }
}

/** A key stored before its kind was refused (an RSA exponent of 1, a small-order Ed25519 point: anyone can sign) never verifies. */
function usableKey(key: ClientKey): boolean {
  if (isSmallOrderEd25519(key.key)) return false;
  return key.key.asymmetricKeyType !== "rsa" || isStrongRsaExponent(key.key.asymmetricKeyDetails?.publicExponent);
}

function clientKey(row: ApiClientPublicKey): ClientKey {
  return { kid: row.kid, algorithms: row.algorithm.split(" "), key: createPublicKey({ key: JSON.parse(row.jwk) as JsonWebKey, format: "jwk" }), expiresAt: row.expiresAt?.getTime() ?? null };
}
