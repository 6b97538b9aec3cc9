import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "../support/run-cli.js";
import { createTestDatabase, testDbKind, type TestDatabase } from "../support/test-database.js";

const lines = (result: CliResult) => result.stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, any>);

describe(`the clavis CLI on ${testDbKind()}`, () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  let organizationId: string;
  let clientId: string;
  const cli = (args: string[], stdin?: string) => runCli([...args], env, stdin);

  beforeAll(async () => {
    db = await createTestDatabase();
    env = { DATABASE_URL: db.url };
    expect((await cli(["migrate", "--format", "json"])).code).toBe(0);
  });

  afterAll(async () => {
    await db.drop();
  });

  it("creates, lists and updates organizations", async () => {
    const created = await cli(["org", "create", "--name", "Acme AB", "--max-clients", "3", "--max-tokens", "5", "--token-ttl", "600", "--api-clients", "on", "--format", "json"]);
    expect(created.code).toBe(0);
    const [organization] = lines(created);
    organizationId = organization.id;
    expect(organization).toMatchObject({ name: "Acme AB", slug: expect.stringMatching(/^acme-ab-[a-z2-9]{4}$/), apiClientsEnabled: true, limits: { maxApiClients: 3, maxTokensPerClient: 5, accessTokenTtlSeconds: 600 } });
    const updated = lines(await cli(["org", "update", "--id", organizationId, "--name", "Acme", "--max-clients", "4", "--format", "json"]))[0];
    expect(updated).toMatchObject({ name: "Acme", limits: { maxApiClients: 4 } });
    const listed = await cli(["org", "list", "--format", "text"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^name: +Acme$/m);
    expect(listed.stdout).toMatch(/^maxApiClients: +4$/m);
  });

  it("creates users with a password from stdin, or a generated one printed once", async () => {
    const fromStdin = await cli(["user", "create", "--email", "owner@acme.test", "--org", organizationId, "--role", "owner", "--password-stdin", "--format", "json"], "a long enough password\n");
    expect(fromStdin.code).toBe(0);
    expect(lines(fromStdin)[0]).toEqual({ userId: expect.any(String), email: "owner@acme.test", name: "owner", role: "OWNER", organizationId });
    const generated = lines(await cli(["user", "create", "--email", "viewer@acme.test", "--org", organizationId, "--role", "viewer", "--format", "json"]))[0];
    expect(generated.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const tooShort = await cli(["user", "create", "--email", "x@acme.test", "--org", organizationId, "--role", "viewer", "--password-stdin", "--format", "text"], "short");
    expect(tooShort).toMatchObject({ code: 2, stdout: "" });
    expect(tooShort.stderr).toBe("BAD_USER_INPUT: Password must be at least 10 characters (no user has this e-mail yet)\n");
  });

  it("creates an API client with no permissions by default, named after its id, secret shown once", async () => {
    const created = await cli(["api-client", "create", "--org", organizationId, "--format", "json"]);
    expect(created.code).toBe(0);
    const [client] = lines(created);
    expect(client).toMatchObject({ organizationId, permissions: [], environment: "LIVE", createdBy: "cli", clientSecret: expect.stringMatching(/^clv_live_/) });
    expect(client.name).toBe(`API Client ***${client.clientId.slice(-4)}`);
    const got = await cli(["api-client", "get", "--id", client.clientId, "--format", "json"]);
    expect(got.stdout).not.toContain(client.clientSecret);
    expect(lines(got)[0]).not.toHaveProperty("clientSecret");
  });

  it("creates a client with every option, and a fixed secret from stdin", async () => {
    const secret = "fixed-Test-Secret-0123456789-abcdefghijkl";
    const created = await cli(
      ["api-client", "create", "--org", organizationId, "--name", "Reporting", "--id", "reporting", "--role", "reader", "--perm", "blogs.create", "--scope", "blogs", "--scope", "flows",
        "--environment", "staging", "--expires", "2099-01-31", "--allowed-ip", "10.0.0.0/8", "--allowed-ip", "::1", "--redirect-uri", "https://app.example.com/cb", "--secret-stdin", "--format", "json"],
      `${secret}\n`,
    );
    expect(created.code).toBe(0);
    const [client] = lines(created);
    clientId = client.clientId;
    expect(client).toMatchObject({
      clientId: expect.stringMatching(/^acme-ab-[a-z2-9]{4}\.reporting$/),
      name: "Reporting",
      environment: "STAGING",
      permissions: ["blogs.read", "blogs.create", "flows.read"],
      scopes: ["blogs", "flows"],
      expiresAt: "2099-01-31T23:59:59.999Z",
      allowedIps: ["10.0.0.0/8", "::1"],
      redirectUris: ["https://app.example.com/cb"],
      clientSecret: secret,
    });
    const weak = await cli(["api-client", "create", "--org", organizationId, "--secret-stdin", "--format", "text"], "password123");
    expect(weak.code).toBe(2);
    expect(weak.stderr).toBe("BAD_USER_INPUT: The secret must be at least 32 characters, mix at least 12 different characters\n");
  });

  it("grants and revokes within the client's scopes", async () => {
    expect(lines(await cli(["api-client", "grant", "--id", clientId, "--permission", "blogs.write", "--format", "json"]))[0].permissions).toEqual(["blogs.read", "blogs.create", "blogs.write", "flows.read"]);
    expect(lines(await cli(["api-client", "revoke", "--id", clientId, "--perm", "blogs.read,flows.read", "--format", "json"]))[0].permissions).toEqual([]);
    const outside = await cli(["api-client", "grant", "--id", clientId, "--permission", "api.read", "--format", "json"]);
    expect(outside.code).toBe(2);
    expect(JSON.parse(outside.stderr)).toEqual({ error: { code: "BAD_USER_INPUT", message: "Outside the client's scopes (blogs, flows): api.read" } });
  });

  it("resets a secret with a grace period and prints the new one once", async () => {
    const result = await cli(["api-client", "reset-secret", "--id", clientId, "--grace", "24h", "--format", "json"]);
    expect(result.code).toBe(0);
    const [client] = lines(result);
    expect(client.clientSecret).toMatch(/^clv_test_/);
    expect(new Date(client.previousSecretExpiresAt).getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);
    const text = await cli(["api-client", "reset-secret", "--id", clientId, "--format", "text"]);
    expect(text.stdout).toContain("Store the secret now: it is not shown again.");
    expect((await cli(["api-client", "reset-secret", "--id", clientId, "--grace", "8d"])).code).toBe(2);
  });

  it("lists an organization's clients, or every client", async () => {
    expect(lines(await cli(["api-client", "get", "--org", organizationId, "--format", "json"]))).toHaveLength(2);
    expect((await cli(["api-client", "get", "--format", "text"])).stdout).toMatch(/^name: +Reporting$/m);
  });

  it("creates a platform-level system client with --scope system and no --org", async () => {
    const [system] = lines(await cli(["api-client", "create", "--scope", "system", "--perm", "system.organizations.write", "--format", "json"]));
    expect(system).toMatchObject({ organizationId: null, scopes: ["system"], permissions: ["system.organizations.read", "system.organizations.write"] });
    const withOrg = await cli(["api-client", "create", "--org", organizationId, "--scope", "system", "--format", "text"]);
    expect(withOrg).toMatchObject({ code: 1, stderr: "USAGE: --scope system makes a client of no organization: leave out --org\n" });
    const wrong = await cli(["api-client", "create", "--scope", "system", "--perm", "blogs.read", "--format", "text"]);
    expect(wrong.code).toBe(2);
  });

  it("exits 4 at the client limit and for a taken client id", async () => {
    expect((await cli(["api-client", "create", "--org", organizationId, "--id", "reporting", "--format", "text"])).code).toBe(4);
    for (let i = 0; i < 2; i += 1) expect((await cli(["api-client", "create", "--org", organizationId, "--format", "json"])).code).toBe(0);
    const full = await cli(["api-client", "create", "--org", organizationId, "--format", "text"]);
    expect(full.code).toBe(4);
    expect(full.stderr).toMatch(/^LIMIT_EXCEEDED: This organization has reached its limit of 4 API clients/);
  });

  it("deletes only with --yes when there is no terminal", async () => {
    const refused = await cli(["api-client", "delete", "--id", clientId, "--format", "text"]);
    expect(refused).toMatchObject({ code: 1, stderr: "USAGE: Deleting needs --yes when there is no terminal to confirm on\n" });
    expect(lines(await cli(["api-client", "delete", "--id", clientId, "--yes", "--format", "json"]))[0]).toMatchObject({ clientId, deleted: true });
    const gone = await cli(["api-client", "get", "--id", clientId, "--format", "json"]);
    expect(gone.code).toBe(3);
    expect(JSON.parse(gone.stderr)).toEqual({ error: { code: "NOT_FOUND", message: `No API client has the id ${clientId}` } });
  });

  it("exits 1 for usage errors and 3 for an unknown organization", async () => {
    expect(await cli(["org", "create", "--format", "text"])).toMatchObject({ code: 1, stderr: "USAGE: --name is required\n" });
    expect(await cli(["org", "create", "--name", "x", "--api-clients", "maybe", "--format", "text"])).toMatchObject({ code: 1, stderr: 'USAGE: --api-clients must be on or off (got "maybe")\n' });
    expect((await cli(["api-client", "create", "--org", "00000000-0000-4000-8000-000000000000", "--format", "text"])).code).toBe(3);
    expect((await cli(["org", "update", "--id", "00000000-0000-4000-8000-000000000000", "--name", "x", "--format", "text"])).code).toBe(3);
  });

  it("writes what it did to the audit trail with actor cli", async () => {
    const { createDataSource } = await import("../../src/db/data-source.js");
    const { loadConfig } = await import("../../src/config.js");
    const dataSource = createDataSource(loadConfig({ DATABASE_URL: db.url }).database);
    await dataSource.initialize();
    try {
      const rows: { actor_type: string; actor_label: string; action: string }[] = await dataSource.query("SELECT actor_type, actor_label, action FROM audit_events WHERE action = 'api_client.deleted'");
      expect(rows).toEqual([{ actor_type: "CLI", actor_label: "cli", action: "api_client.deleted" }]);
    } finally {
      await dataSource.destroy();
    }
  });

  it("is switched off entirely by CLAVIS_DISABLE_CLI", async () => {
    const result = await runCli(["org", "list"], { ...env, CLAVIS_DISABLE_CLI: "true" });
    expect(result).toEqual({ code: 1, stdout: "", stderr: "The clavis CLI is turned off on this deployment (CLAVIS_DISABLE_CLI is set): manage credentials in the admin app or over GraphQL.\n" });
  });
});
