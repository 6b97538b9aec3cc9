import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/free-port.js";
import { GraphQLSession, PASSWORD } from "../support/graphql-session.js";
import { basic, postForm } from "../support/oauth-http.js";
import { startServerProcess, type ServerProcess } from "../support/server-process.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`;

// Two nodes behind a balancer: an attacker who spreads guesses over them gets one allowance, not two.
describe("throttling shared by two server processes on one MySQL database", () => {
  let db: TestDatabase;
  let nodes: ServerProcess[];
  let client: { clientId: string; secret: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { DATABASE_URL: db.url, LOG_LEVEL: "warn", CLAVIS_ISSUER: "https://clavis.shared.test", CLAVIS_TRUST_PROXY: "loopback" };
    nodes = [await startServerProcess(env, await freePort()), await startServerProcess(env, await freePort())];
    const owner = new GraphQLSession(nodes[0].url);
    const { setup } = await owner.ok(`mutation($input: SetupInput!) { setup(input: $input) { organization { id } } }`, {
      input: { organizationName: "Shared", name: "Owner", email: "owner@shared-throttle.test", password: PASSWORD },
    });
    const { createApiClient } = await owner.ok(`mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiClient { clientId } clientSecret } }`, {
      input: { organizationId: setup.organization.id, name: "Target", environment: "LIVE", role: "reader" },
    });
    client = { clientId: createApiClient.apiClient.clientId, secret: createApiClient.clientSecret };
  });

  afterAll(async () => {
    await Promise.all((nodes ?? []).map((node) => node.stop()));
    await db?.drop();
  });

  it("refuses the eleventh wrong secret for one client from one address, however the ten were spread over the nodes", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const answer = await postForm(nodes[attempt % 2].url, "/token", { grant_type: "client_credentials" }, { authorization: basic(client.clientId, `${client.secret}x`) });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
    const right = await postForm(nodes[1].url, "/token", { grant_type: "client_credentials" }, { authorization: basic(client.clientId, client.secret) });
    expect(right.status).toBe(429);
    expect(right.body).toMatchObject({ error: "temporarily_unavailable" });
  });

  it("spends one hash budget for an address across the nodes: the 21st password check is refused", async () => {
    const codes: (string | undefined)[] = [];
    for (let attempt = 0; attempt < 22; attempt += 1) {
      const session = new GraphQLSession(nodes[attempt % 2].url, { "x-forwarded-for": "203.0.113.9" });
      codes.push((await session.errorOf(LOGIN, { email: `nobody${attempt}@shared-throttle.test`, password: "wrong password here" })).code);
    }
    expect(codes.slice(0, 20)).toEqual(Array(20).fill("UNAUTHENTICATED"));
    expect(codes.slice(20)).toEqual(["TOO_MANY_REQUESTS", "TOO_MANY_REQUESTS"]);
  });
});
