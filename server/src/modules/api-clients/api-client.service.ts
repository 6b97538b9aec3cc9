import { randomUUID } from "node:crypto";
import { actorId, actorLabel, type Ctx } from "../../common/context.js";
import { AppError, appError, badInput, type FieldError } from "../../common/errors.js";
import type { Page, PageArgs } from "../../common/pagination.js";
import { transactional } from "../../common/transaction.js";
import { isUniqueViolation } from "../../common/unique-violation.js";
import { exactly } from "../../db/exact-match.js";
import type { AuditService } from "../audit/audit.service.js";
import type { AccessPolicy } from "../auth/access-policy.js";
import { Organization } from "../organizations/organization.entity.js";
import type { PermissionCatalog, PresetName } from "../permissions/permission-catalog.js";
import { isSystemOnly, organizationScopeErrors, permissionErrors, presetPermissions, SYSTEM_SCOPE, withImplications } from "../permissions/permission-set.js";
import { AccessToken } from "../tokens/access-token.entity.js";
import { listApiClients, type ApiClientFilter, type ApiClientOrder } from "./api-client-list.js";
import { newSecretRow, withSecretState } from "./api-client-secrets.js";
import { ApiClientSecret } from "./api-client-secret.entity.js";
import { ApiClient, type ClientAuthMethod, type Environment } from "./api-client.entity.js";
import { insertKeys, keyAudit, parsePublicKeys } from "./client-public-key.service.js";
import type { ParsedPublicKey, PublicKeyInput } from "./public-key.js";
import { FederatedCredential } from "../federation/federated-credential.entity.js";
import { federatedCredentialListErrors, federatedCredentialRows, type FederatedCredentialData } from "../federation/federated-credential.rules.js";
import { ClientListCache, touchClients } from "./client-list-cache.js";
import { clientSearchText } from "./client-search.js";
import { allowedIpsErrors, clientIdErrors, descriptionErrors, expiresAtErrors, nameErrors, redirectUrisErrors } from "./api-client.rules.js";
import type { ApiClientView, ApiClientWithSecret } from "./api-client.view.js";
import { composeClientId, generateClientId } from "./client-id.js";
import { generateSecret, providedSecretErrors, storedSecretHash } from "./client-secret.js";
import { assertMaySetFlags, assertMayTakeFlags } from "./user-token-flags.js";
import { assertCanGrant, changeSummary, type PermissionChange, resolvePermissionChange } from "./permission-change.js";

export interface CreateApiClientData {
  /** Null makes a system client: platform-level, for operators' automation; CLI only. */
  organizationId: string | null;
  name?: string | null;
  description?: string | null;
  clientId?: string | null;
  environment?: Environment | null;
  role?: PresetName | null;
  permissions?: string[] | null;
  scopes?: string[] | null;
  expiresAt?: Date | null;
  allowedIps?: string[] | null;
  redirectUris?: string[] | null;
  /** A fixed secret (CLI, for test set-ups); must pass the strength check. Generated otherwise. */
  secret?: string | null;
  /** Issue 15: may get user tokens by username and password, or by impersonation. Off by default. */
  allowLogin?: boolean | null;
  allowImpersonate?: boolean | null;
  /** Issue 17: CLIENT_SECRET (the default) or PRIVATE_KEY_JWT, which has 1–10 public keys and no secret. */
  authMethod?: ClientAuthMethod | null;
  publicKeys?: PublicKeyInput[] | null;
  /** Issue 17: required (1–20) for FEDERATED, which has no secret; issuers from CLAVIS_FEDERATION_ISSUERS only. */
  federatedCredentials?: FederatedCredentialData[] | null;
}

export interface UpdateApiClientData {
  name?: string | null;
  description?: string | null;
  allowedIps?: string[] | null;
  redirectUris?: string[] | null;
  allowLogin?: boolean | null;
  allowImpersonate?: boolean | null;
}

export const MAX_GRACE_SECONDS = 7 * 24 * 3600;
const ENVIRONMENTS: Environment[] = ["LIVE", "STAGING"];

/** Every rule about API clients. Each mutation is one transaction with its audit event. */
export class ApiClientService {
  private readonly lists = new ClientListCache();

