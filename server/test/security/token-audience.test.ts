import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PERMISSIONS } from "../support/api-client-queries.js";
import { GraphQLSession, seedOrganization } from "../support/graphql-session.js";
import { createClient, introspect, tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const LIST = `query($org: ID!) { apiClients(organizationId: $org) { totalCount } }`;

/** Issue #12: what a token is good for is decided once, in the tokens service, from the client's current state. */
describe("token audience and current permissions", () => {
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

  const graphqlWith = (token: string) => new GraphQLSession(app.url, { authorization: `Bearer ${token}`, "x-tenant-id": organizationId });

  async function issue(client: { clientId: string; secret: string }, params: Record<string, string> = {}): Promise<string> {
    const response = await tokenFor(app, client.clientId, client.secret, params);
    expect(response.status).toBe(200);
    return response.body?.access_token as string;
  }

  describe("introspection", () => {
    it("reports only the permissions the client still holds", async () => {
      const client = await createClient(owner, organizationId, { name: "Shrinking", role: null, permissions: ["blogs.read", "api-clients.read"] });
      const token = await issue(client);
      expect((await introspect(app, inspector, token)).body).toMatchObject({ active: true, scope: "blogs.read api-clients.read" });

      await owner.ok(PERMISSIONS, { id: client.id, revoke: ["api-clients.read"] });
      expect((await introspect(app, inspector, token)).body).toMatchObject({ active: true, scope: "blogs.read", client_id: client.clientId });
      expect((await graphqlWith(token).errorOf(LIST, { org: organizationId })).code).toBe("FORBIDDEN");
    });

    it("answers inactive once nothing the token was granted is left, and GraphQL refuses it alike", async () => {
      const client = await createClient(owner, organizationId, { name: "Emptied", role: null, permissions: ["blogs.read", "api-clients.read"] });
      const token = await issue(client, { scope: "api-clients.read" });
      await owner.ok(PERMISSIONS, { id: client.id, revoke: ["api-clients.read"] });
      const response = await introspect(app, inspector, token);
      expect({ status: response.status, body: response.body }).toEqual({ status: 200, body: { active: false } });
      const result = await graphqlWith(token).request(LIST, { org: organizationId });
      expect(result.status).toBe(401);
      expect(result.errors?.[0]).toMatchObject({ message: "The access token is invalid, expired or revoked", extensions: { code: "UNAUTHENTICATED" } });
    });
  });

  describe("audience at /graphql", () => {
    it("refuses a token minted for another API, also right after it was verified for introspection", async () => {
      const client = await createClient(owner, organizationId, { name: "Payments", role: null, permissions: ["api-clients.read"] });
      const token = await issue(client, { resource: "https://payments.example.com" });
      // Resource servers introspect their own tokens: introspection answers for any audience.
      expect((await introspect(app, inspector, token)).body).toMatchObject({ active: true, aud: "https://payments.example.com" });
      const result = await graphqlWith(token).request(LIST, { org: organizationId });
      expect(result.status).toBe(401);
      expect(result.errors?.[0]).toMatchObject({ message: "The access token was not issued for this API", extensions: { code: "UNAUTHENTICATED" } });
      const sibling = await issue(client, { audience: `${app.url}/payments` });
      expect((await graphqlWith(sibling).request(LIST, { org: organizationId })).status).toBe(401);
    });

    it("accepts a token without a resource, for the issuer, and for the issuer's /graphql", async () => {
      const client = await createClient(owner, organizationId, { name: "Own API", role: null, permissions: ["api-clients.read"] });
      const variants: Record<string, string>[] = [{}, { resource: app.url }, { resource: `${app.url}/graphql` }, { audience: `${app.url}/` }];
      for (const params of variants) {
        const token = await issue(client, params);
        expect((await graphqlWith(token).ok(LIST, { org: organizationId })).apiClients.totalCount).toBeGreaterThan(0);
      }
    });
  });
});
