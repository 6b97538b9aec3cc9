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
    expect(down.status).toBe(500);
    expect(down.body).toEqual({ error: "server_error", error_description: "An unexpected error occurred" });
    const graphql = await owner.request(`query($id: ID!) { organization(id: $id) { name } }`, { id: setup.organization.id });
    expect(graphql.errors?.[0]).toMatchObject({ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(JSON.stringify(graphql.errors)).not.toMatch(/ECONNREFUSED|at \w|mysql/i);

    await mysql.resume();
    await waitForReadyz(server.url, 200);
    let recovered = await token();
    for (let attempt = 0; attempt < 20 && recovered.status !== 200; attempt += 1) {
      await sleep(200);
      recovered = await token();
    }
    expect(recovered.status).toBe(200);
    expect((await owner.ok(`query($id: ID!) { organization(id: $id) { name } }`, { id: setup.organization.id })).organization.name).toBe("Away");
  });
});
