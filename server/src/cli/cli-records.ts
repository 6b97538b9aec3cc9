import type { ApiClientView } from "../modules/api-clients/api-client.view.js";
import type { ApiClientPublicKey } from "../modules/api-clients/api-client-public-key.entity.js";
import { toApiClientType, toClientPublicKeyType } from "../modules/api-clients/api-client.types.js";
import type { Organization } from "../modules/organizations/organization.entity.js";
import { toOrganizationType } from "../modules/organizations/organization.types.js";
import type { PermissionCatalog } from "../modules/permissions/permission-catalog.js";
import { textBlock } from "./cli-args.js";
import type { CommandOutput } from "./cli-command.js";

/** Field names as in GraphQL's Organization, so scripts can use either. */
export function organizationOutput(organizations: Organization[]): CommandOutput {
  const records = organizations.map((organization) => {
    const { myRole: _role, ...record } = toOrganizationType(organization);
    return record;
  });
  const text = records
    .map(({ limits, ...record }) => textBlock({ ...record, ...limits }))
    .join("\n\n");
  return { json: records, text: text || "No organizations." };
}

/** Field names as in GraphQL's ApiClient; the secret appears only when given (create, reset). */
export function apiClientOutput(views: ApiClientView[], catalog: PermissionCatalog, clientSecret?: string): CommandOutput {
  const records = views.map((view) => ({ ...toApiClientType(view, catalog), ...(clientSecret === undefined ? {} : { clientSecret }) }));
  const text = records.map((record) => textBlock(record)).join("\n\n");
  const warning = clientSecret === undefined ? "" : "\n\nStore the secret now: it is not shown again.";
  return { json: records, text: (text || "No API clients.") + warning };
}

/** A client's public keys (issue 17), fields as in GraphQL's ClientPublicKey. */
export function publicKeysOutput(client: { clientId: string }, keys: ApiClientPublicKey[]): CommandOutput {
  const records = keys.map((key) => ({ clientId: client.clientId, ...toClientPublicKeyType(key) }));
  return { json: records, text: records.map((record) => textBlock(record)).join("\n\n") };
}
