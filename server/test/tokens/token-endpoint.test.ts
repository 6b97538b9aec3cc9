import { createRemoteJWKSet, jwtVerify } from "jose";
import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrganization, type GraphQLSession } from "../support/graphql-session.js";
import { basic, createClient, postForm, tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

describe("POST /token", () => {
  let app: TestApp;
  let owner: GraphQLSession;
  let organizationId: string;
  let client: { id: string; clientId: string; secret: string };

  beforeAll(async () => {
    app = await startTestApp();
    const seeded = await seedOrganization(app, "Tokens", "tokens@acme.test");
    owner = seeded.session;
    organizationId = seeded.organization.id;
    client = await createClient(owner, organizationId, { role: "creator", scopes: ["blogs", "flows"], environment: "STAGING" });
  });

  afterAll(async () => {
    await app.close();
  });

  it("issues tokens to openid-client after discovery, with client_secret_basic and client_secret_post", async () => {
    const jwks = createRemoteJWKSet(new URL(`${app.url}/.well-known/jwks.json`));
    for (const auth of [oidc.ClientSecretBasic(client.secret), oidc.ClientSecretPost(client.secret)]) {
      const config = await oidc.discovery(new URL(app.url), client.clientId, undefined, auth, { algorithm: "oauth2", execute: [oidc.allowInsecureRequests] });
      expect(config.serverMetadata().token_endpoint).toBe(`${app.url}/token`);
      const tokens = await oidc.clientCredentialsGrant(config, { scope: "blogs.read blogs.create" });
      expect(tokens).toMatchObject({ token_type: "bearer", expires_in: 3600, scope: "blogs.read blogs.create" });
      const { payload, protectedHeader } = await jwtVerify(tokens.access_token, jwks, { issuer: app.url, audience: app.url, typ: "at+jwt" });
      expect(protectedHeader).toMatchObject({ alg: "EdDSA", typ: "at+jwt", kid: expect.any(String) });
      expect(payload).toEqual({
        iss: app.url,
        sub: client.clientId,
        client_id: client.clientId,
        aud: app.url,
        iat: expect.any(Number),
        exp: (payload.iat as number) + 3600,
        jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
        scope: "blogs.read blogs.create",
        org_id: organizationId,
        env: "staging",
      });
    }
  });

  it("grants every permission when no scope is asked for, and sets no-store", async () => {
    const response = await tokenFor(app, client.clientId, client.secret);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.body).toEqual({ access_token: expect.any(String), token_type: "Bearer", expires_in: 3600, scope: "blogs.read blogs.create flows.read" });
  });

  it("puts an RFC 8707 resource (or audience) into aud", async () => {
    const jwks = createRemoteJWKSet(new URL(`${app.url}/.well-known/jwks.json`));
    for (const param of ["resource", "audience"]) {
      const response = await tokenFor(app, client.clientId, client.secret, { [param]: "https://api.example.com" });
      const { payload } = await jwtVerify(response.body?.access_token, jwks, { audience: "https://api.example.com" });
      expect(payload.aud).toBe("https://api.example.com");
    }
  });

  const error = (code: string, description: string) => ({ error: code, error_description: description });

  it.each([
    ["an unknown grant type", { grant_type: "authorization_code" }, 400, error("unsupported_grant_type", "Only the client_credentials and password grants are supported, not authorization_code")],
    ["no grant type", { grant_type: "" }, 400, error("unsupported_grant_type", "Only the client_credentials and password grants are supported, not ")],
    ["a scope the client does not hold", { scope: "blogs.write" }, 400, error("invalid_scope", "The client does not hold blogs.write")],
    ["a relative resource", { resource: "/api" }, 400, error("invalid_target", "The resource must be an absolute URI")],
  ])("refuses %s", async (_label, params, status, body) => {
    const response = await postForm(app.url, "/token", { grant_type: "client_credentials", ...params }, { authorization: basic(client.clientId, client.secret) });
    expect({ status: response.status, body: response.body }).toEqual({ status, body });
  });

  it("answers a wrong secret and an unknown client alike: 401, invalid_client, a Basic challenge", async () => {
    const wrong = await tokenFor(app, client.clientId, "clv_test_wrong");
    const unknown = await tokenFor(app, "no-such-client", client.secret);
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.body).toEqual(error("invalid_client", "Client authentication failed"));
      expect(response.headers.get("www-authenticate")).toBe('Basic realm="clavis", charset="UTF-8"');
    }
    const posted = await postForm(app.url, "/token", { grant_type: "client_credentials", client_id: client.clientId, client_secret: "nope" });
    expect(posted.status).toBe(401);
    expect(posted.headers.get("www-authenticate")).toBeNull();
  });

  it("refuses both authentication methods at once, and neither", async () => {
    const both = await postForm(app.url, "/token", { grant_type: "client_credentials", client_id: client.clientId, client_secret: client.secret }, { authorization: basic(client.clientId, client.secret) });
    expect({ status: both.status, body: both.body }).toEqual({ status: 400, body: error("invalid_request", "Send client credentials either with HTTP Basic or in the body, not both") });
    const neither = await postForm(app.url, "/token", { grant_type: "client_credentials" });
    expect({ status: neither.status, body: neither.body }).toEqual({
      status: 400,
      body: error("invalid_request", "Client authentication is required: HTTP Basic, or client_id and client_secret in the body"),
    });
  });

  it("refuses repeated parameters, JSON bodies, oversized bodies and other methods", async () => {
    const repeated = await postForm(app.url, "/token", "grant_type=client_credentials&scope=a&scope=b", { authorization: basic(client.clientId, client.secret) });
    expect(repeated.body).toEqual(error("invalid_request", "The parameter scope is given more than once"));
    const json = await fetch(`${app.url}/token`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(await json.json()).toEqual(error("invalid_request", "The request body must be application/x-www-form-urlencoded"));
    const big = await postForm(app.url, "/token", `grant_type=client_credentials&pad=${"x".repeat(20_000)}`);
    expect({ status: big.status, body: big.body }).toEqual({ status: 413, body: error("invalid_request", "The request body exceeds 16384 bytes") });
    const get = await fetch(`${app.url}/token`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });

  it("refuses a client whose organization has API clients switched off: unauthorized_client", async () => {
    const { organization, session } = await seedOrganization(app, "Switched", "switched@acme.test");
    const switchedClient = await createClient(session, organization.id);
    await app.app.services.organizations.update({ actor: { type: "SYSTEM" }, ip: null, requestId: null, manager: app.app.dataSource.manager, inTransaction: false }, organization.id, { apiClientsEnabled: false });
    const response = await tokenFor(app, switchedClient.clientId, switchedClient.secret);
    expect({ status: response.status, body: response.body }).toEqual({ status: 400, body: error("unauthorized_client", "API clients are switched off for this client's organization") });
  });

  it("refuses a client without permissions: invalid_scope", async () => {
    const bare = await createClient(owner, organizationId, { role: null, name: "Bare" });
    const response = await tokenFor(app, bare.clientId, bare.secret);
    expect(response.body).toEqual(error("invalid_scope", "This client holds no permissions: grant it some first"));
  });

  it("publishes RFC 8414 metadata and a JWKS with public keys only", async () => {
    const metadata = (await (await fetch(`${app.url}/.well-known/oauth-authorization-server`)).json()) as Record<string, any>;
    expect(metadata).toMatchObject({
      issuer: app.url,
      token_endpoint: `${app.url}/token`,
      jwks_uri: `${app.url}/.well-known/jwks.json`,
      introspection_endpoint: `${app.url}/introspect`,
      revocation_endpoint: `${app.url}/revoke`,
      grant_types_supported: ["client_credentials"],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post", "private_key_jwt"],
    });
    expect(metadata.scopes_supported).toContain("blogs.read");
    const jwksResponse = await fetch(`${app.url}/.well-known/jwks.json`);
    expect(jwksResponse.headers.get("cache-control")).toBe("public, max-age=300");
    const { keys } = (await jwksResponse.json()) as { keys: Record<string, string>[] };
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(Object.keys(key).sort()).toEqual(["alg", "crv", "kid", "kty", "use", "x"]);
  });

  it("limits failed authentications per client id and address: 429 with Retry-After", async () => {
    const target = await createClient(owner, organizationId, { name: "Target" });
    let last = await tokenFor(app, target.clientId, "wrong");
    for (let i = 0; i < 10 && last.status !== 429; i += 1) last = await tokenFor(app, target.clientId, "wrong");
    expect(last.status).toBe(429);
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last.body?.error).toBe("temporarily_unavailable");
    // Locked out from this address: even the right secret waits until the window passes.
    expect((await tokenFor(app, target.clientId, target.secret)).status).toBe(429);
  });
});
