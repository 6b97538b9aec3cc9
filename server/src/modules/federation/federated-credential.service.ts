import type { Ctx } from "../../common/context.js";
import { AppError, appError, badInput } from "../../common/errors.js";
import { transactional } from "../../common/transaction.js";
import { ApiClient } from "../api-clients/api-client.entity.js";
import type { ApiClientService } from "../api-clients/api-client.service.js";
import type { ApiClientView } from "../api-clients/api-client.view.js";
import { touchClients } from "../api-clients/client-list-cache.js";
import type { AuditService } from "../audit/audit.service.js";
import { FederatedCredential } from "./federated-credential.entity.js";
import { duplicateError, federatedCredentialErrors, federatedCredentialRows, MAX_FEDERATED_CREDENTIALS, sameTrust, type FederatedCredentialData } from "./federated-credential.rules.js";

/** The federated credentials of FEDERATED clients (issue 17); each change is one transaction with its audit event. */
export class FederatedCredentialService {
  constructor(
    private readonly apiClients: ApiClientService,
    private readonly audit: AuditService,
    /** CLAVIS_FEDERATION_ISSUERS. */
    readonly allowedIssuers: readonly string[],
    /** Told after each change commits, so this process's cached client state is dropped at once. */
    private readonly changed: (clientId: string) => void,
  ) {}

  /** Of a client the caller has already been allowed to see; oldest first. */
  listOf(ctx: Ctx, apiClientId: string): Promise<FederatedCredential[]> {
    return ctx.manager.find(FederatedCredential, { where: { apiClientId }, order: { createdAt: "ASC", id: "ASC" } });
  }

  async add(ctx: Ctx, id: string, data: FederatedCredentialData): Promise<ApiClientView> {
    const { client } = await this.federatedClient(ctx, id);
    const errors = federatedCredentialErrors(data, this.allowedIssuers);
    if (errors.length > 0) throw badInput(errors);
    const [row] = federatedCredentialRows(id, [data], new Date());
    await transactional(ctx, async (tx) => {
      const existing = await this.lockedList(tx, client);
      if (existing.length >= MAX_FEDERATED_CREDENTIALS) throw appError("LIMIT_EXCEEDED", "FEDERATED_CREDENTIAL_LIMIT", `A client can have at most ${MAX_FEDERATED_CREDENTIALS} federated credentials`, { max: MAX_FEDERATED_CREDENTIALS });
      if (existing.some((other) => sameTrust(other, data))) throw badInput([duplicateError("credential")]);
      await tx.manager.insert(FederatedCredential, row);
      await this.audit.record(tx, { organizationId: client.organizationId, action: "api_client.federated_credential_added", targetType: "API_CLIENT", targetId: id, targetLabel: client.name, changes: described(row) });
    });
    this.changed(client.clientId);
    return this.apiClients.get(ctx, id);
  }

  /** Never the last one: a FEDERATED client without credentials could never authenticate again. */
  async remove(ctx: Ctx, id: string, credentialId: string): Promise<ApiClientView> {
    const { client } = await this.federatedClient(ctx, id);
    await transactional(ctx, async (tx) => {
      const existing = await this.lockedList(tx, client);
      const row = existing.find((item) => item.id === credentialId);
      if (row === undefined) throw new AppError("NOT_FOUND", "Federated credential not found");
      if (existing.length === 1) throw appError("BAD_USER_INPUT", "LAST_FEDERATED_CREDENTIAL", "A federated client keeps at least one federated credential; add another first");
      await tx.manager.delete(FederatedCredential, { id: row.id, apiClientId: id });
      await this.audit.record(tx, { organizationId: client.organizationId, action: "api_client.federated_credential_removed", targetType: "API_CLIENT", targetId: id, targetLabel: client.name, changes: described(row) });
    });
    this.changed(client.clientId);
    return this.apiClients.get(ctx, id);
  }

  private async federatedClient(ctx: Ctx, id: string): Promise<ApiClientView> {
    const view = await this.apiClients.get(ctx, id, "write");
    if (view.client.authMethod !== "FEDERATED") throw appError("BAD_USER_INPUT", "NOT_FEDERATED_CLIENT", "Only a client created with authMethod FEDERATED has federated credentials");
    return view;
  }

  /**
   * The client's credentials, read after its row is written: concurrent adds and removes of one
   * client queue behind each other, so the count of 20 and the last one hold under any concurrency.
   */
  private async lockedList(ctx: Ctx, client: ApiClient): Promise<FederatedCredential[]> {
    await ctx.manager.update(ApiClient, { id: client.id }, { updatedAt: new Date() });
    await touchClients(ctx.manager, client.organizationId);
    return ctx.manager.find(FederatedCredential, { where: { apiClientId: client.id } });
  }
}

function described(row: FederatedCredential): Record<string, unknown> {
  return { credentialId: row.id, name: row.name, issuer: row.issuer, audience: row.audience, subject: row.subject };
}
