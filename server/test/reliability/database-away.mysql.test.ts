import { createConnection } from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/free-port.js";
import { GraphQLSession, PASSWORD } from "../support/graphql-session.js";
import { startMysqlServer, type MysqlServer } from "../support/mysql-server.js";
import { basic, postForm } from "../support/oauth-http.js";
import { startServerProcess, type ServerProcess } from "../support/server-process.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForReadyz(url: string, status: number, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const answer = await fetch(`${url}/readyz`).then((response) => response.status, () => 0);
    if (answer === status) return;
    if (Date.now() - started > timeoutMs) throw new Error(`/readyz did not answer ${status} within ${timeoutMs} ms (last ${answer})`);
    await sleep(100);
  }
}

describe("the MySQL server going away and coming back", () => {
  let mysql: MysqlServer;
  let server: ServerProcess;

  beforeAll(async () => {
    mysql = await startMysqlServer();
    const admin = await createConnection({ uri: mysql.url });
    await admin.query("CREATE DATABASE clavis CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    await admin.end();
    server = await startServerProcess({ DATABASE_URL: mysql.url.replace(/\/mysql$/, "/clavis"), LOG_LEVEL: "warn" }, await freePort());
  });

  afterAll(async () => {
    await server?.stop();
    await mysql?.stop();
  });

  it("answers /readyz 503 and clean errors while it is down, and resumes by itself", async () => {
    const owner = new GraphQLSession(server.url);
    const { setup } = await owner.ok(`mutation($input: SetupInput!) { setup(input: $input) { organization { id } } }`, {
      input: { organizationName: "Away", name: "Owner", email: "owner@away.test", password: PASSWORD },
    });
    const { createApiClient } = await owner.ok(`mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiClient { clientId } clientSecret } }`, {
      input: { organizationId: setup.organization.id, name: "Survivor", environment: "LIVE", role: "reader" },
    });
    const token = () => postForm(server.url, "/token", { grant_type: "client_credentials" }, { authorization: basic(createApiClient.apiClient.clientId, createApiClient.clientSecret) });
    expect((await token()).status).toBe(200);

    await mysql.pause();
    await waitForReadyz(server.url, 503);
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: "unavailable", reason: "database unreachable" });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await sleep(600); // past the client-state cache, so /token needs the database
    const down = await token();
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("5");
    expect(down.body).toEqual({ error: "temporarily_unavailable", error_description: "The service is temporarily unavailable. Retry after 5 seconds." });
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await token()).status).toBe(503);
    const graphqlAnswer = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: owner.cookie ?? "" },
      body: JSON.stringify({ query: `query($id: ID!) { organization(id: $id) { name } }`, variables: { id: setup.organization.id } }),
    });
    expect(graphqlAnswer.status).toBe(503);
    expect(graphqlAnswer.headers.get("retry-after")).toBe("5");
    const graphql = (await graphqlAnswer.json()) as { errors?: { message: string; extensions?: unknown }[] };
    expect(graphql.errors?.[0]).toMatchObject({ message: "The service is temporarily unavailable. Retry after 5 seconds.", extensions: { code: "SERVICE_UNAVAILABLE", retryAfterSeconds: 5 } });
    expect(JSON.stringify(graphql.errors)).not.toMatch(/ECONNREFUSED|at \w|mysql/i);
    // One line for the outage, not one per failed request.
    expect(server.output().match(/database unreachable: requests are answered 503/g)?.length).toBe(1);
    expect(server.output()).not.toMatch(/unexpected error/);

    await mysql.resume();
    await waitForReadyz(server.url, 200);
    let recovered = await token();
    for (let attempt = 0; attempt < 20 && recovered.status !== 200; attempt += 1) {
      await sleep(200);
      recovered = await token();
    }
    expect(recovered.status).toBe(200);
    expect((await owner.ok(`query($id: ID!) { organization(id: $id) { name } }`, { id: setup.organization.id })).organization.name).toBe("Away");
    expect(server.output().match(/database reachable again/g)?.length).toBe(1);
  });

  it("connects to the next host of DATABASE_URL when the first one refuses connections", async () => {
    const deadPort = await freePort();
    const url = mysql.url.replace(/@127\.0\.0\.1:(\d+)\/mysql$/, `@127.0.0.1:${deadPort},127.0.0.1:$1/clavis`);
    expect(url).toContain(`,127.0.0.1:`);
    const second = await startServerProcess({ DATABASE_URL: url, LOG_LEVEL: "warn" }, await freePort());
    try {
      const answer = await postForm(second.url, "/token", { grant_type: "client_credentials" }, { authorization: basic("nobody", "wrong") });
      expect(answer.status).toBe(401);
      expect(second.output()).toContain(`"from":"127.0.0.1:${deadPort}"`);
    } finally {
      await second.stop();
    }
  });
});
