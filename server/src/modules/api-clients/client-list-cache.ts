import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import { recordCacheLookup } from "../../common/metrics.js";
import type { ApiClientSecret } from "./api-client-secret.entity.js";
import type { ApiClient } from "./api-client.entity.js";

/**
 * Marks the organization's clients as changed, inside the caller's transaction. Every change to
 * a client or its secrets calls this, so a list cached by any process stops matching at once.
 * A random value, never a counter: a rolled-back change must not leave a value a later change
 * could repeat.
 */
export async function touchClients(manager: EntityManager, organizationId: string | null): Promise<void> {
  if (organizationId === null) return;
  await manager.query("UPDATE organizations SET clients_etag = ? WHERE id = ?", [randomUUID(), organizationId]);
}

/** As `touchClients`, for the organization of the client `apiClientId`. */
export async function touchClientsOf(manager: EntityManager, apiClientId: string): Promise<void> {
  await manager.query("UPDATE organizations SET clients_etag = ? WHERE id = (SELECT organization_id FROM api_clients WHERE id = ?)", [randomUUID(), apiClientId]);
}

export interface CachedList {
  rows: readonly ApiClient[];
  secrets: readonly ApiClientSecret[];
  /** The page's cursors, one for each row shown. */
  cursors: readonly string[];
  totalCount: number;
}

/**
 * Client lists as read from the database, each kept with the organization's clients etag of
 * the moment before it was read. A list is reused only while the etag read on the new request
 * is the same, so an answer is never older than the database; what is saved is reading and
 * converting the same rows again for every poll of an unchanged list.
 */
export class ClientListCache {
  private readonly entries = new Map<string, CachedList & { etag: string }>();
  private rows = 0;

  constructor(
    private readonly maxEntries = 200,
    /** Rows across all lists: what bounds the memory, since a list holds up to 101. */
    private readonly maxRows = 5000,
  ) {}

  get(key: string, etag: string): CachedList | undefined {
    const entry = this.entries.get(key);
    recordCacheLookup("client_list", entry?.etag === etag);
    if (entry === undefined) return undefined;
    if (entry.etag === etag) return entry;
    // An etag never comes back, so a list read under an old one is of no further use.
    this.drop(key);
    return undefined;
  }

  set(key: string, etag: string, list: CachedList): void {
    // Shared by every later request: nothing may change these objects.
    for (const row of list.rows) Object.freeze(row);
    for (const secret of list.secrets) Object.freeze(secret);
    this.drop(key);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size < this.maxEntries && this.rows + list.rows.length <= this.maxRows) break;
      this.drop(oldest);
    }
    this.entries.set(key, { ...list, etag });
    this.rows += list.rows.length;
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.rows -= entry.rows.length;
  }
}
