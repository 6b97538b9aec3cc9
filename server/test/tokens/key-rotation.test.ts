import { decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../../src/modules/api-clients/api-client.entity.js";
import { seedOrganization } from "../support/graphql-session.js";
import { createClient, introspect, tokenFor } from "../support/oauth-http.js";
import { runCli } from "../support/run-cli.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("signing keys and last use", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ CLAVIS_KEY_ENCRYPTION_KEY: "an-encryption-key-of-32-characters!!" });
  });

  afterAll(async () => {
    await app.close();
  });

  it("clavis keys rotate adds a new key and keeps the old one published, so old tokens still verify", async () => {
    const { organization, session } = await seedOrganization(app, "Keys", "keys@acme.test");
    const client = await createClient(session, organization.id, { role: null, permissions: ["tokens.introspect", "blogs.read"] });
    const before = (await tokenFor(app, client.clientId, client.secret)).body?.access_token;
    const oldKid = decodeProtectedHeader(before).kid;
    const env = { DATABASE_URL: app.db.url, CLAVIS_KEY_ENCRYPTION_KEY: "an-encryption-key-of-32-characters!!" };
    const rotated = await runCli(["keys", "rotate", "--format", "json"], env);
    expect(rotated.code).toBe(0);
    const newKid = JSON.parse(rotated.stdout).kid as string;
    expect(newKid).not.toBe(oldKid);
    const jwks = (await (await fetch(`${app.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    expect(jwks.keys.map((key) => key.kid).sort()).toEqual([oldKid, newKid].sort());
    expect((await introspect(app, client, before)).body?.active).toBe(true);
    const listed = await runCli(["keys", "list", "--format", "json"], env);
    const rows = listed.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(rows.map((row) => [row.kid, row.status, row.isEncrypted])).toEqual([
      [newKid, "ACTIVE", true],
      [oldKid, "RETIRED", true],
    ]);
    expect(rows[1].publishUntil).not.toBeNull();
  });

  it("stores private keys encrypted when CLAVIS_KEY_ENCRYPTION_KEY is set", async () => {
    const rows = await app.app.dataSource.query("SELECT private_key FROM signing_keys");
    for (const row of rows) expect(row.private_key).toMatch(/^v1:/);
  });

  it("records last use in batches, not per request", async () => {
    const { organization, session } = await seedOrganization(app, "Usage", "usage@acme.test");
    const client = await createClient(session, organization.id);
    await tokenFor(app, client.clientId, client.secret, {}, {});
    await app.app.services.lastUsed.flush();
    const row = await app.app.dataSource.getRepository(ApiClient).findOneByOrFail({ id: client.id });
    expect(row.lastUsedIp).toBe("127.0.0.1");
    expect(Date.now() - (row.lastUsedAt?.getTime() ?? 0)).toBeLessThan(60_000);
  });

  it("keeps answering /healthz while a burst of wrong secrets is refused (argon2 runs off the event loop)", async () => {
    const { organization, session } = await seedOrganization(app, "Burst", "burst@acme.test");
    const client = await createClient(session, organization.id);
    const burst = Promise.all(Array.from({ length: 20 }, (_, i) => tokenFor(app, client.clientId, `wrong-${i}`)));
    await sleep(5);
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    const statuses = (await burst).map((response) => response.status);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
  });
});
