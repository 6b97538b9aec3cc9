import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../../src/modules/api-clients/api-client.entity.js";
import { CLIENT_FIELDS, DELETE, PERMISSIONS, RESET, UPDATE } from "../support/api-client-queries.js";
import { GraphQLSession, seedOrganization } from "../support/graphql-session.js";
import { createClient, tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

// Unchanged lists are kept in memory (ClientListCache) and checked against the organization's
// clients etag on every request: each kind of change must show in the very next list.
const LIST = `query($organizationId: ID!) { apiClients(organizationId: $organizationId) { totalCount edges { node { ${CLIENT_FIELDS} } } } }`;

describe("a client list read again after each kind of change", () => {
  let app: TestApp;
  let owner: GraphQLSession;
  let organizationId: string;

  const list = async () => (await owner.ok(LIST, { organizationId })).apiClients as { totalCount: number; edges: { node: Record<string, any> }[] };
  const node = async (id: string) => (await list()).edges.find((edge) => edge.node.id === id)?.node;

  beforeAll(async () => {
    app = await startTestApp();
    const seeded = await seedOrganization(app, "Cached", "cache@acme.test");
    owner = seeded.session;
    organizationId = seeded.organization.id;
  });

  afterAll(async () => {
    await app.close();
  });

  it("shows a new client, an edit, new permissions and a deletion at once", async () => {
    expect((await list()).totalCount).toBe(0);
    const client = await createClient(owner, organizationId, { name: "First" });
    expect((await list()).edges.map((edge) => edge.node.name)).toEqual(["First"]);
    await owner.ok(UPDATE, { id: client.id, input: { name: "Renamed" } });
    expect(await node(client.id)).toMatchObject({ name: "Renamed" });
    await owner.ok(PERMISSIONS, { id: client.id, set: ["blogs.write"] });
    expect((await node(client.id))?.permissions).toEqual(expect.arrayContaining(["blogs.write"]));
    await owner.ok(DELETE, { id: client.id });
    expect(await list()).toEqual({ totalCount: 0, edges: [] });
  });

  it("shows a reset secret's new hint and its grace period at once", async () => {
    const client = await createClient(owner, organizationId, { name: "Rotated" });
    expect(await node(client.id)).toMatchObject({ secretHint: client.secret.slice(-4), previousSecretExpiresAt: null });
    const { resetApiClientSecret } = await owner.ok(RESET, { id: client.id, grace: 3600 });
    const rotated = await node(client.id);
    expect(rotated?.secretHint).toBe(resetApiClientSecret.clientSecret.slice(-4));
    expect(Date.parse(rotated?.previousSecretExpiresAt)).toBeGreaterThan(Date.now() + 3_500_000);
  });

  it("shows last use once it is written", async () => {
    const client = await createClient(owner, organizationId, { name: "Used" });
    expect((await node(client.id))?.lastUsedAt).toBeNull();
    expect((await tokenFor(app, client.clientId, client.secret)).status).toBe(200);
    await app.app.services.lastUsed.flush();
    expect((await node(client.id))?.lastUsedAt).not.toBeNull();
  });

  it("reads the database again only when the etag moved: a write behind its back stays unseen until then", async () => {
    const client = await createClient(owner, organizationId, { name: "Before" });
    expect(await node(client.id)).toMatchObject({ name: "Before" });
    // Not how Clavis writes (every service change moves the etag); this shows the cache is in use.
    await app.app.dataSource.manager.update(ApiClient, { id: client.id }, { name: "Behind its back" });
    expect(await node(client.id)).toMatchObject({ name: "Before" });
    await owner.ok(UPDATE, { id: client.id, input: { description: "moves the etag" } });
    expect(await node(client.id)).toMatchObject({ name: "Behind its back" });
  });
});
