import { gql, type TypedDocumentNode } from "@apollo/client";
import type { ClientAuthMethod, FederatedCredentialDraft, PublicKeyInput } from "./secretless-rules";

// Issue 17's secretless clients: documents of their own, so the clients fragment gains only
// authMethod and the federation parts are asked for only where a federated client exists.

export interface ClientPublicKey {
  id: string;
  kid: string;
  keyType: string;
  algorithm: string;
  thumbprint: string;
  createdAt: string;
  expiresAt: string | null;
  expired: boolean;
}

export interface FederatedCredential extends FederatedCredentialDraft {
  id: string;
  createdAt: string;
}

const KEY_FIELDS = gql`
  fragment ClientPublicKeyFields on ClientPublicKey {
    id
    kid
    keyType
    algorithm
    thumbprint
    createdAt
    expiresAt
    expired
  }
`;

const CREDENTIAL_FIELDS = gql`
  fragment FederatedCredentialFields on FederatedCredential {
    id
    name
    issuer
    audience
    subject
    createdAt
  }
`;

export interface ClientKeys {
  id: string;
  authMethod: ClientAuthMethod;
  publicKeys: ClientPublicKey[];
}

export interface ClientCredentials {
  id: string;
  federatedCredentials: FederatedCredential[];
}

export const CLIENT_PUBLIC_KEYS: TypedDocumentNode<{ apiClient: ClientKeys }, { id: string }> = gql`
  query ApiClientPublicKeys($id: ID!) {
    apiClient(id: $id) {
      id
      authMethod
      publicKeys {
        ...ClientPublicKeyFields
      }
    }
  }
  ${KEY_FIELDS}
`;

export const CLIENT_FEDERATED_CREDENTIALS: TypedDocumentNode<{ apiClient: ClientCredentials }, { id: string }> = gql`
  query ApiClientFederatedCredentials($id: ID!) {
    apiClient(id: $id) {
      id
      federatedCredentials {
        ...FederatedCredentialFields
      }
    }
  }
  ${CREDENTIAL_FIELDS}
`;

export const FEDERATION_ISSUERS: TypedDocumentNode<{ serverInfo: { federationIssuers: string[] } }> = gql`
  query FederationIssuers {
    serverInfo {
      federationIssuers
    }
  }
`;

export const ADD_PUBLIC_KEY: TypedDocumentNode<{ addApiClientPublicKey: ClientKeys }, { id: string; key: PublicKeyInput }> = gql`
  mutation AddApiClientPublicKey($id: ID!, $key: ClientPublicKeyInput!) {
    addApiClientPublicKey(id: $id, key: $key) {
      id
      authMethod
      publicKeys {
        ...ClientPublicKeyFields
      }
    }
  }
  ${KEY_FIELDS}
`;

export const REMOVE_PUBLIC_KEY: TypedDocumentNode<{ removeApiClientPublicKey: ClientKeys }, { id: string; keyId: string }> = gql`
  mutation RemoveApiClientPublicKey($id: ID!, $keyId: ID!) {
    removeApiClientPublicKey(id: $id, keyId: $keyId) {
      id
      authMethod
      publicKeys {
        ...ClientPublicKeyFields
      }
    }
  }
  ${KEY_FIELDS}
`;

export const ADD_FEDERATED_CREDENTIAL: TypedDocumentNode<{ addFederatedCredential: ClientCredentials }, { id: string; credential: FederatedCredentialDraft }> = gql`
  mutation AddFederatedCredential($id: ID!, $credential: FederatedCredentialInput!) {
    addFederatedCredential(id: $id, credential: $credential) {
      id
      federatedCredentials {
        ...FederatedCredentialFields
      }
    }
  }
  ${CREDENTIAL_FIELDS}
`;

export const REMOVE_FEDERATED_CREDENTIAL: TypedDocumentNode<{ removeFederatedCredential: ClientCredentials }, { id: string; credentialId: string }> = gql`
  mutation RemoveFederatedCredential($id: ID!, $credentialId: ID!) {
    removeFederatedCredential(id: $id, credentialId: $credentialId) {
      id
      federatedCredentials {
        ...FederatedCredentialFields
      }
    }
  }
  ${CREDENTIAL_FIELDS}
`;
