import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "../support/run-cli.js";
import { createTestDatabase, testDbKind, type TestDatabase } from "../support/test-database.js";

const GITHUB = "https://token.actions.githubusercontent.com";
const lines = (result: CliResult) => result.stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, any>);

describe(`federated credentials in the clavis CLI on ${testDbKind()}`, () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  let organizationId: string;
  const cli = (args: string[]) => runCli(args, env);

  beforeAll(async () => {
    db = await createTestDatabase();
    env = { DATABASE_URL: db.url, CLAVIS_FEDERATION_ISSUERS: GITHUB };
    expect((await cli(["migrate", "--format", "json"])).code).toBe(0);
    organizationId = lines(await cli(["org", "create", "--name", "Deployers", "--format", "json"]))[0].id;
  });

  afterAll(async () => {
    await db.drop();
  });

  it("creates a FEDERATED client with --auth federated and --federated, with no secret, then adds and removes credentials", async () => {
    const created = await cli(["api-client", "create", "--org", organizationId, "--name", "Deploy", "--auth", "federated", "--federated", `issuer=${GITHUB},audience=https://clavis.example.test,subject=repo:acme/app:ref:refs/heads/main,name=main branch`, "--format", "json"]);
    expect(created.code).toBe(0);
    const [client] = lines(created);
    expect(client).toMatchObject({ authMethod: "FEDERATED", federatedCredentials: [{ name: "main branch", issuer: GITHUB, audience: "https://clavis.example.test", subject: "repo:acme/app:ref:refs/heads/main" }] });
    expect(client).not.toHaveProperty("clientSecret");

    const added = await cli(["api-client", "federated", "add", "--id", client.clientId, "--federated", `issuer=${GITHUB},audience=https://clavis.example.test,subject=repo:acme/app:environment:prod`, "--format", "json"]);
    expect(added.code).toBe(0);
    expect(lines(added).map((row) => [row.clientId, row.subject, row.name])).toEqual([
      [client.clientId, "repo:acme/app:ref:refs/heads/main", "main branch"],
      [client.clientId, "repo:acme/app:environment:prod", "repo:acme/app:environment:prod"],
    ]);
    const removed = await cli(["api-client", "federated", "remove", "--id", client.clientId, "--credential-id", client.federatedCredentials[0].id, "--format", "json"]);
    expect(lines(removed).map((row) => row.subject)).toEqual(["repo:acme/app:environment:prod"]);
    const last = await cli(["api-client", "federated", "remove", "--id", client.clientId, "--credential-id", lines(removed)[0].id, "--format", "json"]);
    expect(last).toMatchObject({ code: 2, stdout: "" });
    expect(JSON.parse(last.stderr)).toEqual({ error: { code: "BAD_USER_INPUT", message: "A federated client keeps at least one federated credential; add another first" } });
  });

  it("refuses an issuer off CLAVIS_FEDERATION_ISSUERS and a malformed --federated", async () => {
    const offList = await cli(["api-client", "create", "--org", organizationId, "--auth", "federated", "--federated", "issuer=https://evil.example.com,audience=a,subject=s", "--format", "json"]);
    expect(offList.code).toBe(2);
    expect(JSON.parse(offList.stderr)).toEqual({ error: { code: "BAD_USER_INPUT", message: "This issuer is not on the server's list of trusted issuers (CLAVIS_FEDERATION_ISSUERS)" } });
    const malformed = await cli(["api-client", "create", "--org", organizationId, "--auth", "federated", "--federated", `issuer=${GITHUB},subject`, "--format", "json"]);
    expect(malformed.code).toBe(1);
    expect(JSON.parse(malformed.stderr).error.message).toBe('--federated takes issuer=URL,audience=AUD,subject=SUB[,name=NAME] (bad part "subject")');
  });
});
