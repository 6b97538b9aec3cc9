import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/free-port.js";
import { runServerToExit, startServerProcess } from "../support/server-process.js";
import { createTestDatabase, testDbKind, type TestDatabase } from "../support/test-database.js";

describe(`the server process on ${testDbKind()}`, () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it("creates the schema on an empty database, serves /healthz and /readyz, and exits 0 on SIGTERM", async () => {
    const server = await startServerProcess({ DATABASE_URL: db.url }, await freePort());
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    expect(server.output()).toContain('"msg":"applied database migrations"');
    expect(await server.stop("SIGTERM")).toBe(0);
    expect(server.output()).toContain('"msg":"shutting down"');
  });

  it("starts again on the migrated database without applying anything", async () => {
    const server = await startServerProcess({ DATABASE_URL: db.url }, await freePort());
    expect(server.output()).not.toContain("applied database migrations");
    expect(await server.stop()).toBe(0);
  });

  it("prints one line naming DATABASE_URL, no stack, for a bad URL", async () => {
    const result = await runServerToExit({ DATABASE_URL: "postgres://user:pw@localhost/db" });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'Configuration error: DATABASE_URL must be sqlite:<file> or mysql://user:password@host:3306/database (got scheme "postgres")\n',
    );
  });

  it("prints one line when the database cannot be reached", async () => {
    const port = await freePort();
    const result = await runServerToExit({ DATABASE_URL: `mysql://clavis:pw@127.0.0.1:${port}/clavis` });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^Cannot open the database \(mysql\): connect ECONNREFUSED 127\.0\.0\.1:\d+\n$/);
    expect(result.stderr).not.toContain(":pw@");
  });
});
