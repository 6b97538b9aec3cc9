import { gql, type TypedDocumentNode } from "@apollo/client";

/** The permissions a system client may hold (server: SYSTEM_PERMISSIONS). */
export const SYSTEM_PERMISSIONS = ["system.organizations.read", "system.organizations.write", "tokens.introspect"] as const;

export interface SystemClient {
  id: string;
  clientId: string;
  name: string;
  description: string;
  permissions: string[];
  expiresAt: string | null;
  expired: boolean;
  secretHint: string;
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
}

const FIELDS = gql`
  fragment SystemClientFields on ApiClient {
    id
    clientId
    name
    description
    permissions
    expiresAt
    expired
    secretHint
    createdAt
    createdBy
    lastUsedAt
  }
`;

export const SYSTEM_CLIENTS: TypedDocumentNode<{ systemClients: SystemClient[] }> = gql`
  query SystemClients {
    systemClients {
      ...SystemClientFields
    }
  }
  ${FIELDS}
`;

export interface CreateSystemClientInput {
  name: string;
  description: string | null;
  permissions: string[];
  expiresAt: string | null;
}

export const CREATE_SYSTEM_CLIENT: TypedDocumentNode<{ createSystemClient: { clientSecret: string; apiClient: SystemClient } }, { input: CreateSystemClientInput }> = gql`
  mutation CreateSystemClient($input: CreateSystemClientInput!) {
    createSystemClient(input: $input) {
      clientSecret
      apiClient {
        ...SystemClientFields
      }
    }
  }
  ${FIELDS}
`;

export const SET_SYSTEM_CLIENT_PERMISSIONS: TypedDocumentNode<{ updateApiClientPermissions: SystemClient }, { id: string; permissions: string[] }> = gql`
  mutation SetSystemClientPermissions($id: ID!, $permissions: [String!]!) {
    updateApiClientPermissions(id: $id, set: $permissions) {
      ...SystemClientFields
    }
  }
  ${FIELDS}
`;
