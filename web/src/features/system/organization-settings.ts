import type { OrganizationSettings, PlatformOrganization } from "./platform-organizations.graphql";

/** What the form holds: numbers as typed, so a half-typed value is not lost. */
export interface SettingsDraft {
  name: string;
  apiClientsEnabled: boolean;
  maxApiClients: string;
  maxTokensPerClient: string;
  accessTokenTtlSeconds: string;
}

export type LimitField = "maxApiClients" | "maxTokensPerClient" | "accessTokenTtlSeconds";

/** The server's defaults (organization.rules.ts); new organizations start with API clients off, as in iBinder. */
export const NEW_ORGANIZATION: SettingsDraft = { name: "", apiClientsEnabled: false, maxApiClients: "10", maxTokensPerClient: "10", accessTokenTtlSeconds: "3600" };

export function draftOf(organization: PlatformOrganization): SettingsDraft {
  const { limits } = organization;
  return { name: organization.name, apiClientsEnabled: organization.apiClientsEnabled, maxApiClients: String(limits.maxApiClients), maxTokensPerClient: String(limits.maxTokensPerClient), accessTokenTtlSeconds: String(limits.accessTokenTtlSeconds) };
}

/**
 * The draft as the mutation takes it, or the fields that are not whole numbers. Ranges are the
 * server's to judge (its field errors are shown at the fields); a GraphQL Int cannot carry "1.5".
 */
export function toSettings(draft: SettingsDraft): { settings: OrganizationSettings } | { notWhole: LimitField[] } {
  const fields: LimitField[] = ["maxApiClients", "maxTokensPerClient", "accessTokenTtlSeconds"];
  const numbers = fields.map((field) => [field, draft[field].trim()] as const).map(([field, text]) => [field, /^-?\d{1,9}$/.test(text) ? Number(text) : null] as const);
  const notWhole = numbers.filter(([, value]) => value === null).map(([field]) => field);
  if (notWhole.length > 0) return { notWhole };
  const value = Object.fromEntries(numbers) as Record<LimitField, number>;
  return { settings: { name: draft.name.trim(), apiClientsEnabled: draft.apiClientsEnabled, ...value } };
}
