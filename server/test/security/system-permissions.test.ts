import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../../src/modules/api-clients/api-client.entity.js";
import { createCtx } from "../../src/services.js";
import { clientInput, CREATE, GET, PERMISSIONS } from "../support/api-client-queries.js";
import { GraphQLSession, setupOwner } from "../support/graphql-session.js";
import { createClient } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const SYSTEM_SCOPE_REFUSED = { field: "scopes", reason: "SCOPE_SYSTEM_ONLY", message: "The system scope is for system clients only (clients of no organization, made with the clavis CLI)" };
const systemPermissionRefused = (field: string, permissions: string) => ({
  field,
  reason: "PERMISSIONS_SYSTEM_ONLY",
  params: { permissions },
  message: `${permissions}: system permissions are for system clients only (clients of no organization, made with the clavis CLI)`,
});

/** Issue #12: the system scope and system.* permissions belong to system clients, whatever the input. */
describe("system permissions on organization clients", () => {
  let app: TestApp;
  let owner: GraphQLSession;
  let organizationId: string;

  beforeAll(async () => {
    app = await startTestApp();
    ({ session: owner, organizationId } = await setupOwner(app));
  });

  afterAll(async () => {
    await app.close();
  });

  const clientRows = () => app.app.dataSource.getRepository(ApiClient).countBy({ organizationId });

  it("refuses an organization client with the system scope and the admin role", async () => {
    const before = await clientRows();
    const error = await owner.errorOf(CREATE, { input: clientInput(organizationId, { name: "Sneaky", scopes: ["system"], role: "admin" }) });
    expect(error).toEqual({ code: "BAD_USER_INPUT", message: SYSTEM_SCOPE_REFUSED.message, fields: [SYSTEM_SCOPE_REFUSED] });
    const mixed = await owner.errorOf(CREATE, { input: clientInput(organizationId, { name: "Sneaky", scopes: ["system", "blogs"], role: "admin" }) });
    expect(mixed.fields).toEqual([SYSTEM_SCOPE_REFUSED]);
    expect(await clientRows()).toBe(before);
  });

  it("refuses system permissions asked for by name, with or without the system scope", async () => {
    const before = await clientRows();
    const named = await owner.errorOf(CREATE, { input: clientInput(organizationId, { name: "Sneaky", role: null, permissions: ["system.organizations.write"] }) });
    expect(named).toEqual({ code: "BAD_USER_INPUT", message: systemPermissionRefused("permissions", "system.organizations.write").message, fields: [systemPermissionRefused("permissions", "system.organizations.write")] });
    const both = await owner.errorOf(CREATE, { input: clientInput(organizationId, { name: "Sneaky", role: null, scopes: ["system"], permissions: ["system.organizations.read"] }) });
    expect(both.fields).toEqual([SYSTEM_SCOPE_REFUSED, systemPermissionRefused("permissions", "system.organizations.read")]);
    expect(await clientRows()).toBe(before);
  });

  it("refuses to grant or set a system permission on an existing organization client", async () => {
    const client = await createClient(owner, organizationId, { name: "Plain", role: null, permissions: ["blogs.read"] });
    const granted = await owner.errorOf(PERMISSIONS, { id: client.id, grant: ["system.organizations.write"] });
    expect(granted).toEqual({ code: "BAD_USER_INPUT", message: systemPermissionRefused("grant", "system.organizations.write").message, fields: [systemPermissionRefused("grant", "system.organizations.write")] });
    const set = await owner.errorOf(PERMISSIONS, { id: client.id, set: ["blogs.read", "system.organizations.read"] });
    expect(set.fields).toEqual([systemPermissionRefused("set", "system.organizations.read")]);
    expect((await owner.ok(GET, { id: client.id })).apiClient.permissions).toEqual(["blogs.read"]);
  });

  it("refuses the same through the services the CLI calls", async () => {
    const cli = createCtx(app.app.dataSource, { type: "CLI" });
    const before = await clientRows();
    await expect(app.app.services.apiClients.create(cli, { organizationId, scopes: ["system"], role: "admin" })).rejects.toMatchObject({ code: "BAD_USER_INPUT", fields: [SYSTEM_SCOPE_REFUSED] });
    await expect(app.app.services.apiClients.create(cli, { organizationId, permissions: ["system.organizations.write"] })).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      fields: [systemPermissionRefused("permissions", "system.organizations.write")],
    });
    expect(await clientRows()).toBe(before);
    const client = await createClient(owner, organizationId, { name: "Plain for the CLI", role: null, permissions: ["blogs.read"] });
    await expect(app.app.services.apiClients.updatePermissions(cli, client.id, { grant: ["system.organizations.write"] })).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      fields: [systemPermissionRefused("grant", "system.organizations.write")],
    });
  });

  it("still makes system clients with system permissions through the CLI", async () => {
    const cli = createCtx(app.app.dataSource, { type: "CLI" });
    const { apiClient } = await app.app.services.apiClients.create(cli, { organizationId: null, scopes: ["system"], permissions: ["system.organizations.read"] });
    const granted = await app.app.services.apiClients.updatePermissions(cli, apiClient.client.id, { grant: ["system.organizations.write"] });
    expect(granted.client).toMatchObject({ organizationId: null, scopes: ["system"], permissions: ["system.organizations.read", "system.organizations.write"] });
  });
});