  constructor(
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly catalog: PermissionCatalog,
    /** Told after each change commits, so this process's cached client state is dropped at once. */
    private readonly changed: (clientId: string) => void,
    /** The key of client-secret digests (ServerKeyService). */
    private readonly secretDigestKey: (ctx: Ctx) => Promise<Buffer>,
    /** CLAVIS_FEDERATION_ISSUERS: the issuers a FEDERATED client's credentials may name. */
    private readonly federationIssuers: readonly string[] = [],
  ) {}

  /**
   * Throws NOT_FOUND for a client the actor may not see (another tenant's included). At "write",
   * also FORBIDDEN for a client actor whose token lacks a permission of the target (assertMayActOn).
   */
  async get(ctx: Ctx, id: string, level: "read" | "write" = "read"): Promise<ApiClientView> {
    const client = exactly(await ctx.manager.findOneBy(ApiClient, { id }), (row) => row.id, id);
    if (client === null) throw new AppError("NOT_FOUND", "API client not found");
    if (client.organizationId === null) {
      if (!isOperator(ctx)) throw new AppError("NOT_FOUND", "API client not found");
    } else {
      try {
        await this.access.apiClientsOf(ctx, client.organizationId, level);
      } catch (error) {
        if (error instanceof AppError && error.code === "NOT_FOUND") throw new AppError("NOT_FOUND", "API client not found");
        throw error;
      }
    }
    if (level === "write") assertMayActOn(ctx, client);
    const [view] = await withSecretState(ctx, [client]);
    return shownTo(ctx, view);
  }

  /** By OAuth client id, with the same visibility as `get`. */
  async getByClientId(ctx: Ctx, clientId: string, level: "read" | "write" = "read"): Promise<ApiClientView> {
    const client = exactly(await ctx.manager.findOneBy(ApiClient, { clientId }), (row) => row.clientId, clientId);
    if (client === null) throw new AppError("NOT_FOUND", `No API client has the id ${clientId}`);
    return this.get(ctx, client.id, level);
  }

  /** Every client of every organization, system clients included: operators only. */
  async listEverywhere(ctx: Ctx): Promise<ApiClientView[]> {
    if (!isOperator(ctx)) throw new AppError("FORBIDDEN", "Only operators may list every organization's API clients");
    return withSecretState(ctx, await ctx.manager.find(ApiClient, { order: { createdAt: "ASC", id: "ASC" } }));
  }

  /** `language`: a BCP 47 tag Intl knows (collationLanguage), which name orders sort for. */
  async list(ctx: Ctx, organizationId: string, page: PageArgs, filter: ApiClientFilter = {}, orderBy: ApiClientOrder = "CREATED_ASC", language = "en"): Promise<Page<ApiClientView>> {
    // Read first: the list is dated by the etag of this moment (see ClientListCache).
    const organization = await this.access.apiClientsOf(ctx, organizationId, "read");
    const listed = await listApiClients(ctx, organization, page, filter, orderBy, ctx.inTransaction ? null : this.lists, language);
    return { ...listed, items: listed.items.map((item) => ({ ...item, node: shownTo(ctx, item.node) })) };
  }

