import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/free-port.js";
import { GraphQLSession, PASSWORD } from "../support/graphql-session.js";
import { basic, postForm } from "../support/oauth-http.js";
import { startServerProcess, type ServerProcess } from "../support/server-process.js";
import { createTestDatabase, testDbKind, type TestDatabase } from "../support/test-database.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const LIST = `query($org: ID!) { apiClients(organizationId: $org) { edges { node { name } } } }`;
const CREATE = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiClient { id clientId } clientSecret } }`;

describe(`two server processes on one ${testDbKind()} database`, () => {
  let db: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  let owner: GraphQLSession;
  let organizationId: string;
  let inspector: { clientId: string; secret: string };

  const token = async (server: ServerProcess, clientId: string, secret: string) =>
    postForm(server.url, "/token", { grant_type: "client_credentials" }, { authorization: basic(clientId, secret) });
  const active = async (server: ServerProcess, accessToken: string) =>
    (await postForm(server.url, "/introspect", { token: accessToken }, { authorization: basic(inspector.clientId, inspector.secret) })).body?.active;
  const create = async (input: Record<string, unknown>) => {
    const { createApiClient } = await owner.ok(CREATE, { input: { organizationId, environment: "LIVE", ...input } });
    return { id: createApiClient.apiClient.id as string, clientId: createApiClient.apiClient.clientId as string, secret: createApiClient.clientSecret as string };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    // One deployment behind a load balancer: one database, one public issuer.
    const env = { DATABASE_URL: db.url, LOG_LEVEL: "warn", CLAVIS_ISSUER: "https://clavis.example.test" };
    a = await startServerProcess(env, await freePort());
    b = await startServerProcess(env, await freePort());
    owner = new GraphQLSession(a.url);
    const setup = await owner.ok(`mutation($input: SetupInput!) { setup(input: $input) { organization { id } } }`, {
      input: { organizationName: "Shared", name: "Owner", email: "owner@shared.test", password: PASSWORD },
    });
    organizationId = setup.setup.organization.id;
    inspector = await create({ name: "Inspector", permissions: ["tokens.introspect"] });
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db.drop();
  });

  it("a secret reset through one process stops the old secret and its tokens on the other within a second", async () => {
    const client = await create({ name: "Rotated", role: "reader" });
    const issued = (await token(b, client.clientId, client.secret)).body?.access_token;
    expect(await active(b, issued)).toBe(true);
    await owner.ok(`mutation($id: ID!) { resetApiClientSecret(id: $id) { clientSecret } }`, { id: client.id });
    await sleep(1000);
    expect(await active(b, issued)).toBe(false);
    expect((await token(b, client.clientId, client.secret)).status).toBe(401);
  });

  it("a client deleted through one process stops working on the other within a second", async () => {
    const client = await create({ name: "Deleted", role: "reader" });
    const issued = (await token(b, client.clientId, client.secret)).body?.access_token;
    await owner.ok(`mutation($id: ID!) { deleteApiClient(id: $id) }`, { id: client.id });
    await sleep(1000);
    expect(await active(b, issued)).toBe(false);
    expect((await token(b, client.clientId, client.secret)).status).toBe(401);
  });

  it("refuses a token with invalid_client, never a 500, when the client was deleted through the other process after this one last read it", async () => {
    const client = await create({ name: "Deleted under way", role: "reader" });
    const others = await Promise.all([create({ name: "Bystander 1", role: "reader" }), create({ name: "Bystander 2", role: "reader" })]);
    expect((await token(b, client.clientId, client.secret)).status).toBe(200);
    await owner.ok(`mutation($id: ID!) { deleteApiClient(id: $id) }`, { id: client.id });
    // b may still hold the client's state (it is kept up to half a second): its token row then has no client.
    const answers = await Promise.all([token(b, client.clientId, client.secret), ...others.map((other) => token(b, other.clientId, other.secret))]);
    expect(answers[0].status).toBe(401);
    expect(answers[0].body).toEqual({ error: "invalid_client", error_description: "Client authentication failed" });
    expect(answers.slice(1).map((answer) => answer.status)).toEqual([200, 200]);
  });

  it("a token revoked through one process is inactive on the other within a second, though the other had just checked it", async () => {
    const client = await create({ name: "Revoked", role: "reader" });
    const issued = (await token(a, client.clientId, client.secret)).body?.access_token;
    expect(await active(b, issued)).toBe(true);
    expect((await postForm(a.url, "/revoke", { token: issued }, { authorization: basic(client.clientId, client.secret) })).status).toBe(200);
    expect(await active(a, issued)).toBe(false);
    await sleep(1000);
    expect(await active(b, issued)).toBe(false);
  });

  it("a client list read through one process shows a change made through the other at once", async () => {
    const reader = new GraphQLSession(b.url);
    reader.cookie = owner.cookie;
    const names = async () => ((await reader.ok(LIST, { org: organizationId })).apiClients.edges as { node: { name: string } }[]).map((edge) => edge.node.name);
    const before = await names();
    expect(await names()).toEqual(before);
    const client = await create({ name: "Listed elsewhere", role: "reader" });
    expect(await names()).toEqual([...before, "Listed elsewhere"]);
    await owner.ok(`mutation($id: ID!) { deleteApiClient(id: $id) }`, { id: client.id });
    expect(await names()).toEqual(before);
  });

  it("tokens from either process verify on the other (one key set, one issuer)", async () => {
    const client = await create({ name: "Shared keys", role: "reader" });
    const fromA = (await token(a, client.clientId, client.secret)).body?.access_token;
    const fromB = (await token(b, client.clientId, client.secret)).body?.access_token;
    expect(await active(b, fromA)).toBe(true);
    expect(await active(a, fromB)).toBe(true);
  });
});
