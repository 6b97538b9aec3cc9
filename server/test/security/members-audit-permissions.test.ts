import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT } from "../support/api-client-queries.js";
import { addMember, GraphQLSession, setupOwner } from "../support/graphql-session.js";
import { createClient, tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const MEMBERS = `query($id: ID!) { members(organizationId: $id) { email role } }`;

/** Issue #12: member e-mails and the audit trail (with addresses) need permissions of their own. */
describe("members and audit trail for API clients", () => {
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

  async function botWith(permissions: string[]): Promise<GraphQLSession> {
    const bot = await createClient(owner, organizationId, { name: permissions.join(" "), role: null, permissions });
    const token = (await tokenFor(app, bot.clientId, bot.secret)).body?.access_token;
    return new GraphQLSession(app.url, { authorization: `Bearer ${token}`, "x-tenant-id": organizationId });
  }

  it("refuses members and the audit trail to a client holding only api-clients.read", async () => {
    const bot = await botWith(["api-clients.read"]);
    expect(await bot.errorOf(MEMBERS, { id: organizationId })).toEqual({ code: "FORBIDDEN", message: "This client lacks the members.read permission", fields: undefined });
    expect(await bot.errorOf(AUDIT, { organizationId })).toEqual({ code: "FORBIDDEN", message: "This client lacks the audit.read permission", fields: undefined });
  });

  it("lists members with members.read and the audit trail with audit.read, each alone", async () => {
    const members = await botWith(["members.read"]);
    expect((await members.ok(MEMBERS, { id: organizationId })).members).toEqual([{ email: "owner@acme.test", role: "OWNER" }]);
    expect((await members.errorOf(AUDIT, { organizationId })).code).toBe("FORBIDDEN");

    const audit = await botWith(["audit.read"]);
    expect((await audit.ok(AUDIT, { organizationId })).auditEvents.totalCount).toBeGreaterThan(0);
    expect((await audit.errorOf(MEMBERS, { id: organizationId })).code).toBe("FORBIDDEN");
  });

  it("offers members.read and audit.read in the permission catalog", async () => {
    const { permissionCatalog } = await owner.ok(`{ permissionCatalog { apis { name actions { permission } } } }`);
    const own = permissionCatalog.apis.filter((api: { name: string }) => ["members", "audit"].includes(api.name));
    expect(own).toEqual([
      { name: "members", actions: [{ permission: "members.read" }] },
      { name: "audit", actions: [{ permission: "audit.read" }] },
    ]);
  });

  it("leaves owners and viewers reading both as before", async () => {
    const viewer = await addMember(app, organizationId, "viewer@acme.test", "VIEWER");
    for (const session of [owner, viewer]) {
      expect((await session.ok(MEMBERS, { id: organizationId })).members.length).toBe(2);
      expect((await session.ok(AUDIT, { organizationId })).auditEvents.totalCount).toBeGreaterThan(0);
    }
  });
});
