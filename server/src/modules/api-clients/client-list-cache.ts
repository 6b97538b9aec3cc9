import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
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

  constructor(private readonly maxEntries = 1000) {}

  get(key: string, etag: string): CachedList | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined || entry.etag !== etag) return undefined;
    return entry;
  }

  set(key: string, etag: string, list: CachedList): void {
    // Shared by every later request: nothing may change these objects.
    for (const row of list.rows) Object.freeze(row);
    for (const secret of list.secrets) Object.freeze(secret);
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { ...list, etag });
  }
}
