import { randomUUID } from "node:crypto";
import { SignJWT, UnsecuredJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrganization, type GraphQLSession } from "../support/graphql-session.js";
import { createKeyClient, INVALID_CLIENT, JWT_BEARER, signAssertion, testKey, tokenByAssertion, type TestKey } from "../support/client-keys.js";
import { basic, createClient, introspect, postForm } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const wire = (response: { status: number; body: unknown }) => ({ status: response.status, body: response.body });

describe("private_key_jwt at /token", () => {
  let app: TestApp;
  let owner: GraphQLSession;
  let organizationId: string;
  let ed: TestKey;
  let ec: TestKey;
  let rsa: TestKey;
  let address = 0;
  // Each refusal comes from its own address and client, so the failure throttle (10 per client
  // and address, 30 per address a minute) never answers in its place.
  const from = () => ({ "x-forwarded-for": `198.51.100.${++address}` });
  const keyClient = (keys: TestKey[] = [ed, ec, rsa], overrides: Record<string, unknown> = {}) => createKeyClient(owner, organizationId, keys, overrides);

  beforeAll(async () => {
    app = await startTestApp({ CLAVIS_TRUST_PROXY: "loopback" });
    const seeded = await seedOrganization(app, "Keys", "keys@acme.test", { maxApiClients: 100 });
    owner = seeded.session;
    organizationId = seeded.organization.id;
    [ed, ec, rsa] = [testKey("ed25519"), testKey("p256"), testKey("rsa")];
  });

  afterAll(async () => {
    await app.close();
  });

  it("creates a client with public keys and no secret", async () => {
    const client = await keyClient();
    expect(client.clientSecret).toBeNull();
    expect(client.apiClient).toMatchObject({ authMethod: "PRIVATE_KEY_JWT", secretHint: "" });
    expect(client.apiClient.publicKeys.map((key: { kid: string; keyType: string; algorithm: string; expired: boolean }) => [key.kid, key.keyType, key.algorithm, key.expired])).toEqual([
      [ed.kid, "OKP/Ed25519", "EdDSA", false],
      [ec.kid, "EC/P-256", "ES256", false],
      [rsa.kid, "RSA/2048", "RS256 PS256", false],
    ]);
  });

  it("issues tokens for assertions signed with Ed25519, P-256 and RSA 2048 (RS256 and PS256), which introspect as active", async () => {
    const client = await keyClient([ed, ec, rsa], { role: null, permissions: ["blogs.read", "tokens.introspect"] });
    const caller = await createClient(owner, organizationId, { role: null, permissions: ["tokens.introspect"] });
    for (const [key, alg] of [[ed, "EdDSA"], [ec, "ES256"], [rsa, "RS256"], [rsa, "PS256"]] as const) {
      const response = await tokenByAssertion(app, await signAssertion(client.clientId, app.url, { key, alg }), {}, from());
      expect(wire(response)).toEqual({ status: 200, body: { access_token: expect.any(String), token_type: "Bearer", expires_in: 3600, scope: "blogs.read tokens.introspect" } });
      const active = await introspect(app, caller, response.body?.access_token);
      expect(active.body).toMatchObject({ active: true, client_id: client.clientId, sub: client.clientId });
    }
  });

  it("accepts the token endpoint URL as audience, an aud array, a matching client_id, and no kid", async () => {
    const client = await keyClient();
    const ok = async (assertion: string, params: Record<string, string> = {}) => expect((await tokenByAssertion(app, assertion, params, from())).status).toBe(200);
    await ok(await signAssertion(client.clientId, `${app.url}/token`, { key: ec }));
    await ok(await signAssertion(client.clientId, "", { key: ed, aud: ["https://elsewhere.example", app.url] }));
    await ok(await signAssertion(client.clientId, app.url, { key: rsa }), { client_id: client.clientId });
    await ok(await signAssertion(client.clientId, app.url, { key: rsa, kid: null }));
  });

  it("authenticates /introspect and /revoke callers by assertion too", async () => {
    const client = await keyClient([ed], { role: null, permissions: ["blogs.read", "tokens.introspect"] });
    const token = (await tokenByAssertion(app, await signAssertion(client.clientId, app.url, { key: ed }), {}, from())).body?.access_token as string;
    const form = async (path: string) => postForm(app.url, path, { token, client_assertion_type: JWT_BEARER, client_assertion: await signAssertion(client.clientId, app.url, { key: ed }) }, from());
    expect((await form("/introspect")).body).toMatchObject({ active: true });
    expect((await form("/revoke")).status).toBe(200);
    expect((await form("/introspect")).body).toEqual({ active: false });
  });

  it("refuses a replayed jti, also when replayed with the other audience form", async () => {
    const client = await keyClient();
    const jti = randomUUID();
    const assertion = await signAssertion(client.clientId, app.url, { key: ed, jti });
    expect((await tokenByAssertion(app, assertion, {}, from())).status).toBe(200);
    expect(wire(await tokenByAssertion(app, assertion, {}, from()))).toEqual(INVALID_CLIENT);
    expect(wire(await tokenByAssertion(app, await signAssertion(client.clientId, `${app.url}/token`, { key: ec, jti }), {}, from()))).toEqual(INVALID_CLIENT);
  });

  it("refuses expired assertions, an exp more than 5 minutes ahead, a lifetime over 5 minutes, a future nbf, and no exp or jti", async () => {
    const client = await keyClient();
    const now = Math.floor(Date.now() / 1000);
    const cases: Parameters<typeof signAssertion>[2][] = [
      { key: ed, expiresIn: -60 },
      { key: ed, expiresIn: 300 + 30 + 60 },
      { key: ed, expiresIn: 240, iat: now - 120 },
      { key: ed, nbf: now + 120 },
      { key: ed, expiresIn: null },
      { key: ed, jti: null },
    ];
    for (const options of cases) expect(wire(await tokenByAssertion(app, await signAssertion(client.clientId, app.url, options), {}, from()))).toEqual(INVALID_CLIENT);
    expect((await tokenByAssertion(app, await signAssertion(client.clientId, app.url, { key: ed, expiresIn: 300 }), {}, from())).status).toBe(200);
  });

  it("refuses a wrong audience, iss other than sub, and a client_id that is not the assertion's", async () => {
    const client = await keyClient();
    const other = await keyClient();
    const refused = async (assertion: string, params: Record<string, string> = {}) => expect(wire(await tokenByAssertion(app, assertion, params, from()))).toEqual(INVALID_CLIENT);
    await refused(await signAssertion(client.clientId, `${app.url}/introspect`, { key: ed }));
    await refused(await signAssertion(client.clientId, "https://clavis.example", { key: ed }));
    await refused(await signAssertion(client.clientId, app.url, { key: ed, iss: other.clientId }));
    await refused(await signAssertion(client.clientId, app.url, { key: ed }), { client_id: other.clientId });
  });

  it("refuses a key the client does not have, under its kid or none, and alg none or HS256 keyed with the public key", async () => {
    const client = await keyClient([ed]);
    const stranger = testKey("ed25519", ed.kid);
    const refused = async (assertion: string) => expect(wire(await tokenByAssertion(app, assertion, {}, from()))).toEqual(INVALID_CLIENT);
    await refused(await signAssertion(client.clientId, app.url, { key: stranger }));
    await refused(await signAssertion(client.clientId, app.url, { key: stranger, kid: null }));
    await refused(await signAssertion(client.clientId, app.url, { key: ec }));
    const claims = { iss: client.clientId, sub: client.clientId, aud: app.url, jti: randomUUID(), exp: Math.floor(Date.now() / 1000) + 60 };
    await refused(new UnsecuredJWT(claims).encode());
    const publicPem = ed.publicKey.export({ type: "spki", format: "pem" }) as string;
    await refused(await new SignJWT(claims).setProtectedHeader({ alg: "HS256", kid: ed.kid }).sign(new TextEncoder().encode(publicPem)));
    await refused(await new SignJWT(claims).setProtectedHeader({ alg: "HS256", kid: ed.kid }).sign(new TextEncoder().encode(JSON.stringify(ed.publicJwk))));
  });

  it("refuses a secret for a key client, an assertion for a secret client, and both at once as invalid_request", async () => {
    const client = await keyClient([ed]);
    const secretClient = await createClient(owner, organizationId);
    const basicResponse = await postForm(app.url, "/token", { grant_type: "client_credentials" }, { authorization: basic(client.clientId, "x".repeat(40)), ...from() });
    expect(wire(basicResponse)).toEqual(INVALID_CLIENT);
    expect(wire(await postForm(app.url, "/token", { grant_type: "client_credentials", client_id: client.clientId, client_secret: "x".repeat(40) }, from()))).toEqual(INVALID_CLIENT);
    expect(wire(await tokenByAssertion(app, await signAssertion(secretClient.clientId, app.url, { key: ed }), {}, from()))).toEqual(INVALID_CLIENT);
    const assertion = await signAssertion(client.clientId, app.url, { key: ed });
    expect(wire(await tokenByAssertion(app, assertion, { client_secret: "x".repeat(40) }, from()))).toEqual({ status: 400, body: { error: "invalid_request", error_description: "Send a client secret or a client assertion, not both" } });
    expect(wire(await tokenByAssertion(app, assertion, {}, { authorization: basic(secretClient.clientId, secretClient.secret), ...from() }))).toEqual({ status: 400, body: { error: "invalid_request", error_description: "Send a client secret or a client assertion, not both" } });
    expect(wire(await tokenByAssertion(app, assertion, { client_assertion_type: "urn:example:other" }, from()))).toEqual({ status: 400, body: { error: "invalid_request", error_description: `client_assertion_type must be ${JWT_BEARER}` } });
  });

  it("counts refused assertions in the failure throttle: the 11th try of one client from one address waits", async () => {
    const client = await keyClient([ed]);
    const headers = { "x-forwarded-for": "203.0.113.77" };
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) statuses.push((await tokenByAssertion(app, await signAssertion(client.clientId, "https://wrong.example", { key: ed }), {}, headers)).status);
    expect(statuses).toEqual(Array(10).fill(401));
    const waited = await tokenByAssertion(app, await signAssertion(client.clientId, app.url, { key: ed }), {}, headers);
    expect(waited.status).toBe(429);
    expect(waited.body).toMatchObject({ error: "temporarily_unavailable" });
  });
});
