import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "../support/run-cli.js";
import { freePort } from "../support/free-port.js";
import { startServerProcess } from "../support/server-process.js";
import { GraphQLSession } from "../support/graphql-session.js";
import { createTestDatabase, testDbKind, type TestDatabase } from "../support/test-database.js";

const lines = (result: CliResult) => result.stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, any>);
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`;

describe(`clavis operator on ${testDbKind()}`, () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  const cli = (args: string[], stdin?: string) => runCli(args, env, stdin);

  beforeAll(async () => {
    db = await createTestDatabase();
    env = { DATABASE_URL: db.url };
    expect((await cli(["migrate", "--format", "json"])).code).toBe(0);
  });

  afterAll(async () => {
    await db.drop();
  });

  it("creates a new user as an operator with a password from stdin, who signs in as one", async () => {
    const created = await cli(["operator", "create", "--email", "Root@Acme.test", "--name", "Rut Root", "--password-stdin", "--format", "json"], "a long operator password\n");
    expect(created.code).toBe(0);
    expect(lines(created)).toEqual([{ userId: expect.any(String), email: "root@acme.test", name: "Rut Root", isNewUser: true }]);

    const server = await startServerProcess({ DATABASE_URL: db.url, LOG_LEVEL: "warn" }, await freePort());
    try {
      const session = new GraphQLSession(server.url);
      await session.ok(LOGIN, { email: "root@acme.test", password: "a long operator password" });
      expect((await session.ok(`query { me { isOperator } operators { email isMe } }`))).toEqual({ me: { isOperator: true }, operators: [{ email: "root@acme.test", isMe: true }] });
    } finally {
      await server.stop();
    }
  });

  it("prints a generated password once for a new user, and gives an existing user the role without touching the password", async () => {
    const generated = lines(await cli(["operator", "create", "--email", "second@acme.test", "--format", "json"]))[0];
    expect(generated).toMatchObject({ email: "second@acme.test", name: "second", isNewUser: true, password: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/) });

    const org = lines(await cli(["org", "create", "--name", "Acme", "--format", "json"]))[0];
    expect((await cli(["user", "create", "--email", "member@acme.test", "--org", org.id, "--role", "viewer", "--password-stdin"], "the member's own password\n")).code).toBe(0);
    const existing = await cli(["operator", "create", "--email", "member@acme.test", "--password-stdin", "--format", "json"], "an attempted new password\n");
    expect(lines(existing)).toEqual([{ userId: expect.any(String), email: "member@acme.test", name: "member", isNewUser: false }]);
    const again = await cli(["operator", "create", "--email", "member@acme.test", "--format", "text"]);
    expect(again).toMatchObject({ code: expect.any(Number), stdout: "", stderr: "CONFLICT: member@acme.test is already an operator\n" });
    expect(again.code).not.toBe(0);

    const server = await startServerProcess({ DATABASE_URL: db.url, LOG_LEVEL: "warn" }, await freePort());
    try {
      const refused = await new GraphQLSession(server.url).request(LOGIN, { email: "member@acme.test", password: "an attempted new password" });
      expect(refused.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
      await new GraphQLSession(server.url).ok(LOGIN, { email: "member@acme.test", password: "the member's own password" });
    } finally {
      await server.stop();
    }
  });

  it("lists operators by name and removes them, never the last", async () => {
    const listed = lines(await cli(["operator", "list", "--format", "json"]));
    expect(listed.map((row) => [row.name, row.email])).toEqual([["member", "member@acme.test"], ["Rut Root", "root@acme.test"], ["second", "second@acme.test"]]);
    for (const email of ["member@acme.test", "second@acme.test"]) expect((await cli(["operator", "remove", "--email", email, "--format", "json"])).code).toBe(0);
    const last = await cli(["operator", "remove", "--email", "root@acme.test", "--format", "text"]);
    expect(last.stderr).toBe("FORBIDDEN: The last operator cannot be removed: make someone else an operator first\n");
    expect(last.code).not.toBe(0);
    const unknown = await cli(["operator", "remove", "--email", "member@acme.test", "--format", "text"]);
    expect(unknown.stderr).toBe("NOT_FOUND: member@acme.test is not an operator\n");
    expect(lines(await cli(["operator", "list", "--format", "json"])).map((row) => row.email)).toEqual(["root@acme.test"]);
  });
});
