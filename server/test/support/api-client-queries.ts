export const CLIENT_FIELDS = `id organizationId clientId name description environment permissions scopes roleLabel expiresAt expired allowedIps redirectUris secretHint previousSecretExpiresAt createdAt createdBy updatedAt lastUsedAt lastUsedIp`;

export const CREATE = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiClient { ${CLIENT_FIELDS} } clientSecret } }`;
export const GET = `query($id: ID!) { apiClient(id: $id) { ${CLIENT_FIELDS} } }`;
export const LIST = `query($organizationId: ID!, $first: Int, $after: String, $filter: ApiClientFilterInput, $orderBy: ApiClientOrder) {
  apiClients(organizationId: $organizationId, first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id clientId name environment expired } }
  }
}`;
export const RESET = `mutation($id: ID!, $grace: Int) { resetApiClientSecret(id: $id, gracePeriodSeconds: $grace) { apiClient { ${CLIENT_FIELDS} } clientSecret } }`;
export const UPDATE = `mutation($id: ID!, $input: UpdateApiClientInput!) { updateApiClient(id: $id, input: $input) { ${CLIENT_FIELDS} } }`;
export const PERMISSIONS = `mutation($id: ID!, $grant: [String!], $revoke: [String!], $set: [String!]) {
  updateApiClientPermissions(id: $id, grant: $grant, revoke: $revoke, set: $set) { permissions roleLabel }
}`;
export const DELETE = `mutation($id: ID!) { deleteApiClient(id: $id) }`;
export const AUDIT = `query($organizationId: ID!, $filter: AuditEventFilterInput, $first: Int, $after: String) {
  auditEvents(organizationId: $organizationId, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { action actor { type id label } targetType targetId targetLabel ip changes createdAt } }
  }
}`;

export function clientInput(organizationId: string, overrides: Record<string, unknown> = {}) {
  return { organizationId, name: "Reporting service", environment: "LIVE", role: "reader", ...overrides };
}
