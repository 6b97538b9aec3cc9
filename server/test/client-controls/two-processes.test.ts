import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/free-port.js";
import { GraphQLSession, PASSWORD } from "../support/graphql-session.js";
import { basic, postForm } from "../support/oauth-http.js";
import { startServerProcess, type ServerProcess } from "../support/server-process.js";
import { createTestDatabase, testDbKind, type TestDatabase } from "../support/test-database.js";
import { REVOKE_TOKENS, SET_DISABLED } from "./controls-queries.js";

// The revocation rule of server/test/tokens/two-processes.test.ts: another node sees a change within a second.
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const CREATE = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiClient { id clientId } clientSecret } }`;

/** Issue 17: disable, enable and revoke-all made through one node hold on another, though it had just checked the token. */
describe(`per-client controls across two server processes on one ${testDbKind()} database`, () => {
  let db: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  let owner: GraphQLSession;
  let organizationId: string;
  let inspector: { clientId: string; secret: string };

  const token = (server: ServerProcess, client: { clientId: string; secret: string }) => postForm(server.url, "/token", { grant_type: "client_credentials" }, { authorization: basic(client.clientId, client.secret) });
  const active = async (server: ServerProcess, accessToken: string) => (await postForm(server.url, "/introspect", { token: accessToken }, { authorization: basic(inspector.clientId, inspector.secret) })).body?.active;
  const create = async (input: Record<string, unknown>) => {
    const { createApiClient } = await owner.ok(CREATE, { input: { organizationId, environment: "LIVE", ...input } });
    return { id: createApiClient.apiClient.id as string, clientId: createApiClient.apiClient.clientId as string, secret: createApiClient.clientSecret as string };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
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

  it("a client disabled through one process is refused, and its token inactive, on the other within a second; enabled, both work again", async () => {
    const client = await create({ name: "Disabled elsewhere", role: "reader" });
    const issued = (await token(b, client)).body?.access_token as string;
    expect(await active(b, issued)).toBe(true);
    await owner.ok(SET_DISABLED, { id: client.id, disabled: true });
    await sleep(1000);
    expect(await active(b, issued)).toBe(false);
    expect((await token(b, client)).status).toBe(401);

    await owner.ok(SET_DISABLED, { id: client.id, disabled: false });
    await sleep(1000);
    expect(await active(b, issued)).toBe(true);
    expect((await token(b, client)).status).toBe(200);
  });

  it("tokens revoked all at once through one process are inactive on the other within a second; later ones work on both", async () => {
    const client = await create({ name: "Revoked elsewhere", role: "reader" });
    const issued = (await token(b, client)).body?.access_token as string;
    expect(await active(b, issued)).toBe(true);
    await owner.ok(REVOKE_TOKENS, { id: client.id });
    await sleep(1000);
    expect(await active(b, issued)).toBe(false);
    const later = (await token(b, client)).body?.access_token as string;
    expect(await active(a, later)).toBe(true);
    expect(await active(b, later)).toBe(true);
  });
});
