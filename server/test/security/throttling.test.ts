import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { throttleKey } from "../../src/common/throttle-key.js";
import { User } from "../../src/modules/members/user.entity.js";
import { createCtx } from "../../src/services.js";
import { GraphQLSession, PASSWORD, setupOwner } from "../support/graphql-session.js";
import { createClient, tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

// Callers are told apart by X-Forwarded-For, which a server behind a loopback proxy trusts.
const PROXIED = { CLAVIS_TRUST_PROXY: "loopback" };
const SETUP = `mutation($input: SetupInput!) { setup(input: $input) { user { id } } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`;
// The hash budget per address and minute: 100 slots, 5 for a password hash, 1 for a client secret.
const BUDGET = 100;
const HASH_SLOTS = 20;

const from = (app: TestApp, address: string) => new GraphQLSession(app.url, { "x-forwarded-for": address });

async function signInFrom(app: TestApp, address: string, email: string, password: string) {
  const result = await from(app, address).request(LOGIN, { email, password });
  return { status: result.status, code: result.errors?.[0].extensions?.code ?? "OK", message: result.errors?.[0].message, retryAfter: result.headers.get("retry-after") };
}

/** A viewer of the first organization, added through the real service (no sign-in, no hash slot). */
async function addUser(app: TestApp, email: string) {
  const system = createCtx(app.app.dataSource, { type: "SYSTEM" });
  const [{ id }] = await app.app.dataSource.query("SELECT id FROM organizations");
  await app.app.services.members.add(system, { organizationId: id, email, role: "VIEWER", name: "Victor Viewer", password: PASSWORD });
}

function setupInput(n: number) {
  return { input: { organizationName: `Org ${n}`, name: `Person ${n}`, email: `person${n}@acme.test`, password: PASSWORD } };
}

describe("first-run setup under a flood", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(PROXIED);
  });

  afterAll(async () => {
    await app.close();
  });

  it("spends a hash slot on every setup attempt and refuses those past the budget at once with 429", async () => {
    const weak = (n: number) => ({ input: { ...setupInput(n).input, password: "password1234" } });
    const results = await Promise.all(Array.from({ length: 30 }, (_, n) => from(app, "203.0.113.1").request(SETUP, weak(n))));
    const codes = results.map((result) => result.errors?.[0].extensions?.code);
    expect(codes.filter((code) => code === "BAD_USER_INPUT")).toHaveLength(HASH_SLOTS);
    const refused = results.filter((result) => result.errors?.[0].extensions?.code === "TOO_MANY_REQUESTS");
    expect(refused).toHaveLength(30 - HASH_SLOTS);
    for (const result of refused) {
      expect(result.status).toBe(429);
      expect(Number(result.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(await app.app.services.hashBudget.remaining(throttleKey("203.0.113.1"))).toBe(0);
  });

  it("lets exactly one of many concurrent setups create the first owner", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, n) => from(app, `203.0.113.${10 + n}`).request(SETUP, setupInput(n))));
    const codes = results.map((result) => result.errors?.[0].extensions?.code ?? "OK");
    expect(codes.filter((code) => code === "OK")).toHaveLength(1);
    expect(codes.filter((code) => code === "FORBIDDEN")).toHaveLength(7);
    expect(await app.app.dataSource.manager.count(User)).toBe(1);
  });

  it("answers setup once Clavis is set up with FORBIDDEN, without spending a hash slot", async () => {
    const results = await Promise.all(Array.from({ length: 60 }, (_, n) => from(app, "203.0.113.2").request(SETUP, setupInput(100 + n))));
    expect(results.map((result) => result.errors?.[0].extensions?.code)).toEqual(Array(60).fill("FORBIDDEN"));
    expect(await app.app.services.hashBudget.remaining(throttleKey("203.0.113.2"))).toBe(BUDGET);
  });
});

