import { LessThanOrEqual } from "typeorm";
import { appError, type FieldError } from "../../common/errors.js";
import type { Ctx } from "../../common/context.js";
import { transactional } from "../../common/transaction.js";
import type { AuditService } from "../audit/audit.service.js";
import { Organization } from "../organizations/organization.entity.js";
import { AccessToken } from "../tokens/access-token.entity.js";
import { DEFAULT_TTL_SECONDS } from "../tokens/token.service.js";
import { ApiClient, type CustomClaims } from "./api-client.entity.js";
import type { ApiClientService } from "./api-client.service.js";
import type { ApiClientView } from "./api-client.view.js";
import { customClaimsErrors, tokenTtlErrors } from "./client-claims.rules.js";
import { touchClients } from "./client-list-cache.js";

export interface ClientControlsData {
  /** Null: the organization's lifetime; left out: unchanged. */
  accessTokenTtlSeconds?: number | null;
  customClaims?: CustomClaims | null;
}

/** The longest lifetime a client of this organization may have: the organization's own. */
export async function organizationTtl(ctx: Ctx, organizationId: string | null): Promise<number> {
  if (organizationId === null) return DEFAULT_TTL_SECONDS;
  const organization = await ctx.manager.findOneBy(Organization, { id: organizationId });
  return organization?.accessTokenTtlSeconds ?? DEFAULT_TTL_SECONDS;
}

/** Field errors of a create's or update's lifetime and custom claims. */
export async function clientControlsErrors(ctx: Ctx, organizationId: string | null, data: ClientControlsData): Promise<FieldError[]> {
  return [
    ...(data.accessTokenTtlSeconds != null ? tokenTtlErrors(data.accessTokenTtlSeconds, await organizationTtl(ctx, organizationId)) : []),
    ...(data.customClaims != null ? customClaimsErrors(data.customClaims) : []),
  ];
}

/**
 * Issue 17: disable, enable and "Revoke all tokens". Who may: whoever may update the client
 * (ApiClientService.get at "write"). Both are seen by every node within the client-state
 * cache's age, as a permission change is: TokenService.verify reads `disabled` and
 * `tokensRevokedAt` from the client's state on every request, cached token checks included.
 */
export class ClientControlService {
  constructor(
    private readonly apiClients: ApiClientService,
    private readonly audit: AuditService,
    /** Told after each change commits, so this process's cached client state is dropped at once. */
    private readonly changed: (clientId: string) => void,
  ) {}

  /**
   * A disabled client keeps everything; /token refuses it and its tokens are inactive until it
   * is enabled again, when those not yet expired work again. A client never disables itself:
   * it could not enable itself again. Audited as api_client.disabled or api_client.enabled.
   */
  async setDisabled(ctx: Ctx, id: string, disabled: boolean): Promise<ApiClientView> {
    const { client } = await this.apiClients.get(ctx, id, "write");
    if (disabled && ctx.actor.type === "CLIENT" && ctx.actor.apiClientId === id) throw appError("FORBIDDEN", "CLIENT_DISABLE_OWN", "An API client cannot disable itself");
    if (client.disabled === disabled) return this.apiClients.get(ctx, id);
    await transactional(ctx, async (tx) => {
      await tx.manager.update(ApiClient, { id }, { disabled, updatedAt: new Date() });
      await touchClients(tx.manager, client.organizationId);
      await this.audit.record(tx, { organizationId: client.organizationId, action: disabled ? "api_client.disabled" : "api_client.enabled", targetType: "API_CLIENT", targetId: id, targetLabel: client.name, changes: { disabled: { from: client.disabled, to: disabled } } });
    });
    this.changed(client.clientId);
    return this.apiClients.get(ctx, id);
  }

  /**
   * Every token issued before now becomes inactive and its row goes (freeing the client's token
   * slots); the secret stays, and tokens issued afterwards work. Audited as api_client.tokens_revoked.
   */
  async revokeTokens(ctx: Ctx, id: string): Promise<ApiClientView> {
    const { client } = await this.apiClients.get(ctx, id, "write");
    const now = new Date();
    await transactional(ctx, async (tx) => {
      await tx.manager.update(ApiClient, { id }, { tokensRevokedAt: now, updatedAt: now });
      const deleted = await tx.manager.delete(AccessToken, { apiClientId: id, issuedAt: LessThanOrEqual(now) });
      await touchClients(tx.manager, client.organizationId);
      await this.audit.record(tx, { organizationId: client.organizationId, action: "api_client.tokens_revoked", targetType: "API_CLIENT", targetId: id, targetLabel: client.name, changes: { tokens: deleted.affected ?? 0 } });
    });
    this.changed(client.clientId);
    return this.apiClients.get(ctx, id);
  }
}
