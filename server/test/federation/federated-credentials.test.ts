import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT } from "../support/api-client-queries.js";
import { addMember, type GraphQLSession, seedOrganization, setupOwner } from "../support/graphql-session.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

// Nothing is fetched while credentials are managed, so these issuers need not exist.
const GITHUB = "https://token.actions.githubusercontent.com";
const CLUSTER = "https://k8s.example.test/issuer";
const FIELDS = `id clientId authMethod secretHint federatedCredentials { id name issuer audience subject createdAt }`;
const CREATE = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiClient { ${FIELDS} } clientSecret } }`;
const ADD = `mutation($id: ID!, $credential: FederatedCredentialInput!) { addFederatedCredential(id: $id, credential: $credential) { ${FIELDS} } }`;
const REMOVE = `mutation($id: ID!, $credentialId: ID!) { removeFederatedCredential(id: $id, credentialId: $credentialId) { ${FIELDS} } }`;
const RESET = `mutation($id: ID!) { resetApiClientSecret(id: $id) { clientSecret } }`;

const credential = (subject: string, overrides: Record<string, string> = {}) => ({ name: `deploy ${subject}`, issuer: GITHUB, audience: "https://clavis.example.test", subject, ...overrides });

describe("federated credentials in GraphQL", () => {
  let app: TestApp;
  let owner: GraphQLSession;
  let organizationId: string;

  const create = async (credentials: unknown[]) =>
    (await owner.ok(CREATE, { input: { organizationId, name: `Deploy ${Math.random().toString(36).slice(2, 8)}`, environment: "LIVE", role: "reader", authMethod: "FEDERATED", federatedCredentials: credentials } })).createApiClient;

  beforeAll(async () => {
    app = await startTestApp({ CLAVIS_FEDERATION_ISSUERS: `${GITHUB},${CLUSTER}` });
    ({ session: owner, organizationId } = await setupOwner(app));
  });

  afterAll(async () => {
    await app.close();
  });

  it("lists the allowlist in serverInfo", async () => {
    expect((await owner.ok(`{ serverInfo { federationIssuers } }`)).serverInfo.federationIssuers).toEqual([GITHUB, CLUSTER]);
  });

  it("creates a FEDERATED client with its credentials and no secret; a secret reset is refused", async () => {
    const created = await create([credential("repo:acme/app:ref:refs/heads/main"), credential("system:serviceaccount:prod:deployer", { issuer: CLUSTER })]);
    expect(created.clientSecret).toBeNull();
    expect(created.apiClient.authMethod).toBe("FEDERATED");
    expect(created.apiClient.federatedCredentials.map((item: { issuer: string; subject: string }) => [item.issuer, item.subject])).toEqual([
      [GITHUB, "repo:acme/app:ref:refs/heads/main"],
      [CLUSTER, "system:serviceaccount:prod:deployer"],
    ]);
    expect(await owner.errorOf(RESET, { id: created.apiClient.id })).toMatchObject({ code: "BAD_USER_INPUT" });
  });

  it("refuses at creation an issuer outside the allowlist, a wildcard subject, and no credentials at all, as field errors", async () => {
    const input = (federatedCredentials: unknown[]) => ({ input: { organizationId, name: "Refused", environment: "LIVE", role: "reader", authMethod: "FEDERATED", federatedCredentials } });
    expect(await owner.errorOf(CREATE, input([credential("repo:acme/app:ref:refs/heads/main", { issuer: "https://evil.example.com" })]))).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: [{ field: "federatedCredentials.0.issuer", reason: "FEDERATION_ISSUER_NOT_ALLOWED" }],
    });
    expect(await owner.errorOf(CREATE, input([credential("repo:acme/*")]))).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "federatedCredentials.0.subject", reason: "FEDERATED_SUBJECT_WILDCARD" }] });
    expect(await owner.errorOf(CREATE, input([]))).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "federatedCredentials", reason: "FEDERATED_CREDENTIALS_COUNT" }] });
    expect(await owner.errorOf(CREATE, { input: { organizationId, name: "Secret", environment: "LIVE", role: "reader", federatedCredentials: [credential("x")] } })).toMatchObject({ code: "BAD_USER_INPUT" });
  });

  it("adds up to 20 credentials and refuses the 21st and a duplicate", async () => {
    const { apiClient } = await create([credential("s0")]);
    for (let i = 1; i < 20; i++) await owner.ok(ADD, { id: apiClient.id, credential: credential(`s${i}`) });
    const full = await owner.request(ADD, { id: apiClient.id, credential: credential("s20") });
    expect(full.errors?.[0].extensions).toMatchObject({ code: "LIMIT_EXCEEDED", reason: "FEDERATED_CREDENTIAL_LIMIT" });
    const again = await owner.request(REMOVE, { id: apiClient.id, credentialId: (await owner.ok(`query($id: ID!) { apiClient(id: $id) { ${FIELDS} } }`, { id: apiClient.id })).apiClient.federatedCredentials[19].id });
    expect(again.data.removeFederatedCredential.federatedCredentials).toHaveLength(19);
    expect((await owner.errorOf(ADD, { id: apiClient.id, credential: credential("s0", { name: "same trust, other name" }) })).fields).toMatchObject([{ reason: "FEDERATED_CREDENTIAL_DUPLICATE" }]);
    expect((await owner.errorOf(ADD, { id: apiClient.id, credential: credential("s99", { issuer: "https://evil.example.com" }) })).fields).toMatchObject([{ field: "issuer", reason: "FEDERATION_ISSUER_NOT_ALLOWED" }]);
  });

  it("never removes the last credential", async () => {
    const { apiClient } = await create([credential("only")]);
    const result = await owner.request(REMOVE, { id: apiClient.id, credentialId: apiClient.federatedCredentials[0].id });
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "LAST_FEDERATED_CREDENTIAL" });
  });

  it("refuses federated credentials on a client with a secret", async () => {
    const { createApiClient } = await owner.ok(`mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiClient { id } } }`, { input: { organizationId, name: "Secretful", environment: "LIVE", role: "reader" } });
    const result = await owner.request(ADD, { id: createApiClient.apiClient.id, credential: credential("x") });
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "NOT_FEDERATED_CLIENT" });
  });

  it("gives another organization's owner NOT_FOUND and a viewer FORBIDDEN", async () => {
    const { apiClient } = await create([credential("a"), credential("b")]);
    const other = await seedOrganization(app, "Elsewhere", "owner@elsewhere.test");
    expect(await other.session.errorOf(ADD, { id: apiClient.id, credential: credential("c") })).toMatchObject({ code: "NOT_FOUND" });
    expect(await other.session.errorOf(REMOVE, { id: apiClient.id, credentialId: apiClient.federatedCredentials[0].id })).toMatchObject({ code: "NOT_FOUND" });
    const viewer = await addMember(app, organizationId, "viewer@acme.test", "VIEWER");
    expect(await viewer.errorOf(ADD, { id: apiClient.id, credential: credential("c") })).toMatchObject({ code: "FORBIDDEN" });
    expect(await viewer.errorOf(REMOVE, { id: apiClient.id, credentialId: apiClient.federatedCredentials[0].id })).toMatchObject({ code: "FORBIDDEN" });
    expect(await owner.errorOf(REMOVE, { id: apiClient.id, credentialId: "00000000-0000-4000-8000-000000000000" })).toMatchObject({ code: "NOT_FOUND" });
  });

  it("audits each add and remove with the issuer, audience and subject", async () => {
    const { apiClient } = await create([credential("first")]);
    const added = (await owner.ok(ADD, { id: apiClient.id, credential: credential("second", { issuer: CLUSTER }) })).addFederatedCredential;
    await owner.ok(REMOVE, { id: apiClient.id, credentialId: added.federatedCredentials[0].id });
    const events = (await owner.ok(AUDIT, { organizationId, filter: { apiClientId: apiClient.id } })).auditEvents.edges.map((edge: { node: { action: string; changes: Record<string, unknown> } }) => edge.node);
    const actions = events.map((event: { action: string }) => event.action);
    expect(actions).toEqual(expect.arrayContaining(["api_client.created", "api_client.federated_credential_added", "api_client.federated_credential_removed"]));
    expect(events.find((event: { action: string }) => event.action === "api_client.federated_credential_added").changes).toMatchObject({ name: "deploy second", issuer: CLUSTER, subject: "second" });
    expect(events.find((event: { action: string }) => event.action === "api_client.federated_credential_removed").changes).toMatchObject({ issuer: GITHUB, subject: "first" });
  });
});