  async create(ctx: Ctx, data: CreateApiClientData): Promise<ApiClientWithSecret> {
    const organization = data.organizationId === null ? null : await this.access.apiClientsOf(ctx, data.organizationId, "write");
    if (organization === null && !isOperator(ctx)) throw new AppError("FORBIDDEN", "Only the clavis CLI creates system clients");
    const environment = data.environment ?? "LIVE";
    const scopes = organization === null ? [SYSTEM_SCOPE] : (data.scopes ?? null);
    const errors = this.createErrors(data, environment, scopes, organization?.slug ?? null);
    if (organization === null && data.scopes != null && (data.scopes.length !== 1 || data.scopes[0] !== SYSTEM_SCOPE)) {
      errors.push({ field: "scopes", reason: "SYSTEM_CLIENT_SCOPES", message: "A system client has the system scope only" });
    }
    if (data.secret != null) errors.push(...providedSecretErrors(data.secret));
    const authMethod = data.authMethod ?? "CLIENT_SECRET";
    const keys = authMethodErrors(data, authMethod, errors, this.federationIssuers);
    if (errors.length > 0) throw badInput(errors);
    const permissions = withImplications(this.catalog, [
      ...(data.role ? presetPermissions(this.catalog, data.role, scopes) : []),
      ...(data.permissions ?? []),
    ]);
    assertCanGrant(ctx, permissions);
    const flags = { allowLogin: data.allowLogin ?? false, allowImpersonate: data.allowImpersonate ?? false };
    await assertMaySetFlags(ctx, null, { allowLogin: false, allowImpersonate: false }, flags);
    const secret = authMethod === "CLIENT_SECRET" ? (data.secret ?? generateSecret(environment)) : null;
    // Hashed before the transaction, so no lock is held while argon2 works on a chosen secret.
    const hash = secret === null ? null : await storedSecretHash(secret, () => this.secretDigestKey(ctx));
    const localId = data.clientId ?? null;
    const clientId = localId === null ? generateClientId() : composeClientId(organization?.slug ?? SYSTEM_SCOPE, localId);
    const now = new Date();
    const name = data.name?.trim() || `API Client ***${clientId.slice(-4)}`;
    const description = data.description ?? "";
    const client: ApiClient = {
      id: randomUUID(),
      organizationId: organization?.id ?? null,
      clientId,
      localId,
      name,
      description,
      searchText: clientSearchText({ name, clientId, description }),
      environment,
      permissions,
      scopes: scopes === null || organization === null ? scopes : this.catalog.apis.map((api) => api.name).filter((name) => scopes.includes(name)),
      expiresAt: data.expiresAt ?? null,
      allowedIps: data.allowedIps ?? [],
      redirectUris: data.redirectUris ?? [],
      secretVersion: 1,
      ...flags,
      authMethod,
      createdAt: now,
      createdByType: ctx.actor.type,
      createdById: actorId(ctx.actor),
      createdByLabel: actorLabel(ctx.actor),
      updatedAt: now,
      lastUsedAt: null,
      lastUsedIp: null,
    };
    await transactional(ctx, async (tx) => {
      if (organization !== null) await takeClientSlot(tx, organization);
      if (localId !== null) await assertLocalIdFree(tx, client);
      try {
        await tx.manager.insert(ApiClient, client);
      } catch (error) {
        // Taken elsewhere (an id of the older dash-joined form can read like this one): say no
        // more than that, never whose it is.
        if (isUniqueViolation(error)) throw new AppError("CONFLICT", `The client id "${localId ?? clientId}" is not available; choose another`, [{ field: "clientId", reason: "CLIENT_ID_TAKEN", params: { clientId: localId ?? clientId }, message: "Not available; choose another" }], null, "CLIENT_ID_TAKEN", { clientId: localId ?? clientId });
        throw error;
      }
      if (secret !== null && hash !== null) await tx.manager.insert(ApiClientSecret, newSecretRow(client.id, 1, hash, secret));
      if (keys.length > 0) await insertKeys(tx, client.id, keys);
      const federated = authMethod === "FEDERATED" ? federatedCredentialRows(client.id, data.federatedCredentials ?? [], now) : [];
      if (federated.length > 0) await tx.manager.insert(FederatedCredential, federated);
      await touchClients(tx.manager, client.organizationId);
      await this.audit.record(tx, {
        organizationId: organization?.id ?? null,
        action: "api_client.created",
        targetType: "API_CLIENT",
        targetId: client.id,
        targetLabel: client.name,
        changes: { clientId, name: client.name, environment, permissions, scopes: client.scopes, expiresAt: client.expiresAt?.toISOString() ?? null, allowedIps: client.allowedIps, redirectUris: client.redirectUris, ...flags, ...(authMethod === "CLIENT_SECRET" ? {} : authMethod === "FEDERATED" ? { authMethod, federatedCredentials: (data.federatedCredentials ?? []).map(({ name, issuer, audience, subject }) => ({ name, issuer, audience, subject })) } : { authMethod, publicKeys: keys.map(keyAudit) }) },
      });
    });
    return { apiClient: { client, secretHint: secret?.slice(-4) ?? "", previousSecretExpiresAt: null }, clientSecret: secret };
  }

