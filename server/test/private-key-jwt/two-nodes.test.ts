import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKeyClient, INVALID_CLIENT, JWT_BEARER, signAssertion, testKey, type TestKey } from "../support/client-keys.js";
import { freePort } from "../support/free-port.js";
import { GraphQLSession, PASSWORD } from "../support/graphql-session.js";
import { postForm } from "../support/oauth-http.js";
import { startServerProcess, type ServerProcess } from "../support/server-process.js";
import { createTestDatabase, testDbKind, type TestDatabase } from "../support/test-database.js";

const ISSUER = "https://clavis.example.test";
const ADD = `mutation($id: ID!, $key: ClientPublicKeyInput!) { addApiClientPublicKey(id: $id, key: $key) { id } }`;
const REMOVE = `mutation($id: ID!, $keyId: ID!) { removeApiClientPublicKey(id: $id, keyId: $keyId) { id } }`;
const wire = (response: { status: number; body: unknown }) => ({ status: response.status, body: response.body });

describe(`private_key_jwt on two server processes sharing one ${testDbKind()} database`, () => {
  let db: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  let owner: GraphQLSession;
  let organizationId: string;

  const token = (server: ServerProcess, assertion: string) => postForm(server.url, "/token", { grant_type: "client_credentials", client_assertion_type: JWT_BEARER, client_assertion: assertion });
  const assertion = (clientId: string, key: TestKey, options: Partial<Parameters<typeof signAssertion>[2]> = {}) => signAssertion(clientId, ISSUER, { key, ...options });

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { DATABASE_URL: db.url, LOG_LEVEL: "warn", CLAVIS_ISSUER: ISSUER };
    a = await startServerProcess(env, await freePort());
    b = await startServerProcess(env, await freePort());
    owner = new GraphQLSession(a.url);
    const setup = await owner.ok(`mutation($input: SetupInput!) { setup(input: $input) { organization { id } } }`, {
      input: { organizationName: "Shared", name: "Owner", email: "owner@shared.test", password: PASSWORD },
    });
    organizationId = setup.setup.organization.id;
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db.drop();
  });

  it("refuses on one process a jti used on the other, in either audience form", async () => {
    const ed = testKey("ed25519");
    const client = await createKeyClient(owner, organizationId, [ed]);
    const jti = randomUUID();
    const used = await assertion(client.clientId, ed, { jti });
    expect((await token(a, used)).status).toBe(200);
    expect(wire(await token(b, used))).toEqual(INVALID_CLIENT);
    expect(wire(await token(b, await assertion(client.clientId, ed, { jti, aud: `${ISSUER}/token` })))).toEqual(INVALID_CLIENT);
    expect((await token(b, await assertion(client.clientId, ed))).status).toBe(200);
  });

  it("verifies at once on the other process a key added through one, and stops a removed key there", async () => {
    const [first, second] = [testKey("ed25519"), testKey("p256")];
    const client = await createKeyClient(owner, organizationId, [first]);
    // b now holds the client, with only the first key.
    expect((await token(b, await assertion(client.clientId, first))).status).toBe(200);
    await owner.ok(ADD, { id: client.id, key: { jwk: second.publicJwk } });
    expect((await token(b, await assertion(client.clientId, second))).status).toBe(200);
    await owner.ok(REMOVE, { id: client.id, keyId: client.apiClient.publicKeys[0].id });
    // The other process drops its copy of the client within its cache age (500 ms); allow 20 s.
    let refused = false;
    for (let attempt = 0; attempt < 80 && !refused; attempt += 1) {
      refused = (await token(b, await assertion(client.clientId, first))).status === 401;
      if (!refused) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(refused).toBe(true);
    expect((await token(b, await assertion(client.clientId, second))).status).toBe(200);
  });
});
