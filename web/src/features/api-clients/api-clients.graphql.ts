import { gql, type TypedDocumentNode } from "@apollo/client";
import type { AuthInput, ClientAuthMethod } from "./secretless-rules";

export interface ApiClient {
  id: string;
  organizationId: string | null;
  clientId: string;
  name: string;
  description: string;
  environment: "LIVE" | "STAGING";
  permissions: string[];
  scopes: string[] | null;
  roleLabel: string;
  expiresAt: string | null;
  expired: boolean;
  allowedIps: string[];
  redirectUris: string[];
  allowLogin: boolean;
  allowImpersonate: boolean;
  /** Issue 17: refused at /token, its tokens inactive (client-controls-panel.tsx has the rest). */
  disabled: boolean;
  secretHint: string;
  previousSecretExpiresAt: string | null;
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  authMethod: ClientAuthMethod;
}

const FIELDS = gql`
  fragment ApiClientFields on ApiClient {
    id
    organizationId
    clientId
    name
    description
    environment
    permissions
    scopes
    roleLabel
    expiresAt
    expired
    allowedIps
    redirectUris
    allowLogin
    allowImpersonate
    disabled
    secretHint
    previousSecretExpiresAt
    createdAt
    createdBy
    lastUsedAt
    lastUsedIp
    authMethod
  }
`;

export type ApiClientOrder = "CREATED_ASC" | "CREATED_DESC" | "NAME_ASC" | "NAME_DESC";

export interface ApiClientListVariables {
  organizationId: string;
  first: number;
  after: string | null;
  filter: { search: string | null } | null;
  orderBy: ApiClientOrder;
  /** Name orders sort for this language (Swedish puts Å Ä Ö after Z); part of the cache key. */
  language: string;
}

export interface ApiClientListData {
  apiClients: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: ApiClient }[] };
}

export const API_CLIENTS: TypedDocumentNode<ApiClientListData, ApiClientListVariables> = gql`
  query ApiClients($organizationId: ID!, $first: Int!, $after: String, $filter: ApiClientFilterInput, $orderBy: ApiClientOrder!, $language: String) {
    apiClients(organizationId: $organizationId, first: $first, after: $after, filter: $filter, orderBy: $orderBy, language: $language) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...ApiClientFields
        }
      }
    }
  }
  ${FIELDS}
`;

export const API_CLIENT: TypedDocumentNode<{ apiClient: ApiClient }, { id: string }> = gql`
  query ApiClient($id: ID!) {
    apiClient(id: $id) {
      ...ApiClientFields
    }
  }
  ${FIELDS}
`;

export interface CatalogAction {
  name: string;
  title: { en: string; sv: string };
  permission: string;
  implies: string[];
}

export interface CatalogApi {
  name: string;
  title: { en: string; sv: string };
  actions: CatalogAction[];
}

export interface RolePreset {
  name: string;
  title: { en: string; sv: string };
  permissions: string[];
}

export const PERMISSION_CATALOG: TypedDocumentNode<{ permissionCatalog: { apis: CatalogApi[]; presets: RolePreset[] } }> = gql`
  query PermissionCatalog {
    permissionCatalog {
      apis {
        name
        title {
          en
          sv
        }
        actions {
          name
          title {
            en
            sv
          }
          permission
          implies
        }
      }
      presets {
        name
        title {
          en
          sv
        }
        permissions
      }
    }
  }
`;

export interface CreateApiClientInput extends Partial<AuthInput> {
  organizationId: string;
  name: string;
  description: string;
  clientId: string | null;
  environment: "LIVE" | "STAGING";
  permissions: string[];
  scopes: string[] | null;
  expiresAt: string | null;
  allowedIps: string[];
  redirectUris: string[];
  allowLogin: boolean;
  allowImpersonate: boolean;
}

export interface SecretPayload {
  apiClient: ApiClient;
  /** Null for a secretless client (issue 17): it has no secret to show. */
  clientSecret: string | null;
}

export const CREATE_API_CLIENT: TypedDocumentNode<{ createApiClient: SecretPayload }, { input: CreateApiClientInput }> = gql`
  mutation CreateApiClient($input: CreateApiClientInput!) {
    createApiClient(input: $input) {
      clientSecret
      apiClient {
        ...ApiClientFields
      }
    }
  }
  ${FIELDS}
`;

export const RESET_API_CLIENT_SECRET: TypedDocumentNode<{ resetApiClientSecret: SecretPayload }, { id: string; gracePeriodSeconds: number }> = gql`
  mutation ResetApiClientSecret($id: ID!, $gracePeriodSeconds: Int!) {
    resetApiClientSecret(id: $id, gracePeriodSeconds: $gracePeriodSeconds) {
      clientSecret
      apiClient {
        ...ApiClientFields
      }
    }
  }
  ${FIELDS}
`;

export interface UpdateApiClientVariables {
  id: string;
  input: { name: string; description: string; allowedIps: string[]; redirectUris: string[]; allowLogin: boolean; allowImpersonate: boolean };
  permissions: string[];
}

export const UPDATE_API_CLIENT: TypedDocumentNode<{ updateApiClient: ApiClient; updateApiClientPermissions: ApiClient }, UpdateApiClientVariables> = gql`
  mutation UpdateApiClient($id: ID!, $input: UpdateApiClientInput!, $permissions: [String!]!) {
    updateApiClient(id: $id, input: $input) {
      ...ApiClientFields
    }
    updateApiClientPermissions(id: $id, set: $permissions) {
      ...ApiClientFields
    }
  }
  ${FIELDS}
`;

export const DELETE_API_CLIENT: TypedDocumentNode<{ deleteApiClient: string }, { id: string }> = gql`
  mutation DeleteApiClient($id: ID!) {
    deleteApiClient(id: $id)
  }
`;

/** The organization as the clients screens need it: the id prefix, the client limit, token lifetime. */
export interface ClientsOrganization {
  id: string;
  slug: string;
  apiClientCount: number;
  limits: { maxApiClients: number; maxTokensPerClient: number; accessTokenTtlSeconds: number };
}

export const CLIENTS_ORGANIZATION: TypedDocumentNode<{ organization: ClientsOrganization }, { id: string }> = gql`
  query ApiClientsOrganization($id: ID!) {
    organization(id: $id) {
      id
      slug
      apiClientCount
      limits {
        maxApiClients
        maxTokensPerClient
        accessTokenTtlSeconds
      }
    }
  }
`;
