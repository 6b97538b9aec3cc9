/** GraphQL of issue 17's per-client controls, shared by the client-controls tests. */
export const CONTROL_FIELDS = "id clientId name disabled accessTokenTtlSeconds customClaims tokensRevokedAt updatedAt";
export const CREATE_WITH_CONTROLS = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiClient { ${CONTROL_FIELDS} } clientSecret } }`;
export const GET_CONTROLS = `query($id: ID!) { apiClient(id: $id) { ${CONTROL_FIELDS} } }`;
export const UPDATE_CONTROLS = `mutation($id: ID!, $input: UpdateApiClientInput!) { updateApiClient(id: $id, input: $input) { ${CONTROL_FIELDS} } }`;
export const SET_DISABLED = `mutation($id: ID!, $disabled: Boolean!) { setApiClientDisabled(id: $id, disabled: $disabled) { ${CONTROL_FIELDS} } }`;
export const REVOKE_TOKENS = `mutation($id: ID!) { revokeApiClientTokens(id: $id) { ${CONTROL_FIELDS} } }`;
export const WHOAMI_LIST = `query($org: ID!) { apiClients(organizationId: $org) { totalCount } }`;
