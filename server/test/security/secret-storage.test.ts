import argon2 from "argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrganization, type GraphQLSession } from "../support/graphql-session.js";
import { RESET } from "../support/api-client-queries.js";
import { basic, createClient, postForm, tokenFor } from "../support/oauth-http.js";
import { runCli } from "../support/run-cli.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { testDbKind } from "../support/test-database.js";
import { createCtx } from "../../src/services.js";
import { ClientAuthenticator } from "../../src/modules/tokens/client-authenticator.js";

const DIGEST = /^hmac-sha256:v1:[A-Za-z0-9_-]{43}$/;
const REFUSED = { status: 401, body: { error: "invalid_client", error_description: "Client authentication failed" } };

// How secrets were stored before keyed digests: argon2id with these parameters.
const OLD_HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

describe(`client secret storage on ${testDbKind()}`, () => {
  let app: TestApp;
  let owner: GraphQLSession;
  let organizationId: string;
  let env: Record<string, string>;

  const storedHash = async (id: string): Promise<string> => {
    const rows = (await app.app.dataSource.query("SELECT hash FROM api_client_secrets WHERE api_client_id = ? ORDER BY version DESC", [id])) as { hash: string }[];
    return rows[0].hash;
  };
  // A different last character: appending "x" would give the secret itself when it already ends in x (1 in 62).
  const otherLastCharacter = (secret: string) => `${secret.slice(0, -1)}${secret.endsWith("x") ? "y" : "x"}`;
  const outcome = (response: { status: number; body: unknown }) => ({ status: response.status, body: response.body });

  beforeAll(async () => {
    app = await startTestApp();
    const seeded = await seedOrganization(app, "Secrets", "secrets@acme.test");
    owner = seeded.session;
    organizationId = seeded.organization.id;
    env = { DATABASE_URL: app.db.url };
  });

  afterAll(async () => {
    await app.close();
  });

  it("stores a generated secret as a keyed SHA-256 digest, not argon2id, and accepts it at /token", async () => {
    const client = await createClient(owner, organizationId);
    expect(await storedHash(client.id)).toMatch(DIGEST);
    expect((await tokenFor(app, client.clientId, client.secret)).status).toBe(200);
    expect(outcome(await tokenFor(app, client.clientId, otherLastCharacter(client.secret)))).toEqual(REFUSED);
  });

  it("stores a reset secret as a digest, and accepts both secrets during the grace period", async () => {
    const client = await createClient(owner, organizationId);
    const reset = await owner.ok(RESET, { id: client.id, grace: 3600 });
    const next = reset.resetApiClientSecret.clientSecret as string;
    expect(await storedHash(client.id)).toMatch(DIGEST);
    expect((await tokenFor(app, client.clientId, client.secret)).status).toBe(200);
    expect((await tokenFor(app, client.clientId, next)).status).toBe(200);
    expect(outcome(await tokenFor(app, client.clientId, "clv_live_not-either-of-the-two"))).toEqual(REFUSED);
  });

  it("computes in the clavis CLI the same digest as in the server", async () => {
    const created = await runCli(["api-client", "create", "--org", organizationId, "--perm", "blogs.read", "--format", "json"], env);
    expect(created.code).toBe(0);
    const client = JSON.parse(created.stdout) as { id: string; clientId: string; clientSecret: string };
    expect(await storedHash(client.id)).toMatch(DIGEST);
    expect(outcome(await tokenFor(app, client.clientId, client.clientSecret))).toEqual({ status: 200, body: expect.objectContaining({ token_type: "Bearer", scope: "blogs.read" }) });
  });

  it("upgrades the argon2id hash of a generated secret to the digest on its first successful use", async () => {
    const client = await createClient(owner, organizationId);
    const old = await argon2.hash(client.secret, OLD_HASH_OPTIONS);
    await app.app.dataSource.query("UPDATE api_client_secrets SET hash = ? WHERE api_client_id = ?", [old, client.id]);
    app.app.services.clientStates.evict(client.clientId);
    expect(outcome(await tokenFor(app, client.clientId, otherLastCharacter(client.secret)))).toEqual(REFUSED);
    expect(await storedHash(client.id)).toBe(old);
    expect((await tokenFor(app, client.clientId, client.secret)).status).toBe(200);
    const upgraded = await storedHash(client.id);
    expect(upgraded).toMatch(DIGEST);
    app.app.services.clientStates.evict(client.clientId);
    expect((await tokenFor(app, client.clientId, client.secret)).status).toBe(200);
    expect(outcome(await tokenFor(app, client.clientId, otherLastCharacter(client.secret)))).toEqual(REFUSED);
    expect(await storedHash(client.id)).toBe(upgraded);
  });

  it("keeps argon2id for an operator-chosen secret, which works with HTTP Basic as curl -u sends it", async () => {
    const secret = "Chosen-secret_0123456789.abcdefghij~XYZ";
    const created = await runCli(["api-client", "create", "--org", organizationId, "--perm", "blogs.read", "--secret-stdin", "--format", "json"], env, `${secret}\n`);
    expect(created.code).toBe(0);
    const client = JSON.parse(created.stdout) as { id: string; clientId: string; clientSecret: string };
    expect(client.clientSecret).toBe(secret);
    expect(await storedHash(client.id)).toMatch(/^\$argon2id\$/);
    // curl -u, requests and Authlib put the secret into Basic as it is, without form-encoding it.
    const raw = `Basic ${Buffer.from(`${client.clientId}:${secret}`).toString("base64")}`;
    expect(raw).toBe(basic(client.clientId, secret));
    for (let i = 0; i < 2; i += 1) {
      const response = await postForm(app.url, "/token", { grant_type: "client_credentials" }, { authorization: raw });
      expect(outcome(response)).toEqual({ status: 200, body: expect.objectContaining({ token_type: "Bearer", scope: "blogs.read" }) });
    }
    expect(await storedHash(client.id)).toMatch(/^\$argon2id\$/);
  });

  it("refuses a chosen secret with a character outside RFC 3986's unreserved set, naming the allowed ones", async () => {
    for (const secret of ["Chosen+secret+0123456789abcdefghijKLMN", "Chosen/secret=0123456789abcdefghijKLMN", "Chosen%secret!0123456789abcdefghijKLMN"]) {
      const refused = await runCli(["api-client", "create", "--org", organizationId, "--secret-stdin", "--format", "text"], env, `${secret}\n`);
      expect(refused).toEqual({
        code: 2,
        stdout: "",
        stderr: "BAD_USER_INPUT: The secret must use only the characters A-Z a-z 0-9 - . _ ~ (others, such as +, reach Clavis altered from many HTTP Basic clients)\n",
      });
    }
  });

  it("tells beforehand whether checking a secret will need argon2id, for a budget of slow hashes", async () => {
    const services = app.app.services;
    const system = createCtx(app.app.dataSource, { type: "SYSTEM" });
    const authenticator = new ClientAuthenticator(services.clientStates, app.app.dataSource, () => services.serverKeys.secretDigestKey(system));
    const generated = await createClient(owner, organizationId);
    const secret = "Budgeted-secret_0123456789.abcdefghij~XYZ";
    const created = await runCli(["api-client", "create", "--org", organizationId, "--perm", "blogs.read", "--secret-stdin", "--format", "json"], env, `${secret}\n`);
    const chosen = JSON.parse(created.stdout) as { clientId: string };
    expect(await authenticator.needsSlowHash("no-such-client", secret)).toBe(false);
    expect(await authenticator.needsSlowHash(generated.clientId, "clv_live_wrong")).toBe(false);
    expect(await authenticator.needsSlowHash(chosen.clientId, "Wrong-secret_0123456789.abcdefghij~XYZ")).toBe(true);
    expect(await authenticator.needsSlowHash(chosen.clientId, secret)).toBe(true);
    expect(await authenticator.authenticate(chosen.clientId, secret, "127.0.0.1")).toMatchObject({ ok: true, secretVersion: 1 });
    // Verified once in this process, the secret's digest stands in: neither it nor a wrong one needs argon2id now.
    expect(await authenticator.needsSlowHash(chosen.clientId, secret)).toBe(false);
    expect(await authenticator.needsSlowHash(chosen.clientId, "Wrong-secret_0123456789.abcdefghij~XYZ")).toBe(false);
  });
});
