import { createRemoteJWKSet, decodeJwt, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT, DELETE, RESET } from "../support/api-client-queries.js";
import { GraphQLSession, seedOrganization } from "../support/graphql-session.js";
import { basic, createClient, introspect, postForm, tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { createCtx } from "../../src/services.js";
import { DIRECTORY_SECRET, startTestDirectory, type TestDirectory } from "../support/user-directory-server.js";

type Client = { id: string; clientId: string; secret: string };

/** What the reader preset grants in the default catalog, as a token's scope. */
const READER_SCOPE = "api.read blogs.read flows.read api-clients.read";

/** Issue 15: tokens that act for a platform user, over real HTTP with a real directory server. */
describe("user tokens", () => {
  let app: TestApp;
  let directory: TestDirectory;
  let owner: GraphQLSession;
  let organizationId: string;
  let flagged: Client;
  let inspector: Client;

  beforeAll(async () => {
    directory = await startTestDirectory();
    app = await startTestApp({ CLAVIS_USER_DIRECTORY_URL: directory.url, CLAVIS_USER_DIRECTORY_SECRET: DIRECTORY_SECRET });
    const seeded = await seedOrganization(app, "Acme", "owner@acme.test", { maxApiClients: 50 });
    owner = seeded.session;
    organizationId = seeded.organization.id;
    directory.users.push(
      { id: 41, username: "alice", password: "alice-password-1", organizationId, claims: { name: "Alice Andersson", nickname: "alice", email: "alice@example.com", role: "admin" } },
      { id: "u-bob", username: "bob", password: "bob-password-123", organizationId },
      { id: "u-eve", username: "eve", password: "eve-password-123", organizationId: "another-organization" },
    );
    flagged = await createClient(owner, organizationId, { name: "Participation app", allowLogin: true, allowImpersonate: true });
    inspector = await createClient(owner, organizationId, { name: "Inspector", role: null, permissions: ["tokens.introspect"] });
  });

  afterAll(async () => {
    await app?.close();
    await directory?.close();
  });

  const login = (client: Client, username: string, password: string, extra: Record<string, string> = {}) =>
    postForm(app.url, "/token", { grant_type: "password", auth_type: "login", username, password, ...extra }, { authorization: basic(client.clientId, client.secret) });
  const impersonate = (client: Client, who: Record<string, string>) =>
    postForm(app.url, "/token", { grant_type: "password", auth_type: "impersonate", ...who }, { authorization: basic(client.clientId, client.secret) });
  const isActive = async (token: string) => (await introspect(app, inspector, token)).body?.active as boolean;
  const oauthError = (error: string, description: string) => ({ error, error_description: description });

  it("logs a user in: the token verifies against the JWKS and acts for the directory's user", async () => {
    const response = await login(flagged, "alice", "alice-password-1");
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: READER_SCOPE });
    const { payload, protectedHeader } = await jwtVerify(response.body?.access_token, createRemoteJWKSet(new URL(`${app.url}/.well-known/jwks.json`)), { issuer: app.url, audience: app.url });
    expect(protectedHeader.typ).toBe("at+jwt");
    expect(payload).toMatchObject({ sub: "41", client_id: flagged.clientId, org_id: organizationId, auth_type: "login", preferred_username: "alice", name: "Alice Andersson", nickname: "alice" });
    // Only the allow-listed display claims are copied; a login has no actor.
    expect(payload).not.toHaveProperty("email");
    expect(payload).not.toHaveProperty("role");
    expect(payload).not.toHaveProperty("act");
    const asked = directory.received.at(-1);
    expect(asked).toEqual({ body: { organizationId, mode: "login", username: "alice", password: "alice-password-1" }, signed: true });
  });

  it("impersonates a user by username or by id: act names the client, and the token is shorter-lived", async () => {
    const jwks = createRemoteJWKSet(new URL(`${app.url}/.well-known/jwks.json`));
    const byName = await impersonate(flagged, { username: "bob" });
    const byId = await impersonate(flagged, { id: "u-bob" });
    for (const response of [byName, byId]) {
      expect(response.status).toBe(200);
      expect(response.body?.expires_in).toBe(900);
      const { payload } = await jwtVerify(response.body?.access_token, jwks, { issuer: app.url });
      expect(payload).toMatchObject({ sub: "u-bob", client_id: flagged.clientId, org_id: organizationId, auth_type: "impersonate", act: { sub: flagged.clientId } });
      expect((payload.exp as number) - (payload.iat as number)).toBe(900);
    }
    expect(directory.received.slice(-2)).toEqual([
      { body: { organizationId, mode: "impersonate", username: "bob" }, signed: true },
      { body: { organizationId, mode: "impersonate", id: "u-bob" }, signed: true },
    ]);
  });

  it("introspection returns the user token's claims", async () => {
    const token = (await impersonate(flagged, { username: "alice" })).body?.access_token as string;
    const claims = decodeJwt(token);
    const response = await introspect(app, inspector, token);
    expect(response.body).toEqual({
      active: true, token_type: "Bearer", scope: READER_SCOPE, client_id: flagged.clientId, sub: "41", aud: app.url, iss: app.url,
      iat: claims.iat, exp: claims.exp, jti: claims.jti, org_id: organizationId, env: "live",
      auth_type: "impersonate", act: { sub: flagged.clientId }, preferred_username: "alice", name: "Alice Andersson", nickname: "alice",
    });
  });

  it("answers a wrong password and an unknown user alike: invalid_grant, never saying which", async () => {
    const wrong = await login(flagged, "alice", "not-her-password");
    const unknown = await login(flagged, "nobody", "alice-password-1");
    const otherOrganization = await login(flagged, "eve", "eve-password-123");
    for (const response of [wrong, unknown, otherOrganization]) {
      expect({ status: response.status, body: response.body }).toEqual({ status: 400, body: oauthError("invalid_grant", "The username or password is wrong") });
    }
    const impersonated = await impersonate(flagged, { username: "nobody" });
    expect({ status: impersonated.status, body: impersonated.body }).toEqual({ status: 400, body: oauthError("invalid_grant", "No such user in this client's organization") });
  });

  it("refuses clients without the flag: unauthorized_client, and the directory is never asked", async () => {
    const plain = await createClient(owner, organizationId, { name: "Plain" });
    const loginOnly = await createClient(owner, organizationId, { name: "Login only", allowLogin: true });
    const asked = directory.received.length;
    const noLogin = await login(plain, "alice", "alice-password-1");
    expect({ status: noLogin.status, body: noLogin.body }).toEqual({ status: 400, body: oauthError("unauthorized_client", "This client may not log users in (allowLogin is off)") });
    const noImpersonation = await impersonate(loginOnly, { username: "alice" });
    expect({ status: noImpersonation.status, body: noImpersonation.body }).toEqual({ status: 400, body: oauthError("unauthorized_client", "This client may not impersonate users (allowImpersonate is off)") });
    expect(directory.received.length).toBe(asked);
  });

  it.each([
    ["no auth_type", { grant_type: "password", username: "alice", password: "x" }, oauthError("invalid_request", "grant_type=password needs auth_type (login or impersonate)")],
    ["an unknown auth_type", { grant_type: "password", auth_type: "sudo", username: "alice" }, oauthError("invalid_request", "auth_type must be login or impersonate")],
    ["a login without a password", { grant_type: "password", auth_type: "login", username: "alice" }, oauthError("invalid_request", "auth_type=login needs username and password")],
    ["an impersonation naming no one", { grant_type: "password", auth_type: "impersonate" }, oauthError("invalid_request", "auth_type=impersonate needs username or id")],
    ["an impersonation naming two", { grant_type: "password", auth_type: "impersonate", username: "alice", id: "41" }, oauthError("invalid_request", "Send username or id, not both")],
  ])("refuses %s with invalid_request", async (_label, params, body) => {
    const response = await postForm(app.url, "/token", params, { authorization: basic(flagged.clientId, flagged.secret) });
    expect({ status: response.status, body: response.body }).toEqual({ status: 400, body });
  });

  it("checks the scope against the client's permissions as for client tokens", async () => {
    const response = await impersonate(flagged, { username: "bob", scope: "blogs.write" });
    expect({ status: response.status, body: response.body }).toEqual({ status: 400, body: oauthError("invalid_scope", "The client does not hold blogs.write") });
    const narrowed = await impersonate(flagged, { username: "bob", scope: "blogs.read" });
    expect(narrowed.body?.scope).toBe("blogs.read");
  });

  it("ends a user token with its client's secret reset, and with the client's deletion", async () => {
    const client = await createClient(owner, organizationId, { name: "Short-lived", allowImpersonate: true });
    const first = (await impersonate(client, { username: "bob" })).body?.access_token as string;
    expect(await isActive(first)).toBe(true);
    const reset = await owner.ok(RESET, { id: client.id });
    expect(await isActive(first)).toBe(false);
    const renewed = { ...client, secret: reset.resetApiClientSecret.clientSecret as string };
    const second = (await impersonate(renewed, { username: "bob" })).body?.access_token as string;
    expect(await isActive(second)).toBe(true);
    await owner.ok(DELETE, { id: client.id });
    expect(await isActive(second)).toBe(false);
  });

  it("revokes a user token at /revoke like a client token", async () => {
    const token = (await impersonate(flagged, { username: "bob" })).body?.access_token as string;
    const revoked = await postForm(app.url, "/revoke", { token }, { authorization: basic(flagged.clientId, flagged.secret) });
    expect(revoked.status).toBe(200);
    expect(await isActive(token)).toBe(false);
  });

  it("ends user tokens while API clients are switched off for the organization", async () => {
    const token = (await impersonate(flagged, { username: "bob" })).body?.access_token as string;
    const system = createCtx(app.app.dataSource, { type: "SYSTEM" });
    // The inspector is of the same organization and is switched off too: ask the one check
    // introspection and bearer authentication share.
    const verdict = async () => ("refused" in (await app.app.services.tokens.verify(system, token)) ? "inactive" : "active");
    expect(await verdict()).toBe("active");
    await app.app.services.organizations.update(system, organizationId, { apiClientsEnabled: false });
    try {
      expect(await verdict()).toBe("inactive");
    } finally {
      await app.app.services.organizations.update(system, organizationId, { apiClientsEnabled: true });
    }
    expect(await isActive(token)).toBe(true);
  });

  it("keeps at most maxTokensPerClient live tokens per (client, user), under concurrency, apart from the client's own", async () => {
    const client = await createClient(owner, organizationId, { name: "Busy", allowImpersonate: true });
    const own = (await tokenFor(app, client.clientId, client.secret)).body?.access_token as string;
    const [bobs, alices] = await Promise.all([
      Promise.all(Array.from({ length: 25 }, () => impersonate(client, { username: "bob" }))),
      Promise.all(Array.from({ length: 4 }, () => impersonate(client, { username: "alice" }))),
    ]);
    expect([...bobs, ...alices].map((response) => response.status)).toEqual(Array(29).fill(200));
    const active = async (responses: { body: Record<string, any> | null }[]) => (await Promise.all(responses.map((response) => isActive(response.body?.access_token)))).filter(Boolean).length;
    expect(await active(bobs)).toBe(10);
    expect(await active(alices)).toBe(4);
    expect(await isActive(own)).toBe(true);
  });

  it("records every user token issued in the audit trail: client, user, mode, address, never the password", async () => {
    await login(flagged, "alice", "alice-password-1");
    const { auditEvents } = await owner.ok(AUDIT, { organizationId, filter: { action: "user_token.issued" }, first: 100 });
    const [latest] = auditEvents.edges.map((edge: { node: unknown }) => edge.node);
    expect(latest).toMatchObject({
      action: "user_token.issued",
      actor: { type: "CLIENT", id: flagged.clientId, label: flagged.clientId },
      targetType: "API_CLIENT",
      targetId: flagged.id,
      targetLabel: "Participation app",
      ip: "127.0.0.1",
      changes: { mode: "login", userId: "41", username: "alice", scope: READER_SCOPE, expiresIn: 3600 },
    });
    const modes = auditEvents.edges.map((edge: { node: { changes: { mode: string } } }) => edge.node.changes.mode);
    expect(modes).toContain("impersonate");
    expect(JSON.stringify(auditEvents)).not.toContain("alice-password-1");
  });

  it("does not let a user token call Clavis's own API", async () => {
    const token = (await impersonate(flagged, { username: "bob" })).body?.access_token as string;
    const session = new GraphQLSession(app.url, { authorization: `Bearer ${token}`, "x-tenant-id": organizationId });
    const result = await session.request(`{ permissionCatalog { apis { name } } }`);
    expect(result.status).toBe(401);
    expect(result.errors?.[0]).toMatchObject({ message: "A token that acts for a user cannot call Clavis's API: use the client's own token", extensions: { code: "UNAUTHENTICATED" } });
  });

  it("lists the password grant in the RFC 8414 metadata while a client may use it", async () => {
    const response = await fetch(`${app.url}/.well-known/oauth-authorization-server`);
    expect(((await response.json()) as { grant_types_supported: string[] }).grant_types_supported).toEqual(["client_credentials", "password"]);
  });
});
