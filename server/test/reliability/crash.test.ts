import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createDataSource } from "../../src/db/data-source.js";
import { freePort } from "../support/free-port.js";
import { GraphQLSession, PASSWORD } from "../support/graphql-session.js";
import { startServerProcess } from "../support/server-process.js";
import { createTestDatabase, testDbKind, type TestDatabase } from "../support/test-database.js";

const CREATE = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiClient { id } } }`;
const RESET = `mutation($id: ID!) { resetApiClientSecret(id: $id, gracePeriodSeconds: 60) { clientSecret } }`;
const DELETE = `mutation($id: ID!) { deleteApiClient(id: $id) }`;
const RENAME = `mutation($id: ID!, $name: String!) { updateApiClient(id: $id, input: { name: $name }) { id } }`;

describe(`a server killed with SIGKILL mid-burst, on ${testDbKind()}`, () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await db.drop();
  });

  it("leaves every client whole or absent, no orphans, and a database that passes its integrity check", async () => {
    const env = { DATABASE_URL: db.url, LOG_LEVEL: "warn" };
    let server = await startServerProcess(env, await freePort());
    const owner = new GraphQLSession(server.url);
    const setup = await owner.ok(`mutation($input: SetupInput!) { setup(input: $input) { organization { id } } }`, {
      input: { organizationName: "Crash", name: "Owner", email: "owner@crash.test", password: PASSWORD },
    });
    const organizationId = setup.setup.organization.id as string;
    const existing: string[] = [];
    for (let i = 0; i < 4; i += 1) existing.push((await owner.ok(CREATE, { input: { organizationId, name: `Before ${i}`, environment: "LIVE" } })).createApiClient.apiClient.id);

    // A burst of mutations in flight, then the process dies without warning: as soon as the first
    // answer arrives, so the rest are still queued or running however fast the machine is.
    const burst = [
      ...Array.from({ length: 12 }, (_, i) => owner.request(CREATE, { input: { organizationId, name: `Burst ${i}`, environment: "LIVE" } })),
      owner.request(RESET, { id: existing[0] }),
      owner.request(RESET, { id: existing[1] }),
      owner.request(DELETE, { id: existing[2] }),
      ...Array.from({ length: 40 }, (_, i) => owner.request(RENAME, { id: existing[3], name: `Renamed ${i}` })),
    ].map((request) => request.catch(() => null));
    await Promise.race(burst);
    await server.stop("SIGKILL");
    const answers = await Promise.all(burst);
    // The kill landed mid-burst: some requests never got an answer.
    expect(answers.filter((answer) => answer === null).length).toBeGreaterThan(0);

    server = await startServerProcess(env, await freePort());
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    await server.stop();

    dataSource = createDataSource(loadConfig({ DATABASE_URL: db.url }).database);
    await dataSource.initialize();
    const q = (sql: string) => dataSource.query(sql) as Promise<Record<string, unknown>[]>;
    const clients = await q("SELECT id, secret_version FROM api_clients");
    for (const client of clients) {
      const secrets = await dataSource.query("SELECT version FROM api_client_secrets WHERE api_client_id = ?", [client.id]);
      expect(secrets.map((secret: { version: number }) => Number(secret.version))).toContain(Number(client.secret_version));
      const created = await dataSource.query("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'api_client.created' AND target_id = ?", [client.id]);
      expect(Number(created[0].n)).toBe(1);
    }
    expect(await q("SELECT s.id FROM api_client_secrets s LEFT JOIN api_clients c ON c.id = s.api_client_id WHERE c.id IS NULL")).toEqual([]);
    expect(await q("SELECT t.jti FROM access_tokens t LEFT JOIN api_clients c ON c.id = t.api_client_id WHERE c.id IS NULL")).toEqual([]);
    const [organization] = await q(`SELECT api_client_count FROM organizations WHERE id = '${organizationId}'`);
    expect(Number(organization.api_client_count)).toBe(clients.length);
    // A reset is whole or absent too: the version it moved to has its secret row.
    for (const id of existing.slice(0, 2)) {
      const [row] = await dataSource.query("SELECT secret_version FROM api_clients WHERE id = ?", [id]);
      const versions = await dataSource.query("SELECT version FROM api_client_secrets WHERE api_client_id = ?", [id]);
      expect(versions.map((secret: { version: number }) => Number(secret.version))).toContain(Number(row.secret_version));
    }
    if (testDbKind() === "sqlite") {
      expect(await q("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
      expect(await q("PRAGMA foreign_key_check")).toEqual([]);
    } else {
      for (const table of ["organizations", "api_clients", "api_client_secrets", "access_tokens", "audit_events"]) {
        const result = await q(`CHECK TABLE ${table}`);
        expect(result.at(-1)?.Msg_text).toBe("OK");
      }
    }
  });
});