  async update(ctx: Ctx, id: string, data: UpdateApiClientData): Promise<ApiClientView> {
    const { client } = await this.get(ctx, id, "write");
    const errors: FieldError[] = [
      ...(data.name != null ? nameErrors(data.name) : []),
      ...(data.description != null ? descriptionErrors(data.description) : []),
      ...(data.allowedIps != null ? allowedIpsErrors(data.allowedIps) : []),
      ...(data.redirectUris != null ? redirectUrisErrors(data.redirectUris) : []),
    ];
    if (errors.length > 0) throw badInput(errors);
    const next = {
      name: data.name?.trim() ?? client.name,
      description: data.description ?? client.description,
      allowedIps: data.allowedIps ?? client.allowedIps,
      redirectUris: data.redirectUris ?? client.redirectUris,
      allowLogin: data.allowLogin ?? client.allowLogin,
      allowImpersonate: data.allowImpersonate ?? client.allowImpersonate,
    };
    await assertMaySetFlags(ctx, id, client, next);
    const changes: Record<string, unknown> = {};
    for (const key of Object.keys(next) as (keyof typeof next)[]) {
      if (JSON.stringify(next[key]) !== JSON.stringify(client[key])) changes[key] = { from: client[key], to: next[key] };
    }
    if (Object.keys(changes).length === 0) return this.get(ctx, id);
    await transactional(ctx, async (tx) => {
      await tx.manager.update(ApiClient, { id }, { ...next, searchText: clientSearchText({ ...next, clientId: client.clientId }), updatedAt: new Date() });
      await touchClients(tx.manager, client.organizationId);
      await this.audit.record(tx, { organizationId: client.organizationId, action: "api_client.updated", targetType: "API_CLIENT", targetId: id, targetLabel: next.name, changes });
    });
    this.changed(client.clientId);
    return this.get(ctx, id);
  }

  async updatePermissions(ctx: Ctx, id: string, change: PermissionChange): Promise<ApiClientView> {
    const { client } = await this.get(ctx, id, "write");
    const next = resolvePermissionChange(this.catalog, client, change);
    const { added, removed } = changeSummary(client.permissions, next);
    assertCanGrant(ctx, added);
    if (added.length === 0 && removed.length === 0) return this.get(ctx, id);
    await transactional(ctx, async (tx) => {
      await tx.manager.update(ApiClient, { id }, { permissions: next, updatedAt: new Date() });
      await touchClients(tx.manager, client.organizationId);
      await this.audit.record(tx, { organizationId: client.organizationId, action: "api_client.permissions_updated", targetType: "API_CLIENT", targetId: id, targetLabel: client.name, changes: { added, removed, permissions: next } });
    });
    this.changed(client.clientId);
    return this.get(ctx, id);
  }

  /**
   * A new secret under the same client id. The old one stops working at once, or when the grace
   * period ends; its tokens are revoked at the same moment (at once here, or by the token checks).
   */
  async resetSecret(ctx: Ctx, id: string, gracePeriodSeconds = 0): Promise<ApiClientWithSecret> {
    const { client } = await this.get(ctx, id, "write");
    await assertMayTakeFlags(ctx, client);
    if (client.authMethod !== "CLIENT_SECRET") throw appError("BAD_USER_INPUT", "CLIENT_SECRETLESS", "This client authenticates without a secret; it has none to reset");
    if (!Number.isInteger(gracePeriodSeconds) || gracePeriodSeconds < 0 || gracePeriodSeconds > MAX_GRACE_SECONDS) {
      throw badInput([{ field: "gracePeriodSeconds", reason: "GRACE_PERIOD_RANGE", params: { max: MAX_GRACE_SECONDS }, message: `Grace period must be from 0 to ${MAX_GRACE_SECONDS} seconds (7 days)` }]);
    }
    const secret = generateSecret(client.environment);
    const hash = await storedSecretHash(secret, () => this.secretDigestKey(ctx));
    const version = client.secretVersion + 1;
    const now = new Date();
    await transactional(ctx, async (tx) => {
      // Conditional on the version read above: two concurrent resets cannot both win.
      const moved = await tx.manager.update(ApiClient, { id, secretVersion: client.secretVersion }, { secretVersion: version, updatedAt: now });
      if (moved.affected === 0) throw appError("CONFLICT", "SECRET_RESET_CONFLICT", "The secret was reset at the same moment by someone else; reload and try again");
      await tx.manager.createQueryBuilder().delete().from(ApiClientSecret).where("api_client_id = :id AND version < :current", { id, current: client.secretVersion }).execute();
      if (gracePeriodSeconds === 0) {
        await tx.manager.delete(ApiClientSecret, { apiClientId: id, version: client.secretVersion });
        await tx.manager.delete(AccessToken, { apiClientId: id });
      } else {
        await tx.manager.update(ApiClientSecret, { apiClientId: id, version: client.secretVersion }, { expiresAt: new Date(now.getTime() + gracePeriodSeconds * 1000) });
      }
      await tx.manager.insert(ApiClientSecret, newSecretRow(id, version, hash, secret));
      await touchClients(tx.manager, client.organizationId);
      await this.audit.record(tx, { organizationId: client.organizationId, action: "api_client.secret_reset", targetType: "API_CLIENT", targetId: id, targetLabel: client.name, changes: { gracePeriodSeconds, secretHint: secret.slice(-4) } });
    });
    this.changed(client.clientId);
    return { apiClient: await this.get(ctx, id), clientSecret: secret };
  }

