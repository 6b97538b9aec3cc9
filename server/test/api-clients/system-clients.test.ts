import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCtx } from "../../src/services.js";
import { clientInput, CREATE, LIST } from "../support/api-client-queries.js";
import { GraphQLSession, seedOrganization } from "../support/graphql-session.js";
import { tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const ORGS = `{ organizations { id name apiClientsEnabled limits { maxApiClients } } }`;
const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name apiClientsEnabled limits { maxApiClients maxTokensPerClient accessTokenTtlSeconds } } }`;
const UPDATE_ORG = `mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id name apiClientsEnabled } }`;

describe("system clients over GraphQL", () => {
  let app: TestApp;

  const systemSession = async (permissions: string[]) => {
    const cli = createCtx(app.app.dataSource, { type: "CLI" });
    const { apiClient, clientSecret } = await app.app.services.apiClients.create(cli, { organizationId: null, scopes: ["system"], permissions });
    const token = (await tokenFor(app, apiClient.client.clientId, clientSecret ?? "")).body?.access_token;
    return new GraphQLSession(app.url, { authorization: `Bearer ${token}` });
  };

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it("lists, creates and updates organizations with system.organizations.write", async () => {
    const session = await systemSession(["system.organizations.write"]);
    const { createOrganization } = await session.ok(CREATE_ORG, { input: { name: "Provisioned", maxApiClients: 25, apiClientsEnabled: false } });
    expect(createOrganization).toMatchObject({ name: "Provisioned", apiClientsEnabled: false, limits: { maxApiClients: 25, maxTokensPerClient: 10, accessTokenTtlSeconds: 3600 } });
    const { updateOrganization } = await session.ok(UPDATE_ORG, { id: createOrganization.id, input: { apiClientsEnabled: true, name: "Provisioned AB" } });
    expect(updateOrganization).toEqual({ id: createOrganization.id, name: "Provisioned AB", apiClientsEnabled: true });
    const { organizations } = await session.ok(ORGS);
    expect(organizations.map((organization: { name: string }) => organization.name)).toContain("Provisioned AB");
  });

  it("reads but cannot change with system.organizations.read alone", async () => {
    const session = await systemSession(["system.organizations.read"]);
    expect((await session.ok(ORGS)).organizations.length).toBeGreaterThan(0);
    expect(await session.errorOf(CREATE_ORG, { input: { name: "Nope" } })).toEqual({ code: "FORBIDDEN", message: "Managing organizations needs a system client with system.organizations.write", fields: undefined });
  });

  it("sees nothing inside any organization", async () => {
    const { organization, session: owner } = await seedOrganization(app, "Private", "private@acme.test");
    await owner.ok(CREATE, { input: clientInput(organization.id) });
    const system = await systemSession(["system.organizations.write"]);
    expect(await system.errorOf(LIST, { organizationId: organization.id })).toMatchObject({ code: "NOT_FOUND" });
    expect(await system.errorOf(CREATE, { input: clientInput(organization.id) })).toMatchObject({ code: "NOT_FOUND" });
    expect(await system.errorOf(`query($id: ID!) { members(organizationId: $id) { email } }`, { id: organization.id })).toMatchObject({ code: "NOT_FOUND" });
  });

  it("are refused to organization owners and their clients", async () => {
    const { session: owner } = await seedOrganization(app, "Tenant", "tenant@acme.test");
    expect((await owner.errorOf(ORGS)).code).toBe("FORBIDDEN");
    expect((await owner.errorOf(CREATE_ORG, { input: { name: "x" } })).code).toBe("FORBIDDEN");
    expect((await new GraphQLSession(app.url).errorOf(ORGS)).code).toBe("UNAUTHENTICATED");
  });

  it("can be created only by the CLI", async () => {
    const user = createCtx(app.app.dataSource, { type: "USER", userId: "u", email: "someone@acme.test" });
    await expect(app.app.services.apiClients.create(user, { organizationId: null, scopes: ["system"] })).rejects.toThrow("Only the clavis CLI creates system clients");
  });
});
