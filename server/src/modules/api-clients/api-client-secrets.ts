import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import type { Ctx } from "../../common/context.js";
import { writeInTurn } from "../../common/transaction.js";
import { selectEntities } from "../../db/prepared-select.js";
import { ApiClientSecret } from "./api-client-secret.entity.js";
import type { ApiClient } from "./api-client.entity.js";
import type { ApiClientView } from "./api-client.view.js";
import { secretHint } from "./client-secret.js";

export function newSecretRow(apiClientId: string, version: number, hash: string, secret: string): ApiClientSecret {
  return { id: randomUUID(), apiClientId, version, hash, hint: secretHint(secret), createdAt: new Date(), expiresAt: null };
}

/** Each client's secret hint and rotation state, with one query for the whole list. */
export async function withSecretState(ctx: Ctx, clients: readonly ApiClient[]): Promise<ApiClientView[]> {
  return secretState(clients, await secretsOf(ctx, clients));
}

/** What the views need of the clients' secrets: never the hashes. */
export async function secretsOf(ctx: Ctx, clients: readonly ApiClient[]): Promise<ApiClientSecret[]> {
  if (clients.length === 0) return [];
  const ids = clients.map((client) => client.id);
  return selectEntities(ctx.manager, ApiClientSecret, `SELECT api_client_id, version, hint, expires_at FROM api_client_secrets WHERE api_client_id IN (${ids.map(() => "?").join(", ")})`, ids);
}

/** Worked out at the time of asking: a grace period may have ended since the secrets were read. */
export function secretState(clients: readonly ApiClient[], secrets: readonly ApiClientSecret[]): ApiClientView[] {
  const now = Date.now();
  return clients.map((client) => {
    const own = secrets.filter((secret) => secret.apiClientId === client.id);
    const current = own.find((secret) => secret.version === client.secretVersion);
    const previous = own.find((secret) => secret.version < client.secretVersion && secret.expiresAt !== null && secret.expiresAt.getTime() > now);
    return { client, secretHint: current?.hint ?? "", previousSecretExpiresAt: previous?.expiresAt ?? null };
  });
}

/**
 * Stores a secret's hash in another form (an argon2id hash replaced by the keyed digest).
 * Conditional on the hash read, so it never undoes a change made meanwhile.
 */
export async function replaceSecretHash(dataSource: DataSource, id: string, from: string, to: string): Promise<void> {
  await writeInTurn(dataSource, () => dataSource.manager.update(ApiClientSecret, { id, hash: from }, { hash: to }));
}