  /** Permanent: secrets and tokens go with the client (foreign keys cascade). */
  async delete(ctx: Ctx, id: string): Promise<string> {
    const { client } = await this.get(ctx, id, "write");
    await transactional(ctx, async (tx) => {
      // The organization row first, as create takes it: the client's delete cascades into the
      // secrets and tokens, and taking those before the organization deadlocked against creates.
      await tx.manager.createQueryBuilder().update(Organization).set({ apiClientCount: () => "api_client_count - 1" }).where("id = :id AND api_client_count > 0", { id: client.organizationId }).execute();
      const deleted = await tx.manager.delete(ApiClient, { id });
      if (deleted.affected === 0) throw new AppError("NOT_FOUND", "API client not found");
      await touchClients(tx.manager, client.organizationId);
      await this.audit.record(tx, { organizationId: client.organizationId, action: "api_client.deleted", targetType: "API_CLIENT", targetId: id, targetLabel: client.name, changes: { clientId: client.clientId } });
    });
    this.changed(client.clientId);
    return id;
  }

  private createErrors(data: CreateApiClientData, environment: Environment, scopes: string[] | null, slug: string | null): FieldError[] {
    const isSystemClient = slug === null;
    // An organization client's permissions are judged as if it never had the system scope.
    const permissionScopes = isSystemClient || scopes === null ? scopes : scopes.filter((scope) => !isSystemOnly(scope));
    return [
      ...(data.name != null ? nameErrors(data.name) : []),
      ...descriptionErrors(data.description ?? ""),
      ...(data.clientId != null ? clientIdErrors(data.clientId, slug ?? SYSTEM_SCOPE) : []),
      ...(ENVIRONMENTS.includes(environment) ? [] : [{ field: "environment", reason: "ENVIRONMENT_INVALID" as const, message: "Environment must be LIVE or STAGING" }]),
      ...(isSystemClient ? [] : organizationScopeErrors(this.catalog, scopes)),
      ...permissionErrors(this.catalog, data.permissions ?? [], permissionScopes, "permissions"),
      ...(data.role != null && !this.catalog.presets.some((preset) => preset.name === data.role) ? [{ field: "role", reason: "CLIENT_ROLE_INVALID" as const, message: "Role must be reader, creator or admin" }] : []),
      ...(data.expiresAt != null ? expiresAtErrors(data.expiresAt, new Date()) : []),
      ...allowedIpsErrors(data.allowedIps ?? []),
      ...redirectUrisErrors(data.redirectUris ?? []),
    ];
  }
}

/**
 * Who created a client is a member's e-mail address when a person did: personal data, which a
 * client actor sees only with members.read (as it would in the member list). Copies, never
 * changes, the view: cached lists are shared by every request.
 */
function shownTo(ctx: Ctx, view: ApiClientView): ApiClientView {
  const actor = ctx.actor;
  if (actor.type !== "CLIENT" || view.client.createdByType !== "USER" || actor.permissions.includes("members.read")) return view;
  return { ...view, client: { ...view.client, createdById: null, createdByLabel: "a member" } };
}

