import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT, CLIENT_FIELDS, DELETE, PERMISSIONS, RESET } from "../support/api-client-queries.js";
import { GraphQLSession, PASSWORD, setupOwner, signIn } from "../support/graphql-session.js";
import { introspect, tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name apiClientsEnabled } }`;
const UPDATE_ORG = `mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id apiClientsEnabled } }`;
const CREATE_CLIENT = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiClient { ${CLIENT_FIELDS} } clientSecret } }`;
const CREATE_SYSTEM = `mutation($input: CreateSystemClientInput!) { createSystemClient(input: $input) { apiClient { id clientId organizationId scopes permissions } clientSecret } }`;
const PLATFORM_AUDIT = `query($first: Int, $after: String, $filter: PlatformAuditFilterInput) {
  platformAuditEvents(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { action actor { type id label } targetType targetLabel } } }
}`;
const ORGS = `query($search: String, $first: Int, $after: String) { platformOrganizations(search: $search, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { name } } } }`;
const ME = `query { me { email isOperator } }`;
const ACCEPT = `mutation($token: String!, $name: String, $password: String) { acceptInvitation(token: $token, name: $name, password: $password) { user { email isOperator } organization { id } } }`;

const bearer = (app: TestApp, token: string, organizationId?: string) =>
  new GraphQLSession(app.url, { authorization: `Bearer ${token}`, ...(organizationId === undefined ? {} : { [app.app.config.tenantHeader]: organizationId }) });

