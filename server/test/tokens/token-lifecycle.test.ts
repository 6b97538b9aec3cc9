import { generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../../src/modules/api-clients/api-client.entity.js";
import { AuditEvent } from "../../src/modules/audit/audit-event.entity.js";
import { DELETE, PERMISSIONS, RESET } from "../support/api-client-queries.js";
import { GraphQLSession, seedOrganization } from "../support/graphql-session.js";
import { basic, createClient, introspect, postForm, tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("token lifecycle", () => {
  let app: TestApp;
  let owner: GraphQLSession;
  let organizationId: string;
  let inspector: { clientId: string; secret: string };

  beforeAll(async () => {
    app = await startTestApp({ CLAVIS_TRUST_PROXY: "loopback" });
    const seeded = await seedOrganization(app, "Lifecycle", "life@acme.test", { maxApiClients: 50 });
    owner = seeded.session;
    organizationId = seeded.organization.id;
    inspector = await createClient(owner, organizationId, { name: "Inspector", role: null, permissions: ["tokens.introspect"] });
  });

  afterAll(async () => {
    await app.close();
  });

  const isActive = async (token: string) => (await introspect(app, inspector, token)).body?.active as boolean;

  it("introspects a live token with its claims", async () => {
    const client = await createClient(owner, organizationId);
    const token = (await tokenFor(app, client.clientId, client.secret)).body?.access_token;
    const response = await introspect(app, inspector, token);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.body).toMatchObject({ active: true, client_id: client.clientId, sub: client.clientId, org_id: organizationId, env: "live", token_type: "Bearer", iss: app.url });
    expect(await isActive("not.a.token")).toBe(false);
  });

  it("answers inactive for a well-formed token signed by a key Clavis does not know", async () => {
    const client = await createClient(owner, organizationId);
    const genuine = (await tokenFor(app, client.clientId, client.secret)).body?.access_token as string;
    const claims = JSON.parse(Buffer.from(genuine.split(".")[1], "base64url").toString());
    const { privateKey } = await generateKeyPair("EdDSA");
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: "EdDSA", typ: "at+jwt", kid: "forged" }).sign(privateKey);
    expect(await isActive(forged)).toBe(false);
    expect(await isActive(genuine)).toBe(true);
  });

  it("keeps at most maxTokensPerClient live tokens: one more revokes the oldest", async () => {
    const client = await createClient(owner, organizationId);
    const tokens: string[] = [];
    for (let i = 0; i < 10; i += 1) tokens.push((await tokenFor(app, client.clientId, client.secret)).body?.access_token);
    // Checked just before, so remembered as verified: the eleventh must still revoke it at once.
    expect(await isActive(tokens[0])).toBe(true);
    tokens.push((await tokenFor(app, client.clientId, client.secret)).body?.access_token);
    expect(await isActive(tokens[0])).toBe(false);
    for (const token of tokens.slice(1)) expect(await isActive(token)).toBe(true);
  });

  it("a reset without grace stops the old secret and its tokens at once", async () => {
    const client = await createClient(owner, organizationId);
    const token = (await tokenFor(app, client.clientId, client.secret)).body?.access_token;
    expect(await isActive(token)).toBe(true);
    const { resetApiClientSecret } = await owner.ok(RESET, { id: client.id });
    expect(await isActive(token)).toBe(false);
    expect((await tokenFor(app, client.clientId, client.secret)).status).toBe(401);
    expect((await tokenFor(app, client.clientId, resetApiClientSecret.clientSecret)).status).toBe(200);
  });

  it("a reset with grace keeps the old secret and its tokens working until the grace period ends", async () => {
    const client = await createClient(owner, organizationId);
    const token = (await tokenFor(app, client.clientId, client.secret)).body?.access_token;
    const { resetApiClientSecret } = await owner.ok(RESET, { id: client.id, grace: 2 });
    expect((await tokenFor(app, client.clientId, client.secret)).status).toBe(200);
    expect((await tokenFor(app, client.clientId, resetApiClientSecret.clientSecret)).status).toBe(200);
    expect(await isActive(token)).toBe(true);
    await sleep(2600);
    expect(await isActive(token)).toBe(false);
    expect((await tokenFor(app, client.clientId, client.secret)).status).toBe(401);
    expect((await tokenFor(app, client.clientId, resetApiClientSecret.clientSecret)).status).toBe(200);
  });

  it("deleting a client kills its tokens at once", async () => {
    const client = await createClient(owner, organizationId);
    const token = (await tokenFor(app, client.clientId, client.secret)).body?.access_token;
    expect(await isActive(token)).toBe(true);
    await owner.ok(DELETE, { id: client.id });
    expect(await isActive(token)).toBe(false);
    expect((await tokenFor(app, client.clientId, client.secret)).status).toBe(401);
  });

  it("refuses an expired client with invalid_client and records why in the audit trail", async () => {
    const client = await createClient(owner, organizationId, { name: "Old", expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    await app.app.dataSource.getRepository(ApiClient).update({ id: client.id }, { expiresAt: new Date(Date.now() - 1000) });
    const response = await tokenFor(app, client.clientId, client.secret);
    expect({ status: response.status, body: response.body }).toEqual({ status: 401, body: { error: "invalid_client", error_description: "Client authentication failed" } });
    const events = await app.app.dataSource.getRepository(AuditEvent).findBy({ targetId: client.id, action: "token.refused" });
    expect(events.map((event) => event.changes)).toEqual([{ reason: "CLIENT_EXPIRED" }]);
  });

  it("enforces IPv4 and IPv6 allowlists, reading X-Forwarded-For from a trusted proxy", async () => {
    const client = await createClient(owner, organizationId, { name: "Fenced", allowedIps: ["203.0.113.0/24", "2001:db8::/32"] });
    const from = (ip: string) => tokenFor(app, client.clientId, client.secret, {}, { "x-forwarded-for": ip });
    expect((await from("203.0.113.9")).status).toBe(200);
    expect((await from("2001:db8::42")).status).toBe(200);
    expect((await from("198.51.100.1")).status).toBe(401);
    expect((await from("2001:db9::1")).status).toBe(401);
    expect((await tokenFor(app, client.clientId, client.secret)).status).toBe(401);
    const events = await app.app.dataSource.getRepository(AuditEvent).findBy({ targetId: client.id, action: "token.refused" });
    expect(events[0].changes).toEqual({ reason: "IP_NOT_ALLOWED" });
  });

  it("introspection needs tokens.introspect and shows only the caller's organization", async () => {
    const client = await createClient(owner, organizationId);
    const token = (await tokenFor(app, client.clientId, client.secret)).body?.access_token;
    const denied = await introspect(app, client, token);
    expect({ status: denied.status, body: denied.body }).toEqual({ status: 403, body: { error: "insufficient_scope", error_description: "The client needs the tokens.introspect permission" } });
    const other = await seedOrganization(app, "Elsewhere", "elsewhere@acme.test");
    const foreignInspector = await createClient(other.session, other.organization.id, { role: null, permissions: ["tokens.introspect"] });
    expect((await introspect(app, foreignInspector, token)).body).toEqual({ active: false });
  });

  it("revokes a client's own token and ignores others, always 200", async () => {
    const client = await createClient(owner, organizationId);
    const other = await createClient(owner, organizationId);
    const token = (await tokenFor(app, client.clientId, client.secret)).body?.access_token;
    const foreign = await postForm(app.url, "/revoke", { token }, { authorization: basic(other.clientId, other.secret) });
    expect(foreign.status).toBe(200);
    expect(await isActive(token)).toBe(true);
    expect((await postForm(app.url, "/revoke", { token: "garbage" }, { authorization: basic(client.clientId, client.secret) })).status).toBe(200);
    expect((await postForm(app.url, "/revoke", { token }, { authorization: basic(client.clientId, client.secret) })).status).toBe(200);
    expect(await isActive(token)).toBe(false);
  });

  describe("GraphQL with bearer tokens", () => {
    const LIST = `query($org: ID!) { apiClients(organizationId: $org) { totalCount } }`;
    const CREATE = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiClient { clientId permissions } } }`;

    async function botSession(permissions: string[], scope?: string) {
      const bot = await createClient(owner, organizationId, { role: null, permissions });
      const token = (await tokenFor(app, bot.clientId, bot.secret, scope === undefined ? {} : { scope })).body?.access_token as string;
      return { bot, token, session: new GraphQLSession(app.url, { authorization: `Bearer ${token}`, "x-tenant-id": organizationId }) };
    }

    it("reads with api-clients.read and needs api-clients.write to change", async () => {
      const { session } = await botSession(["api-clients.read"]);
      expect((await session.ok(LIST, { org: organizationId })).apiClients.totalCount).toBeGreaterThan(0);
      expect(await session.errorOf(CREATE, { input: { organizationId, name: "x", environment: "LIVE" } })).toEqual({
        code: "FORBIDDEN",
        message: "This client lacks the api-clients.write permission",
        fields: undefined,
      });
    });

    it("never grants permissions it does not hold itself", async () => {
      const { session } = await botSession(["api-clients.write", "blogs.read"]);
      const created = await session.ok(CREATE, { input: { organizationId, name: "Child", environment: "LIVE", permissions: ["blogs.read"] } });
      expect(created.createApiClient.apiClient.permissions).toEqual(["blogs.read"]);
      expect(await session.errorOf(CREATE, { input: { organizationId, name: "Greedy", environment: "LIVE", permissions: ["blogs.write"] } })).toEqual({
        code: "FORBIDDEN",
        message: "A client cannot grant permissions it does not hold itself: blogs.write",
        fields: undefined,
      });
    });

    it("requires the tenant header to name the token's organization", async () => {
      const { token } = await botSession(["api-clients.read"]);
      const wrongTenant = new GraphQLSession(app.url, { authorization: `Bearer ${token}`, "x-tenant-id": "00000000-0000-4000-8000-000000000000" });
      const result = await wrongTenant.request(LIST, { org: organizationId });
      expect(result.status).toBe(403);
      expect(result.errors?.[0]).toMatchObject({ message: "The x-tenant-id header must name the token's organization", extensions: { code: "FORBIDDEN" } });
    });

    it("stops a revoked token and a token whose permission was taken away", async () => {
      const { bot, token, session } = await botSession(["api-clients.read", "blogs.read"]);
      await owner.ok(PERMISSIONS, { id: bot.id, revoke: ["api-clients.read"] });
      expect((await session.errorOf(LIST, { org: organizationId })).code).toBe("FORBIDDEN");
      await postForm(app.url, "/revoke", { token }, { authorization: basic(bot.clientId, bot.secret) });
      const result = await session.request(LIST, { org: organizationId });
      expect(result.status).toBe(401);
      expect(result.errors?.[0]).toMatchObject({ message: "The access token is invalid, expired or revoked", extensions: { code: "UNAUTHENTICATED" } });
    });

    it("stops a token once every permission it was granted has been taken away", async () => {
      const { bot, session } = await botSession(["api-clients.read"]);
      await owner.ok(PERMISSIONS, { id: bot.id, revoke: ["api-clients.read"] });
      const result = await session.request(LIST, { org: organizationId });
      expect(result.status).toBe(401);
      expect(result.errors?.[0]).toMatchObject({ message: "The access token is invalid, expired or revoked", extensions: { code: "UNAUTHENTICATED" } });
    });

    it("writes the client as the actor in the audit trail", async () => {
      const { bot, session } = await botSession(["api-clients.write", "blogs.read"]);
      await session.ok(CREATE, { input: { organizationId, name: "Made by a bot", environment: "LIVE" } });
      const [event] = await app.app.dataSource.getRepository(AuditEvent).find({ where: { targetLabel: "Made by a bot" } });
      expect(event).toMatchObject({ actorType: "CLIENT", actorId: bot.clientId, actorLabel: bot.clientId, action: "api_client.created" });
    });
  });
});