/** Issue 17: the method's own requirements; the parsed keys of a PRIVATE_KEY_JWT client. */
function authMethodErrors(data: CreateApiClientData, authMethod: ClientAuthMethod, errors: FieldError[], federationIssuers: readonly string[]): ParsedPublicKey[] {
  if (authMethod !== "FEDERATED" && (data.federatedCredentials ?? []).length > 0) errors.push({ field: "federatedCredentials", reason: "NOT_FEDERATED_CLIENT", message: "Only a FEDERATED client has federated credentials" });
  if (authMethod === "FEDERATED") {
    if (data.secret != null) errors.push({ field: "secret", reason: "CLIENT_SECRETLESS", message: "A FEDERATED client authenticates without a secret and takes none" });
    if ((data.publicKeys ?? []).length > 0) errors.push({ field: "publicKeys", reason: "PUBLIC_KEY_METHOD", message: "Only a PRIVATE_KEY_JWT client has public keys" });
    errors.push(...federatedCredentialListErrors(data.federatedCredentials ?? [], federationIssuers));
    return [];
  }
  if (authMethod === "CLIENT_SECRET") {
    if ((data.publicKeys ?? []).length > 0) errors.push({ field: "publicKeys", reason: "PUBLIC_KEY_METHOD", message: "Only a PRIVATE_KEY_JWT client has public keys" });
    return [];
  }
  if (authMethod !== "PRIVATE_KEY_JWT") {
    errors.push({ field: "authMethod", reason: "AUTH_METHOD_INVALID", message: "authMethod must be CLIENT_SECRET, PRIVATE_KEY_JWT or FEDERATED" });
    return [];
  }
  if (data.secret != null) errors.push({ field: "secret", reason: "CLIENT_SECRETLESS", message: "A PRIVATE_KEY_JWT client authenticates without a secret and takes none" });
  const parsed = parsePublicKeys(data.publicKeys ?? []);
  if (parsed.length > 0 && "reason" in parsed[0]) {
    errors.push(...(parsed as FieldError[]));
    return [];
  }
  return parsed as ParsedPublicKey[];
}

function isOperator(ctx: Ctx): boolean {
  return ctx.actor.type === "CLI" || ctx.actor.type === "SYSTEM";
}

/**
 * A client may change, reset or delete a client (itself included) only if its token holds every
 * permission that client has: otherwise a token with api-clients.write could take over a more
 * privileged client, or a narrowly scoped token mint a secret that gets wider ones. The actor's
 * permissions are already the token's scope less whatever was revoked since.
 */
function assertMayActOn(ctx: Ctx, target: ApiClient): void {
  if (ctx.actor.type !== "CLIENT") return;
  const held = ctx.actor.permissions;
  if (target.permissions.every((permission) => held.includes(permission))) return;
  throw new AppError("FORBIDDEN", "An API client may change, reset or delete only clients whose every permission its token holds too");
}

/** A chosen id already used in the client's own organization (or among system clients). */
async function assertLocalIdFree(ctx: Ctx, client: ApiClient): Promise<void> {
  const query = ctx.manager.createQueryBuilder(ApiClient, "c").select("c.local_id", "localId").where("c.local_id = :localId", { localId: client.localId });
  if (client.organizationId === null) query.andWhere("c.organization_id IS NULL");
  else query.andWhere("c.organization_id = :organizationId", { organizationId: client.organizationId });
  const rows: { localId: string }[] = await query.getRawMany();
  if (rows.some((row) => row.localId === client.localId)) {
    const params = { clientId: client.localId ?? "" };
    throw new AppError("CONFLICT", `The client id "${client.localId}" is already used in this organization`, [{ field: "clientId", reason: "CLIENT_ID_IN_USE", params, message: "Already used in this organization" }], null, "CLIENT_ID_IN_USE", params);
  }
}

/** One conditional UPDATE: under any concurrency, at most maxApiClients creates succeed. */
async function takeClientSlot(ctx: Ctx, organization: Organization): Promise<void> {
  const result = await ctx.manager
    .createQueryBuilder()
    .update(Organization)
    .set({ apiClientCount: () => "api_client_count + 1" })
    .where("id = :id AND api_client_count < max_api_clients", { id: organization.id })
    .execute();
  if (result.affected === 0) {
    throw appError("LIMIT_EXCEEDED", "CLIENT_LIMIT_REACHED", `This organization has reached its limit of ${organization.maxApiClients} API clients. Delete one, or ask your platform operator for a higher limit.`, { max: organization.maxApiClients });
  }
}
