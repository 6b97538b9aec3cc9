/**
 * Every operator operation of the issue 14 contract, with variables that would succeed for an
 * operator. operator-access.test.ts walks this list and fails when schema.graphql has an
 * operation described as "Operators only" (or "Operators, …") that is missing here.
 */
export interface OperatorOperation {
  name: string;
  query: string;
  variables: (ids: { operatorId: string; invitationId: string }) => Record<string, unknown>;
}

export const OPERATOR_OPERATIONS: OperatorOperation[] = [
  { name: "platformOrganizations", query: `query { platformOrganizations(search: "a") { totalCount edges { node { id } } } }`, variables: () => ({}) },
  { name: "systemClients", query: `query { systemClients { id clientId } }`, variables: () => ({}) },
  { name: "signingKeys", query: `query { signingKeys { kid active } }`, variables: () => ({}) },
  { name: "platformAuditEvents", query: `query { platformAuditEvents { totalCount edges { node { action } } } }`, variables: () => ({}) },
  { name: "operators", query: `query { operators { id email } }`, variables: () => ({}) },
  { name: "operatorInvitations", query: `query { operatorInvitations { id email } }`, variables: () => ({}) },
  {
    name: "createSystemClient",
    query: `mutation($input: CreateSystemClientInput!) { createSystemClient(input: $input) { clientSecret apiClient { id } } }`,
    variables: () => ({ input: { name: "Provisioning", permissions: ["system.organizations.write"] } }),
  },
  { name: "rotateSigningKey", query: `mutation { rotateSigningKey { kid } }`, variables: () => ({}) },
  { name: "inviteOperator", query: `mutation($email: String!) { inviteOperator(email: $email) { invitationUrl invitation { id } } }`, variables: () => ({ email: "intruder@evil.test" }) },
  { name: "withdrawOperatorInvitation", query: `mutation($id: ID!) { withdrawOperatorInvitation(id: $id) }`, variables: ({ invitationId }) => ({ id: invitationId }) },
  { name: "removeOperator", query: `mutation($id: ID!) { removeOperator(userId: $id) }`, variables: ({ operatorId }) => ({ id: operatorId }) },
];
