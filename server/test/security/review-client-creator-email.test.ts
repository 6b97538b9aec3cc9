import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphQLSession, setupOwner } from "../support/graphql-session.js";
import { createClient, tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const LIST = `query($org: ID!) { apiClients(organizationId: $org) { edges { node { name createdBy } } } }`;

/** Review of issue #12 item 16: member e-mail addresses need members.read, wherever they appear. */
describe("review: who created a client, as api-clients.read sees it", () => {
  let app: TestApp;
  let owner: GraphQLSession;
  let organizationId: string;

  beforeAll(async () => {
    app = await startTestApp();
    ({ session: owner, organizationId } = await setupOwner(app, "olga.owner@acme.test"));
  });

  afterAll(async () => {
    await app.close();
  });

  it("does not show a member's e-mail address as createdBy to a client holding only api-clients.read", async () => {
    const reader = await createClient(owner, organizationId, { name: "Reader", role: null, permissions: ["api-clients.read"] });
    const token = (await tokenFor(app, reader.clientId, reader.secret)).body?.access_token;
    const bot = new GraphQLSession(app.url, { authorization: `Bearer ${token}`, "x-tenant-id": organizationId });
    const nodes = ((await bot.ok(LIST, { org: organizationId })).apiClients.edges as { node: { name: string; createdBy: string } }[]).map((edge) => edge.node);
    expect(nodes.length).toBeGreaterThan(0);
    expect(JSON.stringify(nodes)).not.toContain("olga.owner@acme.test");
  });
});
