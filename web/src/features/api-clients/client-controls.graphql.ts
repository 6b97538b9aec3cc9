import { gql, type TypedDocumentNode } from "@apollo/client";

/** Issue 17's per-client controls, as the panel shows them; Apollo merges them into the cached client by id. */
export interface ClientControls {
  id: string;
  disabled: boolean;
  accessTokenTtlSeconds: number | null;
  customClaims: Record<string, unknown>;
  tokensRevokedAt: string | null;
  updatedAt: string;
}

const CONTROL_FIELDS = gql`
  fragment ClientControlFields on ApiClient {
    id
    disabled
    accessTokenTtlSeconds
    customClaims
    tokensRevokedAt
    updatedAt
  }
`;

export const CLIENT_CONTROLS: TypedDocumentNode<{ apiClient: ClientControls }, { id: string }> = gql`
  query ApiClientControls($id: ID!) {
    apiClient(id: $id) {
      ...ClientControlFields
    }
  }
  ${CONTROL_FIELDS}
`;

export const SET_API_CLIENT_DISABLED: TypedDocumentNode<{ setApiClientDisabled: ClientControls }, { id: string; disabled: boolean }> = gql`
  mutation SetApiClientDisabled($id: ID!, $disabled: Boolean!) {
    setApiClientDisabled(id: $id, disabled: $disabled) {
      ...ClientControlFields
    }
  }
  ${CONTROL_FIELDS}
`;

export const REVOKE_API_CLIENT_TOKENS: TypedDocumentNode<{ revokeApiClientTokens: ClientControls }, { id: string }> = gql`
  mutation RevokeApiClientTokens($id: ID!) {
    revokeApiClientTokens(id: $id) {
      ...ClientControlFields
    }
  }
  ${CONTROL_FIELDS}
`;

export interface TokenSettingsVariables {
  id: string;
  input: { accessTokenTtlSeconds: number | null; customClaims: Record<string, unknown> };
}

export const UPDATE_TOKEN_SETTINGS: TypedDocumentNode<{ updateApiClient: ClientControls }, TokenSettingsVariables> = gql`
  mutation UpdateTokenSettings($id: ID!, $input: UpdateApiClientInput!) {
    updateApiClient(id: $id, input: $input) {
      ...ClientControlFields
    }
  }
  ${CONTROL_FIELDS}
`;
