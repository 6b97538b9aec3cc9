import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE, GET, PERMISSIONS, RESET, UPDATE } from "../support/api-client-queries.js";
import { GraphQLSession, seedOrganization } from "../support/graphql-session.js";
import { createClient, introspect, tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const LIST = `query($org: ID!) { apiClients(organizationId: $org) { totalCount } }`;
const REFUSED = {
  code: "FORBIDDEN",
  message: "An API client may change, reset or delete only clients whose every permission its token holds too",
  fields: undefined,
};

/** Issue #12: a client with api-clients.write must never take over a client more privileged than its token. */
describe("clients acting on other clients", () => {
  let app: TestApp;
  let owner: GraphQLSession;
  let organizationId: string;
  let inspector: { clientId: string; secret: string };

  beforeAll(async () => {
    app = await startTestApp();
    const seeded = await seedOrganization(app, "Acme", "owner@acme.test", { maxApiClients: 50 });
    owner = seeded.session;
    organizationId = seeded.organization.id;
    inspector = await createClient(owner, organizationId, { name: "Inspector", role: null, permissions: ["tokens.introspect"] });
  });

  afterAll(async () => {
    await app.close();
  });

  async function bearer(client: { clientId: string; secret: string }, scope?: string): Promise<GraphQLSession> {
    const response = await tokenFor(app, client.clientId, client.secret, scope === undefined ? {} : { scope });
    expect(response.status).toBe(200);
    return new GraphQLSession(app.url, { authorization: `Bearer ${response.body?.access_token}`, "x-tenant-id": organizationId });
  }

  const automation = (name: string, permissions = ["api-clients.read", "api-clients.write"]) => createClient(owner, organizationId, { name, role: null, permissions });

  it("refuses to reset an admin client's secret, with grace, for a client holding only api-clients.read and .write", async () => {
    const admin = await createClient(owner, organizationId, { name: "Admin", role: "admin" });
    const adminToken = (await tokenFor(app, admin.clientId, admin.secret)).body?.access_token as string;
    const before = (await owner.ok(GET, { id: admin.id })).apiClient;
    const attacker = await bearer(await automation("Attacker"));

    expect(await attacker.errorOf(RESET, { id: admin.id, grace: 604800 })).toEqual(REFUSED);
    expect(await attacker.errorOf(RESET, { id: admin.id })).toEqual(REFUSED);

    const after = (await owner.ok(GET, { id: admin.id })).apiClient;
    expect({ secretHint: after.secretHint, previousSecretExpiresAt: after.previousSecretExpiresAt, updatedAt: after.updatedAt }).toEqual({
      secretHint: before.secretHint,
      previousSecretExpiresAt: null,
      updatedAt: before.updatedAt,
    });
    expect((await introspect(app, inspector, adminToken)).body?.active).toBe(true);
    expect((await tokenFor(app, admin.clientId, admin.secret)).status).toBe(200);
  });

  it("refuses to update, re-permission or delete a client holding what its token lacks", async () => {
    const admin = await createClient(owner, organizationId, { name: "Admin two", role: "admin" });
    const before = (await owner.ok(GET, { id: admin.id })).apiClient;
    const attacker = await bearer(await automation("Attacker two"));

    expect(await attacker.errorOf(UPDATE, { id: admin.id, input: { name: "pwned", allowedIps: ["198.51.100.7"] } })).toEqual(REFUSED);
    expect(await attacker.errorOf(PERMISSIONS, { id: admin.id, revoke: ["blogs.read"] })).toEqual(REFUSED);
    expect(await attacker.errorOf(PERMISSIONS, { id: admin.id, set: ["api-clients.read"] })).toEqual(REFUSED);
    expect(await attacker.errorOf(DELETE, { id: admin.id })).toEqual(REFUSED);

    expect((await owner.ok(GET, { id: admin.id })).apiClient).toEqual(before);
    // Reading a client's non-secret details stays allowed.
    expect((await attacker.ok(GET, { id: admin.id })).apiClient.name).toBe("Admin two");
  });

  it("changes, resets and deletes a client whose permissions its token holds", async () => {
    const target = await createClient(owner, organizationId, { name: "Reader of clients", role: null, permissions: ["api-clients.read"] });
    const actor = await bearer(await automation("Operator bot"));

    expect((await actor.ok(UPDATE, { id: target.id, input: { name: "Renamed by a bot" } })).updateApiClient.name).toBe("Renamed by a bot");
    const { resetApiClientSecret } = await actor.ok(RESET, { id: target.id });
    expect((await tokenFor(app, target.clientId, target.secret)).status).toBe(401);
    expect((await tokenFor(app, target.clientId, resetApiClientSecret.clientSecret)).status).toBe(200);
    expect((await actor.ok(PERMISSIONS, { id: target.id, grant: ["api-clients.write"] })).updateApiClientPermissions.permissions).toEqual(["api-clients.read", "api-clients.write"]);
    expect(await actor.ok(DELETE, { id: target.id })).toEqual({ deleteApiClient: target.id });
  });

  it("still refuses to grant a subset target a permission the actor lacks", async () => {
    const target = await createClient(owner, organizationId, { name: "Small", role: null, permissions: ["api-clients.read"] });
    const actor = await bearer(await automation("Granting bot"));
    expect(await actor.errorOf(PERMISSIONS, { id: target.id, grant: ["blogs.write"] })).toEqual({
      code: "FORBIDDEN",
      message: "A client cannot grant permissions it does not hold itself: blogs.read, blogs.write",
      fields: undefined,
    });
    expect(await actor.errorOf(PERMISSIONS, { id: target.id, set: ["api-clients.read", "blogs.read"] })).toMatchObject({ code: "FORBIDDEN" });
    expect((await owner.ok(GET, { id: target.id })).apiClient.permissions).toEqual(["api-clients.read"]);
  });

  it("lets a client rotate its own secret only with a token holding all of its permissions", async () => {
    const self = await automation("Self rotating", ["blogs.read", "api-clients.read", "api-clients.write"]);
    const narrow = await bearer(self, "api-clients.read api-clients.write");
    expect(await narrow.errorOf(RESET, { id: self.id, grace: 3600 })).toEqual(REFUSED);
    expect((await tokenFor(app, self.clientId, self.secret)).status).toBe(200);

    const full = await bearer(self);
    const { resetApiClientSecret } = await full.ok(RESET, { id: self.id, grace: 3600 });
    expect(resetApiClientSecret.apiClient.permissions).toEqual(["blogs.read", "api-clients.read", "api-clients.write"]);
    expect((await tokenFor(app, self.clientId, resetApiClientSecret.clientSecret)).status).toBe(200);
    // Within the grace period, the token that rotated keeps working.
    expect((await full.ok(LIST, { org: organizationId })).apiClients.totalCount).toBeGreaterThan(0);
  });

  it("judges by the token's scope, not the client's permissions: a scoped-down token is refused", async () => {
    const wide = await automation("Wide bot", ["blogs.read", "api-clients.read", "api-clients.write"]);
    const target = await createClient(owner, organizationId, { name: "Blog reader", role: null, permissions: ["blogs.read"] });
    const scoped = await bearer(wide, "api-clients.read api-clients.write");
    expect(await scoped.errorOf(UPDATE, { id: target.id, input: { name: "x" } })).toEqual(REFUSED);
    expect(await scoped.errorOf(RESET, { id: target.id, grace: 604800 })).toEqual(REFUSED);
    expect(await scoped.errorOf(PERMISSIONS, { id: target.id, revoke: ["blogs.read"] })).toEqual(REFUSED);
    expect(await scoped.errorOf(DELETE, { id: target.id })).toEqual(REFUSED);
    expect((await tokenFor(app, target.clientId, target.secret)).status).toBe(200);

    const unscoped = await bearer(wide);
    expect((await unscoped.ok(UPDATE, { id: target.id, input: { name: "Renamed" } })).updateApiClient.name).toBe("Renamed");
  });

  it("leaves owners free to act on any client of their organization", async () => {
    const admin = await createClient(owner, organizationId, { name: "Owner's admin", role: "admin" });
    const { resetApiClientSecret } = await owner.ok(RESET, { id: admin.id, grace: 60 });
    expect(resetApiClientSecret.clientSecret).toMatch(/^clv_live_/);
    expect(await owner.ok(DELETE, { id: admin.id })).toEqual({ deleteApiClient: admin.id });
  });
});
