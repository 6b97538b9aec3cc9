import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";
import { MIGRATIONS } from "../../src/db/migrations.js";
import { createTestDatabase, testDbKind, type TestDatabase } from "../support/test-database.js";

describe(`clavis migrate on ${testDbKind()}`, () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it("applies pending migrations, then reports none (json)", async () => {
    const first = await runCli(["migrate", "--format", "json"], { DATABASE_URL: db.url });
    expect(first).toEqual({ code: 0, stdout: `${JSON.stringify({ applied: MIGRATIONS.map((migration) => migration.name) })}\n`, stderr: "" });
    const second = await runCli(["migrate", "--format", "json"], { DATABASE_URL: db.url });
    expect(second).toEqual({ code: 0, stdout: '{"applied":[]}\n', stderr: "" });
  });

  it("says the database is up to date (text)", async () => {
    const result = await runCli(["migrate", "--format", "text"], { DATABASE_URL: db.url });
    expect(result).toEqual({ code: 0, stdout: "The database is up to date.\n", stderr: "" });
  });

  it("exits 1 with one line for an unknown option", async () => {
    const result = await runCli(["migrate", "--bogus", "--format", "text"], { DATABASE_URL: db.url });
    expect(result).toEqual({ code: 1, stdout: "", stderr: "USAGE: Unknown option '--bogus' (see clavis migrate --help)\n" });
  });

  it("exits 1 with a JSON error naming DATABASE_URL when it is bad", async () => {
    const result = await runCli(["migrate", "--format", "json"], { DATABASE_URL: "oracle://x" });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stderr)).toEqual({
      error: { code: "USAGE", message: 'Configuration error: DATABASE_URL must be sqlite:<file> or mysql://user:password@host:3306/database (got scheme "oracle")' },
    });
  });

  it("lists commands for --help and exits 0", async () => {
    const result = await runCli(["--help"], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^  clavis migrate +Apply pending database migrations/m);
    expect(result.stdout).toMatch(/^  clavis keys rotate +Add a new active signing key/m);
    expect(result.stdout).toMatch(/^  clavis keys list +List signing keys/m);
  });
});