describe("sign-in throttling", () => {
  let app: TestApp;
  const OWNER = "owner@acme.test";

  beforeAll(async () => {
    app = await startTestApp(PROXIED);
    await setupOwner(app, OWNER);
  });

  afterAll(async () => {
    await app.close();
  });

  it("refuses sign-ins past the per-address hash budget at once: 429 with Retry-After, no slot spent", async () => {
    // Five sign-ins in flight per account and address is the most the failure throttle lets start.
    const emails = Array.from({ length: 6 }, (_, n) => `flood${n}@acme.test`);
    for (const email of emails) await addUser(app, email);
    const results = await Promise.all(emails.flatMap((email) => Array.from({ length: 5 }, () => signInFrom(app, "198.51.100.10", email, PASSWORD))));
    expect(results.filter((result) => result.code === "OK")).toHaveLength(HASH_SLOTS);
    const refused = results.filter((result) => result.code !== "OK");
    expect(refused).toHaveLength(30 - HASH_SLOTS);
    for (const result of refused) {
      expect(result).toMatchObject({ status: 429, code: "TOO_MANY_REQUESTS", message: expect.stringMatching(/^Too many requests from your address\. Try again in \d+ seconds\.$/) });
      expect(Number(result.retryAfter)).toBeGreaterThan(0);
      expect(Number(result.retryAfter)).toBeLessThanOrEqual(60);
    }
    expect(await app.app.services.hashBudget.remaining(throttleKey("198.51.100.10"))).toBe(0);
  });

  it("counts IPv6 callers by their /64: addresses of one /64 share a budget, the next /64 has its own", async () => {
    for (const address of ["2001:db8:1:2::a", "2001:db8:1:2:ffff:1:2:3"]) {
      for (let n = 0; n < HASH_SLOTS / 2; n += 1) expect((await signInFrom(app, address, OWNER, PASSWORD)).code).toBe("OK");
    }
    expect(await signInFrom(app, "2001:db8:1:2::b", OWNER, PASSWORD)).toMatchObject({ status: 429, code: "TOO_MANY_REQUESTS" });
    expect(await signInFrom(app, "2001:db8:1:3::a", OWNER, PASSWORD)).toMatchObject({ code: "OK" });
  });

  it("stops an attacker who knows the owner's e-mail at their own address, not the owner at theirs", async () => {
    for (let i = 0; i < 5; i += 1) {
      expect(await signInFrom(app, "198.51.100.20", OWNER, `wrong guess ${i}`)).toMatchObject({ code: "UNAUTHENTICATED" });
    }
    const attacker = await signInFrom(app, "198.51.100.20", OWNER, PASSWORD);
    expect(attacker).toMatchObject({ status: 429, code: "TOO_MANY_REQUESTS", message: expect.stringMatching(/^Too many sign-in attempts\. Try again in \d+ seconds\.$/) });
    expect(Number(attacker.retryAfter)).toBeGreaterThan(60);
    expect(Number(attacker.retryAfter)).toBeLessThanOrEqual(900);
    expect(await signInFrom(app, "198.51.100.21", OWNER, PASSWORD)).toMatchObject({ code: "OK" });
  });

  it("under a spread attack lets each further address fail once, while the owner signs in from a clean address", async () => {
    const victim = "victim@acme.test";
    await addUser(app, victim);
    for (let address = 1; address <= 4; address += 1) {
      for (let i = 0; i < 5; i += 1) expect((await signInFrom(app, `192.0.2.${address}`, victim, `spread guess ${address}.${i}`)).code).toBe("UNAUTHENTICATED");
    }
    // 20 failures for the account: from now on an address that has failed for it is refused.
    expect((await signInFrom(app, "192.0.2.5", victim, "one more guess")).code).toBe("UNAUTHENTICATED");
    expect(await signInFrom(app, "192.0.2.5", victim, "and another guess")).toMatchObject({ status: 429, code: "TOO_MANY_REQUESTS" });
    expect(await signInFrom(app, "192.0.2.1", victim, PASSWORD)).toMatchObject({ status: 429, code: "TOO_MANY_REQUESTS" });
    expect(await signInFrom(app, "192.0.2.99", victim, PASSWORD)).toMatchObject({ code: "OK" });
  });
});

describe("client authentication throttling", () => {
  let app: TestApp;
  let client: { clientId: string; secret: string };

  beforeAll(async () => {
    app = await startTestApp(PROXIED);
    const { session, organizationId } = await setupOwner(app);
    client = await createClient(session, organizationId, { name: "Integration" });
  });

  afterAll(async () => {
    await app.close();
  });

  it("stops an attacker who knows a client id at their own address with 429 and Retry-After, not the client at its own", async () => {
    const attacker = { "x-forwarded-for": "198.51.100.30" };
    for (let i = 0; i < 10; i += 1) {
      const refused = await tokenFor(app, client.clientId, `wrong secret ${i}`, {}, attacker);
      expect(refused).toMatchObject({ status: 401, body: { error: "invalid_client", error_description: "Client authentication failed" } });
    }
    const throttled = await tokenFor(app, client.clientId, client.secret, {}, attacker);
    expect(throttled.status).toBe(429);
    const retryAfter = Number(throttled.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(throttled.body).toEqual({
      error: "temporarily_unavailable",
      error_description: `Too many failed client authentications from your address. Retry after ${retryAfter} seconds.`,
    });
    expect(throttled.headers.get("cache-control")).toBe("no-store");
    expect((await tokenFor(app, client.clientId, client.secret, {}, { "x-forwarded-for": "198.51.100.31" })).status).toBe(200);
  });

  it("spends no hash slot on a secret already verified, so a busy client is not held to the budget", async () => {
    const address = { "x-forwarded-for": "198.51.100.40" };
    const statuses = [];
    for (let i = 0; i < BUDGET + 10; i += 1) statuses.push((await tokenFor(app, client.clientId, client.secret, {}, address)).status);
    expect(statuses).toEqual(Array(BUDGET + 10).fill(200));
    expect(await app.app.services.hashBudget.remaining(throttleKey("198.51.100.40"))).toBeGreaterThanOrEqual(BUDGET - 1);
  });

  it("refuses an address past 30 failed client authentications a minute with 429, before hashing", async () => {
    const address = { "x-forwarded-for": "198.51.100.50" };
    // One after another: a failure counts when it is known, so a simultaneous burst may pass a few
    // more before the count catches up (slow checks stay bounded by the hash budget meanwhile).
    const results = [];
    for (let i = 0; i < 40; i += 1) results.push(await tokenFor(app, `unknown-client-${i}`, "wrong", {}, address));
    expect(results.filter((result) => result.status === 401)).toHaveLength(30);
    const refused = results.filter((result) => result.status === 429);
    expect(refused).toHaveLength(10);
    for (const result of refused) {
      expect(result.body).toEqual({ error: "temporarily_unavailable", error_description: expect.stringMatching(/^Too many failed client authentications from your address\. Retry after \d+ seconds\.$/) });
      expect(Number(result.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    // No slot at all: an unknown id is checked against a stand-in digest, never with argon2.
    expect(await app.app.services.hashBudget.remaining(throttleKey("198.51.100.50"))).toBe(BUDGET);
  });
});
