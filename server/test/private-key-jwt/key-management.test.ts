import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditEvent } from "../../src/modules/audit/audit-event.entity.js";
import { ApiClientPublicKey } from "../../src/modules/api-clients/api-client-public-key.entity.js";
import { RESET } from "../support/api-client-queries.js";
import { createKeyClient, INVALID_CLIENT, signAssertion, testKey, tokenByAssertion, type TestKey } from "../support/client-keys.js";
import { addMember, GraphQLSession, seedOrganization, signIn } from "../support/graphql-session.js";
import { createClient, tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const KEY_FIELDS = "id authMethod publicKeys { id kid keyType algorithm thumbprint expiresAt expired }";
const ADD = `mutation($id: ID!, $key: ClientPublicKeyInput!) { addApiClientPublicKey(id: $id, key: $key) { ${KEY_FIELDS} } }`;
const REMOVE = `mutation($id: ID!, $keyId: ID!) { removeApiClientPublicKey(id: $id, keyId: $keyId) { ${KEY_FIELDS} } }`;
const CREATE_KEYED = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { clientSecret apiClient { ${KEY_FIELDS} } } }`;

const wire = (response: { status: number; body: unknown }) => ({ status: response.status, body: response.body });
const reasons = (error: { code?: string; fields?: object[] }) => ({ code: error.code, reasons: (error.fields ?? []).map((field) => (field as { reason: string }).reason) });

describe("public keys of private_key_jwt clients", () => {
  let app: TestApp;
  let owner: GraphQLSession;
  let organizationId: string;
  let ed: TestKey;
  let ec: TestKey;
  const keyClient = (keys: TestKey[] = [ed], overrides: Record<string, unknown> = {}) => createKeyClient(owner, organizationId, keys, overrides);
  const tokenWith = async (clientId: string, key: TestKey, kid: string | null = key.kid) => tokenByAssertion(app, await signAssertion(clientId, app.url, { key, kid }));
  const create = (publicKeys: unknown[]) => owner.errorOf(CREATE_KEYED, { input: { organizationId, name: "Keyed", environment: "LIVE", role: "reader", authMethod: "PRIVATE_KEY_JWT", publicKeys } });

  beforeAll(async () => {
    app = await startTestApp();
    const seeded = await seedOrganization(app, "Keyring", "keyring@acme.test", { maxApiClients: 50 });
    owner = seeded.session;
    organizationId = seeded.organization.id;
    [ed, ec] = [testKey("ed25519"), testKey("p256")];
  });

  afterAll(async () => {
    await app.close();
  });

  it("adds a key that verifies at once and removes one that stops at once, each audited with kid and thumbprint", async () => {
    const client = await keyClient([ed]);
    expect(wire(await tokenWith(client.clientId, ec))).toEqual(INVALID_CLIENT);
    const added = (await owner.ok(ADD, { id: client.id, key: { pem: ec.publicKey.export({ type: "spki", format: "pem" }) } })).addApiClientPublicKey;
    const ecKey = added.publicKeys[1];
    expect(ecKey).toMatchObject({ keyType: "EC/P-256", algorithm: "ES256", kid: ecKey.thumbprint, expired: false });
    // Given as PEM, the key's kid is its thumbprint.
    expect((await tokenWith(client.clientId, ec, ecKey.kid)).status).toBe(200);
    const remaining = (await owner.ok(REMOVE, { id: client.id, keyId: added.publicKeys[0].id })).removeApiClientPublicKey;
    expect(remaining.publicKeys.map((key: { id: string }) => key.id)).toEqual([ecKey.id]);
    expect(wire(await tokenByAssertion(app, await signAssertion(client.clientId, app.url, { key: ed, kid: null })))).toEqual(INVALID_CLIENT);
    expect((await tokenWith(client.clientId, ec, null)).status).toBe(200);
    const events = await app.app.dataSource.getRepository(AuditEvent).find({ where: { targetId: client.id }, order: { createdAt: "ASC" } });
    const keyEvents = events.filter((event) => event.action.startsWith("api_client.key_"));
    expect(keyEvents.map((event) => [event.action, event.changes])).toEqual([
      ["api_client.key_added", { kid: ecKey.kid, thumbprint: ecKey.thumbprint, keyType: "EC/P-256", expiresAt: null }],
      ["api_client.key_removed", { kid: ed.kid, thumbprint: added.publicKeys[0].thumbprint }],
    ]);
  });

  it("stops verifying with a key once it has expired", async () => {
    const client = await keyClient([ed, ec]);
    expect((await tokenWith(client.clientId, ed)).status).toBe(200);
    await app.app.dataSource.getRepository(ApiClientPublicKey).update({ apiClientId: client.id, kid: ed.kid }, { expiresAt: new Date(Date.now() - 1000) });
    app.app.services.clientStates.evict(client.clientId);
    expect(wire(await tokenWith(client.clientId, ed))).toEqual(INVALID_CLIENT);
    expect((await tokenWith(client.clientId, ec)).status).toBe(200);
    const keys = (await owner.ok(`query($id: ID!) { apiClient(id: $id) { ${KEY_FIELDS} } }`, { id: client.id })).apiClient.publicKeys;
    expect(keys.map((key: { kid: string; expired: boolean }) => [key.kid, key.expired])).toEqual([[ed.kid, true], [ec.kid, false]]);
  });

  it("never removes the last key, and refuses a key id of another client", async () => {
    const client = await keyClient([ed]);
    const other = await keyClient([ed, ec]);
    const [only] = client.apiClient.publicKeys;
    expect(reasons(await owner.errorOf(REMOVE, { id: client.id, keyId: only.id }))).toEqual({ code: "BAD_USER_INPUT", reasons: ["PUBLIC_KEY_LAST"] });
    expect((await owner.errorOf(REMOVE, { id: client.id, keyId: other.apiClient.publicKeys[0].id })).code).toBe("NOT_FOUND");
    expect((await tokenWith(client.clientId, ed)).status).toBe(200);
  });

  it("refuses RSA 1024, P-384, private JWKs, malformed PEM, a duplicate kid, and no keys or more than 10", async () => {
    const jwk = (pair: { publicKey: import("node:crypto").KeyObject }) => ({ jwk: pair.publicKey.export({ format: "jwk" }) });
    expect(reasons(await create([jwk(generateKeyPairSync("rsa", { modulusLength: 1024 }))]))).toEqual({ code: "BAD_USER_INPUT", reasons: ["PUBLIC_KEY_RSA_SIZE"] });
    expect(reasons(await create([jwk(generateKeyPairSync("ec", { namedCurve: "P-384" }))]))).toEqual({ code: "BAD_USER_INPUT", reasons: ["PUBLIC_KEY_TYPE"] });
    expect(reasons(await create([{ jwk: ed.privateKey.export({ format: "jwk" }) }]))).toEqual({ code: "BAD_USER_INPUT", reasons: ["PUBLIC_KEY_PRIVATE"] });
    expect(reasons(await create([{ pem: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n" }]))).toEqual({ code: "BAD_USER_INPUT", reasons: ["PUBLIC_KEY_INVALID"] });
    expect(reasons(await create([{ jwk: ed.publicJwk }, { jwk: { ...ec.publicJwk, kid: ed.kid } }]))).toEqual({ code: "BAD_USER_INPUT", reasons: ["PUBLIC_KEY_DUPLICATE"] });
    expect(reasons(await create([]))).toEqual({ code: "BAD_USER_INPUT", reasons: ["PUBLIC_KEYS_COUNT"] });
    const eleven = Array.from({ length: 11 }, () => ({ jwk: testKey("ed25519").publicJwk }));
    expect(reasons(await create(eleven))).toEqual({ code: "BAD_USER_INPUT", reasons: ["PUBLIC_KEYS_COUNT"] });
    expect(reasons(await owner.errorOf(CREATE_KEYED, { input: { organizationId, name: "Secret", role: "reader", publicKeys: [{ jwk: ed.publicJwk }] } }))).toEqual({ code: "BAD_USER_INPUT", reasons: ["PUBLIC_KEY_METHOD"] });
  });

  it("holds at most 10 keys and refuses a kid the client already has", async () => {
    const keys = Array.from({ length: 10 }, () => testKey("ed25519"));
    const client = await keyClient(keys);
    expect(client.apiClient.publicKeys).toHaveLength(10);
    expect(await owner.errorOf(ADD, { id: client.id, key: { jwk: ec.publicJwk } })).toMatchObject({ code: "LIMIT_EXCEEDED" });
    const small = await keyClient([ed]);
    expect(reasons(await owner.errorOf(ADD, { id: small.id, key: { jwk: { ...ec.publicJwk, kid: ed.kid } } }))).toEqual({ code: "BAD_USER_INPUT", reasons: ["PUBLIC_KEY_DUPLICATE"] });
  });

  it("has no secret: reset is CLIENT_SECRETLESS, a secret client takes no keys", async () => {
    const client = await keyClient([ed]);
    const error = await owner.request(RESET, { id: client.id });
    expect(error.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", reason: "CLIENT_SECRETLESS" } });
    const secretClient = await createClient(owner, organizationId);
    expect(reasons(await owner.errorOf(ADD, { id: secretClient.id, key: { jwk: ed.publicJwk } }))).toEqual({ code: "BAD_USER_INPUT", reasons: ["PUBLIC_KEY_METHOD"] });
  });

  it("checks permissions as updateApiClient does: viewers, other organizations and less privileged client tokens are refused", async () => {
    const client = await keyClient([ed], { role: "admin" });
    const [key] = client.apiClient.publicKeys;
    await addMember(app, organizationId, "viewer@acme.test", "VIEWER");
    const viewer = await signIn(app, "viewer@acme.test");
    expect((await viewer.errorOf(ADD, { id: client.id, key: { jwk: ec.publicJwk } })).code).toBe("FORBIDDEN");
    const stranger = (await seedOrganization(app, "Elsewhere", "elsewhere@acme.test")).session;
    expect((await stranger.errorOf(ADD, { id: client.id, key: { jwk: ec.publicJwk } })).code).toBe("NOT_FOUND");
    expect((await stranger.errorOf(REMOVE, { id: client.id, keyId: key.id })).code).toBe("NOT_FOUND");
    const automation = await createClient(owner, organizationId, { name: "Automation", role: null, permissions: ["api-clients.read", "api-clients.write"] });
    const token = (await tokenFor(app, automation.clientId, automation.secret)).body?.access_token as string;
    const bearer = new GraphQLSession(app.url, { authorization: `Bearer ${token}` });
    expect((await bearer.errorOf(ADD, { id: client.id, key: { jwk: ec.publicJwk } })).code).toBe("FORBIDDEN");
    const keys = (await owner.ok(`query($id: ID!) { apiClient(id: $id) { ${KEY_FIELDS} } }`, { id: client.id })).apiClient.publicKeys;
    expect(keys.map((entry: { kid: string }) => entry.kid)).toEqual([ed.kid]);
  });
});
