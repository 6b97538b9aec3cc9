import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "../support/run-cli.js";
import { createTestDatabase, testDbKind, type TestDatabase } from "../support/test-database.js";

const lines = (result: CliResult) => result.stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, any>);

/** Issue 17: the per-client controls from the clavis CLI, through the same services and rules. */
describe(`the clavis CLI's per-client controls on ${testDbKind()}`, () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  let organizationId: string;
  const cli = (args: string[]) => runCli(args, env);

  beforeAll(async () => {
    db = await createTestDatabase();
    env = { DATABASE_URL: db.url };
    expect((await cli(["migrate", "--format", "json"])).code).toBe(0);
    organizationId = lines(await cli(["org", "create", "--name", "Controls", "--format", "json"]))[0].id;
  });

  afterAll(async () => {
    await db.drop();
  });

  const create = async () => lines(await cli(["api-client", "create", "--org", organizationId, "--format", "json"]))[0];

  async function auditActions(targetId: string): Promise<{ action: string; actor: string }[]> {
    const { createDataSource } = await import("../../src/db/data-source.js");
    const { loadConfig } = await import("../../src/config.js");
    const dataSource = createDataSource(loadConfig({ DATABASE_URL: db.url }).database);
    await dataSource.initialize();
    try {
      const rows: { action: string; actor_label: string }[] = await dataSource.query("SELECT action, actor_label FROM audit_events WHERE target_id = ? ORDER BY created_at, id", [targetId]);
      return rows.map((row) => ({ action: row.action, actor: row.actor_label }));
    } finally {
      await dataSource.destroy();
    }
  }

  it("sets and clears a client's token lifetime and custom claims with api-client update", async () => {
    const client = await create();
    const set = await cli(["api-client", "update", "--id", client.clientId, "--token-ttl", "600", "--custom-claims", '{"tier":"gold","teams":["a"]}', "--format", "json"]);
    expect(set.code).toBe(0);
    expect(lines(set)[0]).toMatchObject({ accessTokenTtlSeconds: 600, customClaims: { tier: "gold", teams: ["a"] } });
    const cleared = await cli(["api-client", "update", "--id", client.clientId, "--token-ttl", "org", "--custom-claims", "{}", "--format", "json"]);
    expect(lines(cleared)[0]).toMatchObject({ accessTokenTtlSeconds: null, customClaims: {} });
    const text = await cli(["api-client", "update", "--id", client.clientId, "--custom-claims", '{"tier":"silver"}', "--format", "text"]);
    expect(text.stdout).toMatch(/^customClaims: +\{"tier":"silver"\}$/m);
  });

  it("refuses a reserved claim, an out-of-range lifetime and malformed options", async () => {
    const client = await create();
    expect(await cli(["api-client", "update", "--id", client.clientId, "--custom-claims", '{"sub":"admin"}', "--format", "text"])).toMatchObject({ code: 2, stderr: 'BAD_USER_INPUT: "sub" is a claim the token sets itself; choose another name\n' });
    expect(await cli(["api-client", "update", "--id", client.clientId, "--token-ttl", "30", "--format", "text"])).toMatchObject({ code: 2, stderr: "BAD_USER_INPUT: Token lifetime must be from 60 to 3600 seconds (the organization's)\n" });
    expect(await cli(["api-client", "update", "--id", client.clientId, "--token-ttl", "soon", "--format", "text"])).toMatchObject({ code: 1, stderr: 'USAGE: --token-ttl must be a whole number of seconds or org (got "soon")\n' });
    expect((await cli(["api-client", "update", "--id", client.clientId, "--custom-claims", "[1]", "--format", "text"])).stderr).toMatch(/^USAGE: --custom-claims must be a JSON object/);
  });

  it("disables, enables and revokes every token of a client, audited with actor cli", async () => {
    const client = await create();
    expect(lines(await cli(["api-client", "disable", "--id", client.clientId, "--format", "json"]))[0]).toMatchObject({ clientId: client.clientId, disabled: true });
    expect(lines(await cli(["api-client", "enable", "--id", client.clientId, "--format", "json"]))[0]).toMatchObject({ clientId: client.clientId, disabled: false });
    const revoked = lines(await cli(["api-client", "revoke-tokens", "--id", client.clientId, "--format", "json"]))[0];
    expect(revoked.tokensRevokedAt).toEqual(expect.any(String));
    expect(await auditActions(client.id)).toEqual([
      { action: "api_client.created", actor: "cli" },
      { action: "api_client.disabled", actor: "cli" },
      { action: "api_client.enabled", actor: "cli" },
      { action: "api_client.tokens_revoked", actor: "cli" },
    ]);
    expect(await cli(["api-client", "disable", "--id", "no-such-client", "--format", "text"])).toMatchObject({ code: 3, stderr: "NOT_FOUND: No API client has the id no-such-client\n" });
  });
});
