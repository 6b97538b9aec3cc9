import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrganization } from "../support/graphql-session.js";
import { basic, createClient, postForm } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { closedPortUrl, DIRECTORY_SECRET, startTestDirectory, type TestDirectory } from "../support/user-directory-server.js";

type Client = { id: string; clientId: string; secret: string };

const UNAVAILABLE = { status: 503, retryAfter: "5", body: { error: "temporarily_unavailable", error_description: "The user directory is not answering. Try again later." } };

/** Issue 15: a directory that is down, silent or garbled is a 503, never a 500 or a hang. */
describe("user tokens when the directory fails", () => {
  let directory: TestDirectory;
  let app: TestApp;
  let client: Client;
  let organizationId: string;

  beforeAll(async () => {
    directory = await startTestDirectory();
    // A short deadline keeps the silent-directory case quick; the bound is the deadline itself.
    app = await startTestApp({ CLAVIS_USER_DIRECTORY_URL: directory.url, CLAVIS_USER_DIRECTORY_SECRET: DIRECTORY_SECRET, CLAVIS_USER_DIRECTORY_TIMEOUT_MS: "500", CLAVIS_TRUST_PROXY: "loopback" });
    const seeded = await seedOrganization(app, "Acme", "owner@acme.test", { maxApiClients: 50 });
    organizationId = seeded.organization.id;
    directory.users.push({ id: "u-1", username: "alice", password: "alice-password-1", organizationId });
    client = await createClient(seeded.session, organizationId, { name: "App", allowLogin: true, allowImpersonate: true });
  });

  afterAll(async () => {
    await app?.close();
    await directory?.close();
  });

  let address = 0;
  /** Each request from its own address, so the hash budget and failure counts of one do not touch the next. */
  const login = (password = "alice-password-1", from = `203.0.113.${(address += 1)}`) =>
    postForm(app.url, "/token", { grant_type: "password", auth_type: "login", username: "alice", password }, { authorization: basic(client.clientId, client.secret), "x-forwarded-for": from });
  const outcome = (response: Awaited<ReturnType<typeof login>>) => ({ status: response.status, retryAfter: response.headers.get("retry-after"), body: response.body });

  it.each([
    ["answers garbled JSON", "garbled"],
    ["answers more than 16 KiB", "oversized"],
    ["fails with HTTP 500", "error-500"],
  ] as const)("is a 503 with Retry-After when the directory %s, asked once", async (_label, behaviour) => {
    directory.behaviour = behaviour;
    const before = directory.received.length;
    try {
      expect(outcome(await login())).toEqual(UNAVAILABLE);
    } finally {
      directory.behaviour = "answer";
    }
    expect(directory.received.length).toBe(before + 1);
  });

  it("is a 503 when the directory never answers, bounded by the configured deadline, and the login is not retried", async () => {
    directory.behaviour = "never-answer";
    const connections = directory.connections;
    try {
      expect(outcome(await login())).toEqual(UNAVAILABLE);
    } finally {
      directory.behaviour = "answer";
    }
    expect(directory.connections).toBe(connections + 1);
    expect((await login()).status).toBe(200);
  });

  it("is a 503 when nothing listens at the directory's address", async () => {
    const down = await startTestApp({ CLAVIS_USER_DIRECTORY_URL: await closedPortUrl(), CLAVIS_USER_DIRECTORY_SECRET: DIRECTORY_SECRET });
    try {
      const seeded = await seedOrganization(down, "Down", "owner@down.test");
      const flagged = await createClient(seeded.session, seeded.organization.id, { name: "App", allowLogin: true, allowImpersonate: true });
      const grants: Record<string, string>[] = [{ auth_type: "login", username: "alice", password: "alice-password-1" }, { auth_type: "impersonate", username: "alice" }];
      for (const params of grants) {
        const response = await postForm(down.url, "/token", { grant_type: "password", ...params }, { authorization: basic(flagged.clientId, flagged.secret) });
        expect(outcome(response)).toEqual(UNAVAILABLE);
      }
    } finally {
      await down.close();
    }
  });

  it("refuses a user after 10 wrong passwords from one address: 429 with Retry-After, other addresses still log in", async () => {
    const attacker = "198.51.100.7";
    for (let i = 0; i < 10; i += 1) expect((await login(`wrong-password-${i}`, attacker)).body?.error).toBe("invalid_grant");
    const asked = directory.received.length;
    const refused = await login("alice-password-1", attacker);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.body).toEqual({ error: "temporarily_unavailable", error_description: `Too many refused user logins. Retry after ${refused.headers.get("retry-after")} seconds.` });
    expect(directory.received.length).toBe(asked);
    expect((await login()).status).toBe(200);
  });

  it("spends the address's hash budget on each login: a password's cost, as a sign-in", async () => {
    const from = "198.51.100.99";
    const statuses: number[] = [];
    // 100 slots a minute, 5 a password: the 21st login from one address waits.
    for (let i = 0; i < 21; i += 1) statuses.push((await login("alice-password-1", from)).status);
    expect(statuses).toEqual([...Array(20).fill(200), 429]);
  });
});
