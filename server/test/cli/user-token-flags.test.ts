import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "../support/run-cli.js";
import { createTestDatabase, testDbKind, type TestDatabase } from "../support/test-database.js";

const lines = (result: CliResult) => result.stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, any>);

/** Issue 15: Decidim's `api-client create --allow-login --allow-impersonate`, and the flags in get and update. */
describe(`the clavis CLI's user-token flags on ${testDbKind()}`, () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  let organizationId: string;
  const cli = (args: string[]) => runCli(args, env);

  beforeAll(async () => {
    db = await createTestDatabase();
    env = { DATABASE_URL: db.url };
    expect((await cli(["migrate", "--format", "json"])).code).toBe(0);
    organizationId = lines(await cli(["org", "create", "--name", "Decidim", "--format", "json"]))[0].id;
  });

  afterAll(async () => {
    await db.drop();
  });

  it("runs Decidim's create examples with both flags, and shows the flags in get", async () => {
    const system = await cli(["api-client", "create", "--scope", "system", "--allow-login", "--allow-impersonate", "--format", "json"]);
    expect(system.code).toBe(0);
    expect(lines(system)[0]).toMatchObject({ organizationId: null, scopes: ["system"], permissions: [], allowLogin: true, allowImpersonate: true });
    const blogs = await cli(["api-client", "create", "--scope", "blogs", "--permission", "blogs.read", "--organization-id", organizationId, "--allow-login", "--allow-impersonate", "--format", "json"]);
    expect(blogs.code).toBe(0);
    const [client] = lines(blogs);
    expect(client).toMatchObject({ organizationId, scopes: ["blogs"], permissions: ["blogs.read"], allowLogin: true, allowImpersonate: true });
    expect(lines(await cli(["api-client", "get", "--id", client.clientId, "--format", "json"]))[0]).toMatchObject({ clientId: client.clientId, allowLogin: true, allowImpersonate: true });
    const plain = lines(await cli(["api-client", "create", "--org", organizationId, "--format", "json"]))[0];
    expect(plain).toMatchObject({ allowLogin: false, allowImpersonate: false });
  });

  it("lists both flags in create --help", async () => {
    const help = await cli(["api-client", "create", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ +--allow-login +The client may get tokens for a platform user/m);
    expect(help.stdout).toMatch(/^ +--allow-impersonate +The client may get tokens acting for a platform user on its own word$/m);
  });

  it("sets and clears the flags with api-client update, audited with actor cli", async () => {
    const [client] = lines(await cli(["api-client", "create", "--org", organizationId, "--name", "Portal", "--allow-impersonate", "--format", "json"]));
    const updated = await cli(["api-client", "update", "--id", client.clientId, "--allow-login", "--no-allow-impersonate", "--format", "json"]);
    expect(updated.code).toBe(0);
    expect(lines(updated)[0]).toMatchObject({ clientId: client.clientId, name: "Portal", allowLogin: true, allowImpersonate: false });
    const { createDataSource } = await import("../../src/db/data-source.js");
    const { loadConfig } = await import("../../src/config.js");
    const dataSource = createDataSource(loadConfig({ DATABASE_URL: db.url }).database);
    await dataSource.initialize();
    try {
      const rows: { actor_label: string; changes: string | Record<string, unknown> }[] = await dataSource.query("SELECT actor_label, changes FROM audit_events WHERE action = 'api_client.updated' AND target_id = ?", [client.id]);
      expect(rows.map((row) => ({ actor: row.actor_label, changes: typeof row.changes === "string" ? JSON.parse(row.changes) : row.changes }))).toEqual([
        { actor: "cli", changes: { allowLogin: { from: false, to: true }, allowImpersonate: { from: true, to: false } } },
      ]);
    } finally {
      await dataSource.destroy();
    }
  });

  it("refuses contradictory or empty updates as usage errors", async () => {
    const [client] = lines(await cli(["api-client", "create", "--org", organizationId, "--format", "json"]));
    expect(await cli(["api-client", "update", "--id", client.clientId, "--allow-login", "--no-allow-login", "--format", "text"])).toMatchObject({ code: 1, stderr: "USAGE: Give --allow-login or --no-allow-login, not both\n" });
    expect(await cli(["api-client", "update", "--id", client.clientId, "--format", "text"])).toMatchObject({ code: 1, stderr: "USAGE: Nothing to change: give --name, --description, --token-ttl, --custom-claims or a flag (see clavis api-client update --help)\n" });
    expect(await cli(["api-client", "create", "--org", organizationId, "--organization-id", organizationId, "--format", "text"])).toMatchObject({ code: 1, stderr: "USAGE: Give --org or --organization-id, not both\n" });
  });
});
