import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { PageInfo } from "../../http/types/page-info.types.js";
import type { Page } from "../../common/pagination.js";
import type { PermissionCatalog } from "../permissions/permission-catalog.js";
import { roleLabel } from "../permissions/permission-set.js";
import type { ApiClientPublicKey } from "./api-client-public-key.entity.js";
import type { ApiClientView, ApiClientWithSecret } from "./api-client.view.js";

export const EnvironmentEnum = { LIVE: "LIVE", STAGING: "STAGING" } as const;
registerEnumType(EnvironmentEnum, { name: "Environment", description: "Fixed at creation; named in the secret's prefix." });

export const ClientAuthMethodEnum = { CLIENT_SECRET: "CLIENT_SECRET", PRIVATE_KEY_JWT: "PRIVATE_KEY_JWT", FEDERATED: "FEDERATED" } as const;
registerEnumType(ClientAuthMethodEnum, {
  name: "ClientAuthMethod",
  description: "How a client authenticates at /token; fixed at creation.",
  valuesConfig: {
    CLIENT_SECRET: { description: "client_secret_basic / client_secret_post" },
    PRIVATE_KEY_JWT: { description: "RFC 7523 client assertion signed with one of its public keys" },
    FEDERATED: { description: "an external OIDC issuer's token as the client assertion" },
  },
});

@ObjectType("ClientPublicKey", { simpleResolvers: true })
export class ClientPublicKeyType {
  @Field(() => ID)
  id!: string;

  @Field({ description: "The JWK's kid (given, or its RFC 7638 thumbprint)." })
  kid!: string;

  @Field({ description: "OKP/Ed25519, EC/P-256 or RSA (bits)" })
  keyType!: string;

  @Field({ description: "EdDSA, ES256, RS256 … accepted for this key (space-separated when several)" })
  algorithm!: string;

  @Field()
  thumbprint!: string;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field()
  expired!: boolean;
}

export function toClientPublicKeyType(key: ApiClientPublicKey): ClientPublicKeyType {
  return { id: key.id, kid: key.kid, keyType: key.keyType, algorithm: key.algorithm, thumbprint: key.thumbprint, createdAt: key.createdAt, expiresAt: key.expiresAt, expired: key.expiresAt !== null && key.expiresAt.getTime() <= Date.now() };
}

@ObjectType("ApiClient", { simpleResolvers: true })
export class ApiClientType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: "Null for a system client (platform-level, made with the CLI)." })
  organizationId!: string | null;

  @Field({ description: "The OAuth 2.0 client id. Immutable." })
  clientId!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => EnvironmentEnum)
  environment!: keyof typeof EnvironmentEnum;

  @Field(() => [String], { description: "Granted permissions, `<api>.<action>`, implications included." })
  permissions!: string[];

  @Field(() => [String], { nullable: true, description: "The APIs this client may ever hold permissions in; null means every API." })
  scopes!: string[] | null;

  @Field({ description: "reader, creator or admin when the permissions equal that preset, else custom." })
  roleLabel!: string;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field()
  expired!: boolean;

  @Field(() => [String], { description: "Addresses and CIDR blocks allowed to use the client; empty means any." })
  allowedIps!: string[];

  @Field(() => [String])
  redirectUris!: string[];

  @Field({ description: "May get tokens for a platform user with that user's username and password (password grant, auth_type=login)." })
  allowLogin!: boolean;

  @Field({ description: "May get tokens acting for a platform user on its own word (password grant, auth_type=impersonate)." })
  allowImpersonate!: boolean;

  @Field(() => ClientAuthMethodEnum)
  authMethod!: keyof typeof ClientAuthMethodEnum;

  @Field({ description: "The last four characters of the current secret, to recognise it; empty for a secretless client." })
  secretHint!: string;

  @Field(() => Date, { nullable: true, description: "While a rotation's grace period runs: when the previous secret stops working." })
  previousSecretExpiresAt!: Date | null;

  @Field()
  createdAt!: Date;

  @Field({ description: "Who created the client: an e-mail address, a client id, or cli." })
  createdBy!: string;

  @Field()
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => String, { nullable: true })
  lastUsedIp!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class ApiClientEdge {
  @Field()
  cursor!: string;

  @Field(() => ApiClientType)
  node!: ApiClientType;
}

@ObjectType({ simpleResolvers: true })
export class ApiClientConnection {
  @Field(() => [ApiClientEdge])
  edges!: ApiClientEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType({ simpleResolvers: true, description: "The secret is shown here once and never again." })
export class ApiClientSecretPayload {
  @Field(() => ApiClientType)
  apiClient!: ApiClientType;

  @Field(() => String, { nullable: true, description: "Null for a secretless client (PRIVATE_KEY_JWT)." })
  clientSecret!: string | null;
}

export function toApiClientType(view: ApiClientView, catalog: PermissionCatalog): ApiClientType {
  const { client } = view;
  return {
    id: client.id,
    organizationId: client.organizationId,
    clientId: client.clientId,
    name: client.name,
    description: client.description,
    environment: client.environment,
    permissions: client.permissions,
    scopes: client.scopes,
    roleLabel: roleLabel(catalog, client.permissions, client.scopes),
    expiresAt: client.expiresAt,
    expired: client.expiresAt !== null && client.expiresAt.getTime() <= Date.now(),
    allowedIps: client.allowedIps,
    redirectUris: client.redirectUris,
    allowLogin: client.allowLogin,
    allowImpersonate: client.allowImpersonate,
    authMethod: client.authMethod,
    secretHint: view.secretHint,
    previousSecretExpiresAt: view.previousSecretExpiresAt,
    createdAt: client.createdAt,
    createdBy: client.createdByLabel,
    updatedAt: client.updatedAt,
    lastUsedAt: client.lastUsedAt,
    lastUsedIp: client.lastUsedIp,
  };
}

export function toApiClientConnection(page: Page<ApiClientView>, catalog: PermissionCatalog): ApiClientConnection {
  return {
    edges: page.items.map((item) => ({ cursor: item.cursor, node: toApiClientType(item.node, catalog) })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount: page.totalCount,
  };
}

export function toSecretPayload(result: ApiClientWithSecret, catalog: PermissionCatalog): ApiClientSecretPayload {
  return { apiClient: toApiClientType(result.apiClient, catalog), clientSecret: result.clientSecret };
}
