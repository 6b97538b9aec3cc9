import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT, clientInput, CREATE, DELETE, GET, LIST, PERMISSIONS, RESET, UPDATE } from "../support/api-client-queries.js";
import { GraphQLSession, seedOrganization, signIn } from "../support/graphql-session.js";
import { createClient, tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

describe("tenant isolation", () => {
  let app: TestApp;
  let ownerA: GraphQLSession;
  let ownerB: GraphQLSession;
  let orgA: string;
  let clientOfA: string;

  beforeAll(async () => {
    app = await startTestApp();
    const a = await seedOrganization(app, "Tenant A", "a@tenant.test");
    const b = await seedOrganization(app, "Tenant B", "b@tenant.test");
    ownerA = a.session;
    ownerB = b.session;
    orgA = a.organization.id;
    clientOfA = (await ownerA.ok(CREATE, { input: clientInput(orgA) })).createApiClient.apiClient.id;
    await ownerB.ok(CREATE, { input: clientInput(b.organization.id, { name: "B's own" }) });
  });

  afterAll(async () => {
    await app.close();
  });

  const clientNotFound = { code: "NOT_FOUND", message: "API client not found", fields: undefined };
  const orgNotFound = { code: "NOT_FOUND", message: "Organization not found", fields: undefined };

  it("gives another tenant's owner NOT_FOUND for a client by id, never FORBIDDEN", async () => {
    expect(await ownerB.errorOf(GET, { id: clientOfA })).toEqual(clientNotFound);
    expect(await ownerB.errorOf(UPDATE, { id: clientOfA, input: { name: "pwned" } })).toEqual(clientNotFound);
    expect(await ownerB.errorOf(PERMISSIONS, { id: clientOfA, grant: ["api.write"] })).toEqual(clientNotFound);
    expect(await ownerB.errorOf(RESET, { id: clientOfA })).toEqual(clientNotFound);
    expect(await ownerB.errorOf(DELETE, { id: clientOfA })).toEqual(clientNotFound);
  });

  it("answers a made-up id exactly like another tenant's", async () => {
    expect(await ownerB.errorOf(GET, { id: "00000000-0000-4000-8000-000000000000" })).toEqual(clientNotFound);
  });

  it("hides another tenant's organization, list, audit trail and members", async () => {
    expect(await ownerB.errorOf(LIST, { organizationId: orgA })).toEqual(orgNotFound);
    expect(await ownerB.errorOf(CREATE, { input: clientInput(orgA) })).toEqual(orgNotFound);
    expect(await ownerB.errorOf(AUDIT, { organizationId: orgA })).toEqual(orgNotFound);
    expect(await ownerB.errorOf(`query($id: ID!) { organization(id: $id) { name } }`, { id: orgA })).toEqual(orgNotFound);
    expect(await ownerB.errorOf(`query($id: ID!) { members(organizationId: $id) { email } }`, { id: orgA })).toEqual(orgNotFound);
  });

  it("gives a bearer client of one tenant nothing of another, by id, list or mutation", async () => {
    const { organization } = await seedOrganization(app, "Tenant C", "c@tenant.test");
    const botOfC = await createClient(await signIn(app, "c@tenant.test"), organization.id, { role: null, permissions: ["api-clients.read", "api-clients.write"] });
    const token = (await tokenFor(app, botOfC.clientId, botOfC.secret)).body?.access_token;
    const bot = new GraphQLSession(app.url, { authorization: `Bearer ${token}`, "x-tenant-id": organization.id });
    expect(await bot.errorOf(GET, { id: clientOfA })).toEqual(clientNotFound);
    expect(await bot.errorOf(DELETE, { id: clientOfA })).toEqual(clientNotFound);
    expect(await bot.errorOf(UPDATE, { id: clientOfA, input: { name: "pwned" } })).toEqual(clientNotFound);
    expect(await bot.errorOf(LIST, { organizationId: orgA })).toEqual(orgNotFound);
    expect(await bot.errorOf(CREATE, { input: clientInput(orgA, { role: null }) })).toEqual(orgNotFound);
    expect(await bot.errorOf(AUDIT, { organizationId: orgA })).toEqual(orgNotFound);
  });

  it("leaves the other tenant's data untouched", async () => {
    const { apiClient } = await ownerA.ok(GET, { id: clientOfA });
    expect(apiClient.name).toBe("Reporting service");
    const list = await ownerA.ok(LIST, { organizationId: orgA });
    expect(list.apiClients.edges.map((edge: { node: { name: string } }) => edge.node.name)).toEqual(["Reporting service"]);
  });
});
