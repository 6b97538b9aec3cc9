import { readFileSync } from "node:fs";
import { buildSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCtx } from "../../src/services.js";
import { GraphQLSession, addMember, setupOwner } from "../support/graphql-session.js";
import { createClient, tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { OPERATOR_OPERATIONS } from "./operator-operations.js";

/** Query and Mutation fields whose description makes them operators' (the contract's wording). */
function operatorOperationsInSchema(): string[] {
  const schema = buildSchema(readFileSync(new URL("../../../schema.graphql", import.meta.url), "utf8"));
  return [schema.getQueryType(), schema.getMutationType()]
    .flatMap((type) => Object.values(type?.getFields() ?? {}))
    .filter((field) => /^Operators\b/.test(field.description ?? ""))
    .map((field) => field.name)
    .sort();
}

describe("operator operations for everyone but operators", () => {
  let app: TestApp;
  const callers: Record<string, GraphQLSession> = {};
  const ids = { operatorId: "", invitationId: "" };

  beforeAll(async () => {
    app = await startTestApp();
    const operator = await setupOwner(app, "operator@acme.test", { asOperator: true });
    ids.operatorId = operator.userId;
    ids.invitationId = (await operator.session.ok(`mutation { inviteOperator(email: "next@acme.test") { invitation { id } } }`)).inviteOperator.invitation.id;
    // An ordinary owner and viewer of another organization.
    const system = createCtx(app.app.dataSource, { type: "SYSTEM" });
    const organization = await app.app.services.organizations.create(system, { name: "Tenant", apiClientsEnabled: true });
    callers.owner = await addMember(app, organization.id, "owner@tenant.test", "OWNER");
    callers.viewer = await addMember(app, organization.id, "viewer@tenant.test", "VIEWER");
    callers.anonymous = new GraphQLSession(app.url);
    const everything = app.app.services.catalog.permissions;
    const orgClient = await createClient(callers.owner, organization.id, { role: null, permissions: everything });
    const orgToken = (await tokenFor(app, orgClient.clientId, orgClient.secret)).body?.access_token as string;
    callers.organizationClient = new GraphQLSession(app.url, { authorization: `Bearer ${orgToken}`, [app.app.config.tenantHeader]: organization.id });
    const cli = createCtx(app.app.dataSource, { type: "CLI" });
    // A client with no permission at all gets no token: "without permissions" is without system.organizations.*.
    callers.systemClient = await systemClientSession(app, ["tokens.introspect"]);
    callers.fullSystemClient = await systemClientSession(app, ["system.organizations.write", "tokens.introspect"]);
  });

  afterAll(async () => {
    await app?.close();
  });

  it("lists every operator operation of schema.graphql", () => {
    expect(OPERATOR_OPERATIONS.map((operation) => operation.name).sort()).toEqual(operatorOperationsInSchema());
  });

  // systemClient: a system client without the system.organizations permissions.
  const expected: Record<string, string> = { anonymous: "UNAUTHENTICATED", owner: "FORBIDDEN", viewer: "FORBIDDEN", organizationClient: "FORBIDDEN", systemClient: "FORBIDDEN" };

  it.each(Object.keys(expected))("refuses every operator operation to %s", async (caller) => {
    const answers: Record<string, unknown> = {};
    for (const operation of OPERATOR_OPERATIONS) {
      const result = await callers[caller].request(operation.query, operation.variables(ids));
      const error = result.errors?.[0] as { extensions?: { code?: string; reason?: string } } | undefined;
      answers[operation.name] = { data: result.data, code: error?.extensions?.code, reason: error?.extensions?.reason };
    }
    const code = expected[caller];
    const reason = code === "FORBIDDEN" ? "OPERATOR_ONLY" : "UNAUTHENTICATED";
    expect(answers).toEqual(Object.fromEntries(OPERATOR_OPERATIONS.map((operation) => [operation.name, { data: null, code, reason }])));
  });

  it("refuses a system client holding every system permission all but platformOrganizations", async () => {
    const answers: Record<string, unknown> = {};
    for (const operation of OPERATOR_OPERATIONS) {
      const result = await callers.fullSystemClient.request(operation.query, operation.variables(ids));
      answers[operation.name] = (result.errors?.[0] as { extensions?: { reason?: string } } | undefined)?.extensions?.reason ?? "ALLOWED";
    }
    expect(answers).toEqual(Object.fromEntries(OPERATOR_OPERATIONS.map((operation) => [operation.name, operation.name === "platformOrganizations" ? "ALLOWED" : "OPERATOR_ONLY"])));
  });

  it("left the platform as it was after all those attempts", async () => {
    const operator = await setupOperatorSession(app);
    const { operators, operatorInvitations, signingKeys, systemClients } = await operator.ok(`query { operators { id } operatorInvitations { id email } signingKeys { kid } systemClients { id } }`);
    expect(operators).toEqual([{ id: ids.operatorId }]);
    expect(operatorInvitations).toEqual([{ id: ids.invitationId, email: "next@acme.test" }]);
    expect(signingKeys).toHaveLength(1);
    expect(systemClients).toHaveLength(2);
  });
});

async function setupOperatorSession(app: TestApp): Promise<GraphQLSession> {
  const session = new GraphQLSession(app.url);
  await session.ok(`mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`, { email: "operator@acme.test", password: "correct horse battery" });
  return session;
}

async function systemClientSession(app: TestApp, permissions: string[]): Promise<GraphQLSession> {
  const cli = createCtx(app.app.dataSource, { type: "CLI" });
  const created = await app.app.services.apiClients.create(cli, { organizationId: null, permissions });
  const token = (await tokenFor(app, created.apiClient.client.clientId, created.clientSecret ?? "")).body?.access_token as string;
  return new GraphQLSession(app.url, { authorization: `Bearer ${token}` });
}

describe("system clients through the API-client operations", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it("are NOT_FOUND to owners, viewers and clients, and UNAUTHENTICATED to anonymous callers", async () => {
    await setupOwner(app, "operator@acme.test", { asOperator: true });
    const system = createCtx(app.app.dataSource, { type: "SYSTEM" });
    const organization = await app.app.services.organizations.create(system, { name: "Tenant", apiClientsEnabled: true });
    const owner = await addMember(app, organization.id, "owner@tenant.test", "OWNER");
    const viewer = await addMember(app, organization.id, "viewer@tenant.test", "VIEWER");
    const orgClient = await createClient(owner, organization.id, { role: null, permissions: app.app.services.catalog.permissions });
    const orgToken = (await tokenFor(app, orgClient.clientId, orgClient.secret)).body?.access_token as string;
    const organizationClient = new GraphQLSession(app.url, { authorization: `Bearer ${orgToken}`, [app.app.config.tenantHeader]: organization.id });
    const target = await app.app.services.apiClients.create(createCtx(app.app.dataSource, { type: "CLI" }), { organizationId: null, permissions: ["system.organizations.read"] });
    const systemClient = await systemClientSession(app, ["system.organizations.write", "tokens.introspect"]);
    const id = target.apiClient.client.id;
    const operations = [
      [`query($id: ID!) { apiClient(id: $id) { id } }`, { id }],
      [`mutation($id: ID!) { updateApiClient(id: $id, input: { name: "Mine now" }) { id } }`, { id }],
      [`mutation($id: ID!) { updateApiClientPermissions(id: $id, grant: ["system.organizations.write"]) { id } }`, { id }],
      [`mutation($id: ID!) { resetApiClientSecret(id: $id) { clientSecret } }`, { id }],
      [`mutation($id: ID!) { deleteApiClient(id: $id) }`, { id }],
    ] as const;
    const callers = { owner, viewer, organizationClient, systemClient, anonymous: new GraphQLSession(app.url) };
    const answers: Record<string, (string | undefined)[]> = {};
    for (const [name, caller] of Object.entries(callers)) {
      answers[name] = [];
      for (const [query, variables] of operations) answers[name].push((await caller.errorOf(query, variables)).code);
    }
    const all = (code: string) => operations.map(() => code);
    expect(answers).toEqual({ owner: all("NOT_FOUND"), viewer: all("NOT_FOUND"), organizationClient: all("NOT_FOUND"), systemClient: all("NOT_FOUND"), anonymous: all("UNAUTHENTICATED") });
  });
});