describe("an operator at /system", () => {
  let app: TestApp;
  let operator: GraphQLSession;
  let operatorId: string;
  let acmeId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const setup = await setupOwner(app, "root@acme.test", { asOperator: true });
    operator = setup.session;
    operatorId = setup.userId;
    acmeId = setup.organizationId;
  });

  afterAll(async () => {
    await app?.close();
  });

  it("is the setup's first user, and a member only where they are one", async () => {
    expect((await operator.ok(ME)).me).toEqual({ email: "root@acme.test", isOperator: true });
    await operator.ok(CREATE_ORG, { input: { name: "Elsewhere" } });
    const { myOrganizations } = await operator.ok(`query { myOrganizations { id myRole } }`);
    expect(myOrganizations).toEqual([{ id: acmeId, myRole: "OWNER" }]);
  });

  it("switches API clients on for an organization and manages its clients, audited in that organization's trail", async () => {
    const { createOrganization: beta } = await operator.ok(CREATE_ORG, { input: { name: "Beta", apiClientsEnabled: false } });
    expect((await operator.errorOf(CREATE_CLIENT, { input: { organizationId: beta.id, name: "Sync", role: "reader" } })).code).toBe("FORBIDDEN");
    expect((await operator.ok(UPDATE_ORG, { id: beta.id, input: { apiClientsEnabled: true } })).updateOrganization).toEqual({ id: beta.id, apiClientsEnabled: true });

    const { createApiClient } = await operator.ok(CREATE_CLIENT, { input: { organizationId: beta.id, name: "Sync", role: "reader" } });
    const client = createApiClient.apiClient;
    expect(client.organizationId).toBe(beta.id);
    const token = await tokenFor(app, client.clientId, createApiClient.clientSecret);
    expect(token.status).toBe(200);

    const changed = await operator.ok(PERMISSIONS, { id: client.id, grant: ["api-clients.write"] });
    expect(changed.updateApiClientPermissions.permissions).toContain("api-clients.write");
    const reset = await operator.ok(RESET, { id: client.id });
    expect((await tokenFor(app, client.clientId, createApiClient.clientSecret)).status).toBe(401);
    expect((await tokenFor(app, client.clientId, reset.resetApiClientSecret.clientSecret)).status).toBe(200);
    expect(await operator.ok(DELETE, { id: client.id })).toEqual({ deleteApiClient: client.id });

    const { auditEvents } = await operator.ok(AUDIT, { organizationId: beta.id, first: 50 });
    const byOperator = auditEvents.edges.map((edge: any) => edge.node).filter((node: any) => node.targetType === "API_CLIENT");
    expect(byOperator.map((node: any) => [node.action, node.actor])).toEqual(
      ["api_client.deleted", "api_client.secret_reset", "api_client.permissions_updated", "api_client.created"].map((action) => [action, { type: "USER", id: operatorId, label: "root@acme.test" }]),
    );
    // The organization's own events stay out of the platform trail; its creation is in both.
    const platform = (await operator.ok(PLATFORM_AUDIT, { first: 100 })).platformAuditEvents.edges.map((edge: any) => edge.node);
    expect(platform.filter((node: any) => node.targetType === "API_CLIENT")).toEqual([]);
    expect(platform.some((node: any) => node.action === "organization.created" && node.targetLabel === "Beta")).toBe(true);
  });

  it("creates a system client, uses it against createOrganization, and deletes it, which ends its token", async () => {
    const { createSystemClient } = await operator.ok(CREATE_SYSTEM, { input: { name: "Provisioning", permissions: ["system.organizations.write"] } });
    expect(createSystemClient.apiClient).toMatchObject({ organizationId: null, scopes: ["system"], permissions: ["system.organizations.read", "system.organizations.write"] });
    const { systemClients } = await operator.ok(`query { systemClients { id } }`);
    expect(systemClients).toEqual([{ id: createSystemClient.apiClient.id }]);
    const token = (await tokenFor(app, createSystemClient.apiClient.clientId, createSystemClient.clientSecret)).body?.access_token as string;
    const automation = bearer(app, token);
    expect((await automation.ok(CREATE_ORG, { input: { name: "Provisioned" } })).createOrganization.name).toBe("Provisioned");

    expect(await operator.ok(DELETE, { id: createSystemClient.apiClient.id })).toEqual({ deleteApiClient: createSystemClient.apiClient.id });
    expect((await automation.errorOf(CREATE_ORG, { input: { name: "Too late" } })).code).toBe("UNAUTHENTICATED");
    const { platformAuditEvents } = await operator.ok(PLATFORM_AUDIT, { first: 10, filter: { actorType: "CLIENT" } });
    expect(platformAuditEvents.edges.map((edge: any) => [edge.node.action, edge.node.targetLabel, edge.node.actor.label])).toEqual([
      ["organization.created", "Provisioned", createSystemClient.apiClient.clientId],
    ]);
  });

  it("never gives a system client permissions outside the system set", async () => {
    const outside = await operator.errorOf(CREATE_SYSTEM, { input: { name: "Greedy", permissions: ["system.organizations.read", "api-clients.write"] } });
    expect(outside.code).toBe("BAD_USER_INPUT");
    const { createSystemClient } = await operator.ok(CREATE_SYSTEM, { input: { name: "Reader", permissions: ["system.organizations.read"] } });
    const grant = await operator.errorOf(PERMISSIONS, { id: createSystemClient.apiClient.id, grant: ["members.read"] });
    expect(grant.code).toBe("BAD_USER_INPUT");
    const { apiClient } = await operator.ok(`query($id: ID!) { apiClient(id: $id) { permissions } }`, { id: createSystemClient.apiClient.id });
    expect(apiClient.permissions).toEqual(["system.organizations.read"]);
    await operator.ok(DELETE, { id: createSystemClient.apiClient.id });
  });

  it("lists and rotates signing keys, and a token signed before the rotation still verifies", async () => {
    const { createSystemClient } = await operator.ok(CREATE_SYSTEM, { input: { name: "Introspector", permissions: ["tokens.introspect", "system.organizations.read"] } });
    const caller = { clientId: createSystemClient.apiClient.clientId, secret: createSystemClient.clientSecret };
    const before = (await tokenFor(app, caller.clientId, caller.secret)).body?.access_token as string;
    const { signingKeys } = await operator.ok(`query { signingKeys { kid algorithm active encryptedAtRest } }`);
    expect(signingKeys).toEqual([{ kid: expect.any(String), algorithm: "EdDSA", active: true, encryptedAtRest: true }]);

    const { rotateSigningKey } = await operator.ok(`mutation { rotateSigningKey { kid active encryptedAtRest } }`);
    expect(rotateSigningKey).toEqual({ kid: expect.any(String), active: true, encryptedAtRest: true });
    const after = (await operator.ok(`query { signingKeys { kid active } }`)).signingKeys;
    expect(after).toEqual([{ kid: rotateSigningKey.kid, active: true }, { kid: signingKeys[0].kid, active: false }]);

    expect((await introspect(app, caller, before)).body).toMatchObject({ active: true });
    expect((await bearer(app, before).ok(`query { platformOrganizations(first: 1) { totalCount } }`)).platformOrganizations.totalCount).toBeGreaterThan(0);
    const { platformAuditEvents } = await operator.ok(PLATFORM_AUDIT, { first: 1, filter: { action: "signing_key.rotated" } });
    expect(platformAuditEvents.edges[0].node).toEqual({ action: "signing_key.rotated", actor: { type: "USER", id: operatorId, label: "root@acme.test" }, targetType: "SIGNING_KEY", targetLabel: rotateSigningKey.kid });
  });

  it("finds organizations by folded name, slug or id, in name order, page by page", async () => {
    for (const name of ["Malmö Stad", "MALMOE Energi", "Göteborg"]) await operator.ok(CREATE_ORG, { input: { name } });
    const found = (await operator.ok(ORGS, { search: "malmo", first: 25 })).platformOrganizations;
    expect(found.edges.map((edge: any) => edge.node.name)).toEqual(["Malmö Stad", "MALMOE Energi"]);
    expect(found.totalCount).toBe(2);

    const names: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let pages = 0; pages < 50; pages += 1) {
      const page: any = (await operator.ok(ORGS, { first: 2, after })).platformOrganizations;
      total = page.totalCount;
      names.push(...page.edges.map((edge: any) => edge.node.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(names).toHaveLength(total);
    expect(names).toEqual([...names].sort((a, b) => new Intl.Collator("en", { numeric: true }).compare(a, b)));
    expect(names).toContain("Acme");
  });

  it("invites an operator, who accepts and gets the role; removing it takes effect at once; the last one stays", async () => {
    const { inviteOperator } = await operator.ok(`mutation { inviteOperator(email: "Second@Acme.test") { invitationUrl invitation { id email } } }`);
    expect(inviteOperator.invitation.email).toBe("second@acme.test");
    expect((await operator.ok(`query { operatorInvitations { id } }`)).operatorInvitations).toEqual([{ id: inviteOperator.invitation.id }]);
    const token = String(inviteOperator.invitationUrl).split("/invitation/")[1];
    const anonymous = new GraphQLSession(app.url);
    const { invitation } = await anonymous.ok(`query($token: String!) { invitation(token: $token) { email forOperator organizationName } }`, { token });
    expect(invitation).toEqual({ email: "second@acme.test", forOperator: true, organizationName: "" });

    const { acceptInvitation } = await anonymous.ok(ACCEPT, { token, name: "Second Operator", password: PASSWORD });
    expect(acceptInvitation).toEqual({ user: { email: "second@acme.test", isOperator: true }, organization: null });
    expect((await anonymous.ok(ME)).me).toEqual({ email: "second@acme.test", isOperator: true });
    expect((await anonymous.ok(`query { operatorInvitations { id } }`)).operatorInvitations).toEqual([]);
    const { operators } = await operator.ok(`query { operators { id email isMe } }`);
    expect(operators.map((entry: any) => [entry.email, entry.isMe])).toEqual([["root@acme.test", true], ["second@acme.test", false]]);

    const second = operators.find((entry: any) => entry.email === "second@acme.test");
    expect(await operator.ok(`mutation($id: ID!) { removeOperator(userId: $id) }`, { id: second.id })).toEqual({ removeOperator: second.id });
    const refused = await anonymous.request(`query { operators { id } }`);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN", reason: "OPERATOR_ONLY" });
    expect((await anonymous.ok(ME)).me).toEqual({ email: "second@acme.test", isOperator: false });

    const last = await operator.request(`mutation($id: ID!) { removeOperator(userId: $id) }`, { id: operatorId });
    expect(last.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN", reason: "LAST_OPERATOR" });
    expect((await operator.ok(ME)).me.isOperator).toBe(true);
    const { platformAuditEvents } = await operator.ok(PLATFORM_AUDIT, { first: 4 });
    expect(platformAuditEvents.edges.map((edge: any) => [edge.node.action, edge.node.actor.label])).toEqual([
      ["operator.removed", "root@acme.test"],
      ["invitation.accepted", "second@acme.test"],
      ["operator.added", "second@acme.test"],
      ["operator.invited", "root@acme.test"],
    ]);
    // Signing in again gives the plain member account, nothing more.
    expect((await (await signIn(app, "second@acme.test")).ok(ME)).me.isOperator).toBe(false);
  });
});
