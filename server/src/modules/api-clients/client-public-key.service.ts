import { randomUUID } from "node:crypto";
import type { Ctx } from "../../common/context.js";
import { AppError, appError, badInput, type FieldError } from "../../common/errors.js";
import { transactional } from "../../common/transaction.js";
import { isUniqueViolation } from "../../common/unique-violation.js";
import type { AuditService } from "../audit/audit.service.js";
import { ApiClientPublicKey } from "./api-client-public-key.entity.js";
import { ApiClient } from "./api-client.entity.js";
import type { ApiClientService } from "./api-client.service.js";
import type { ApiClientView } from "./api-client.view.js";
import { touchClients } from "./client-list-cache.js";
import { MAX_PUBLIC_KEYS, parsePublicKey, type ParsedPublicKey, type PublicKeyInput } from "./public-key.js";
import { assertMayTakeFlags } from "./user-token-flags.js";

/**
 * The public keys of PRIVATE_KEY_JWT clients (issue 17). Adding a key hands its holder the
 * client, as a new secret does, so it takes what a secret reset takes; a client always keeps
 * at least one key. Each change is one transaction with its audit event.
 */
export class ClientPublicKeyService {
  constructor(
    private readonly apiClients: ApiClientService,
    private readonly audit: AuditService,
    /** Told after each change commits, so this process's cached client state is dropped at once. */
    private readonly changed: (clientId: string) => void,
  ) {}

  /** The keys of a client the caller has already been shown, oldest first. */
  async list(ctx: Ctx, client: { id: string; authMethod: string }): Promise<ApiClientPublicKey[]> {
    if (client.authMethod !== "PRIVATE_KEY_JWT") return [];
    return ctx.manager.find(ApiClientPublicKey, { where: { apiClientId: client.id }, order: { createdAt: "ASC", id: "ASC" } });
  }

  async add(ctx: Ctx, id: string, input: PublicKeyInput): Promise<ApiClientView> {
    const { client } = await this.apiClients.get(ctx, id, "write");
    await assertMayTakeFlags(ctx, client);
    if (client.authMethod !== "PRIVATE_KEY_JWT") throw badInput([{ field: "key", reason: "PUBLIC_KEY_METHOD", message: "Only a PRIVATE_KEY_JWT client has public keys" }]);
    const parsed = parsePublicKey(input, "key", 1);
    if (Array.isArray(parsed)) throw badInput(parsed);
    await transactional(ctx, async (tx) => {
      const keys = await lockedKeys(tx, client);
      if (keys.length >= MAX_PUBLIC_KEYS) throw appError("LIMIT_EXCEEDED", "PUBLIC_KEYS_TOO_MANY", `A client has at most ${MAX_PUBLIC_KEYS} public keys; remove one first`, { max: MAX_PUBLIC_KEYS });
      if (keys.some((key) => key.kid === parsed.kid)) throw badInput([duplicateKid(parsed.kid)]);
      await insertKeys(tx, client.id, [parsed]);
      await this.audit.record(tx, { organizationId: client.organizationId, action: "api_client.key_added", targetType: "API_CLIENT", targetId: id, targetLabel: client.name, changes: keyAudit(parsed) });
    });
    this.changed(client.clientId);
    return this.apiClients.get(ctx, id);
  }

  /** The key stops verifying at once on this node, and on every other within its client-state cache age. */
  async remove(ctx: Ctx, id: string, keyId: string): Promise<ApiClientView> {
    const { client } = await this.apiClients.get(ctx, id, "write");
    await transactional(ctx, async (tx) => {
      const keys = await lockedKeys(tx, client);
      const key = keys.find((candidate) => candidate.id === keyId);
      if (key === undefined) throw new AppError("NOT_FOUND", "Public key not found");
      if (keys.length === 1) throw badInput([{ field: "keyId", reason: "PUBLIC_KEY_LAST", message: "A client keeps at least one public key; add the new key before removing the last one" }]);
      await tx.manager.delete(ApiClientPublicKey, { id: keyId, apiClientId: client.id });
      await this.audit.record(tx, { organizationId: client.organizationId, action: "api_client.key_removed", targetType: "API_CLIENT", targetId: id, targetLabel: client.name, changes: { kid: key.kid, thumbprint: key.thumbprint } });
    });
    this.changed(client.clientId);
    return this.apiClients.get(ctx, id);
  }
}

/** Takes the client row first, so concurrent adds and removes count the keys one after another. */
async function lockedKeys(ctx: Ctx, client: ApiClient): Promise<ApiClientPublicKey[]> {
  const moved = await ctx.manager.update(ApiClient, { id: client.id }, { updatedAt: new Date() });
  if (moved.affected === 0) throw new AppError("NOT_FOUND", "API client not found");
  await touchClients(ctx.manager, client.organizationId);
  return ctx.manager.findBy(ApiClientPublicKey, { apiClientId: client.id });
}

export async function insertKeys(ctx: Ctx, apiClientId: string, keys: ParsedPublicKey[]): Promise<void> {
  const now = Date.now();
  try {
    // A millisecond apart, so the keys list in the order given.
    await ctx.manager.insert(ApiClientPublicKey, keys.map((key, i) => ({ id: randomUUID(), apiClientId, ...key, createdAt: new Date(now + i) })));
  } catch (error) {
    if (isUniqueViolation(error)) throw badInput([duplicateKid(keys.length === 1 ? keys[0].kid : "")]);
    throw error;
  }
}

/** Each key of a new client, or the field errors; kids unique among them. */
export function parsePublicKeys(inputs: readonly PublicKeyInput[]): ParsedPublicKey[] | FieldError[] {
  if (inputs.length < 1 || inputs.length > MAX_PUBLIC_KEYS) {
    return [{ field: "publicKeys", reason: "PUBLIC_KEYS_COUNT", params: { max: MAX_PUBLIC_KEYS }, message: `A PRIVATE_KEY_JWT client needs 1 to ${MAX_PUBLIC_KEYS} public keys` }];
  }
  const parsed = inputs.map((input, i) => parsePublicKey(input, "publicKeys", i + 1));
  const errors = parsed.flatMap((result) => (Array.isArray(result) ? result : []));
  if (errors.length > 0) return errors;
  const keys = parsed as ParsedPublicKey[];
  const repeated = keys.find((key, i) => keys.findIndex((other) => other.kid === key.kid) !== i);
  return repeated === undefined ? keys : [duplicateKid(repeated.kid)];
}

function duplicateKid(kid: string): FieldError {
  return { field: "publicKeys", reason: "PUBLIC_KEY_DUPLICATE", params: { kid }, message: `The client already has a key with kid ${kid}` };
}

export function keyAudit(key: ParsedPublicKey): Record<string, unknown> {
  return { kid: key.kid, thumbprint: key.thumbprint, keyType: key.keyType, expiresAt: key.expiresAt?.toISOString() ?? null };
}
