import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphQLSession, PASSWORD, setupOwner } from "../support/graphql-session.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const SETUP = `mutation($input: SetupInput!) { setup(input: $input) { user { email } organization { id name myRole apiClientsEnabled limits { maxApiClients maxTokensPerClient accessTokenTtlSeconds } } } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id email name } }`;
const ME = `{ me { email name } }`;

describe("first-run setup and sign-in", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it("reports that setup is required on an empty database", async () => {
    expect(await new GraphQLSession(app.url).ok("{ setupRequired }")).toEqual({ setupRequired: true });
  });

  it("rejects setup input with a field list", async () => {
    const error = await new GraphQLSession(app.url).errorOf(SETUP, { input: { organizationName: "", name: "O", email: "not-an-email", password: "short" } });
    expect(error).toEqual({
      code: "BAD_USER_INPUT",
      message: "3 fields are invalid",
      fields: [
        { field: "organizationName", reason: "NAME_REQUIRED", message: "Name is required" },
        { field: "email", reason: "EMAIL_INVALID", message: "Enter a valid e-mail address" },
        { field: "password", reason: "PASSWORD_TOO_SHORT", params: { min: 10 }, message: "Password must be at least 10 characters" },
      ],
    });
  });

  it("creates the first organization and owner, signs in with an httpOnly SameSite=Lax cookie", async () => {
    const session = new GraphQLSession(app.url);
    const result = await session.request(SETUP, { input: { organizationName: "Acme", name: "Olga Owner", email: "Owner@Acme.test", password: PASSWORD } });
    expect(result.errors).toBeUndefined();
    expect(result.data.setup).toMatchObject({
      user: { email: "owner@acme.test" },
      organization: { name: "Acme", myRole: "OWNER", apiClientsEnabled: true, limits: { maxApiClients: 10, maxTokensPerClient: 10, accessTokenTtlSeconds: 3600 } },
    });
    const cookie = result.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^clavis_session=[A-Za-z0-9_-]{43}; /);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toMatch(/; Max-Age=\d{4,}; Path=\/; Expires=\w{3}, /);
    expect(await session.ok(ME)).toEqual({ me: { email: "owner@acme.test", name: "Olga Owner" } });
    expect(await session.ok("{ setupRequired }")).toEqual({ setupRequired: false });
  });

  it("refuses a second setup", async () => {
    const error = await new GraphQLSession(app.url).errorOf(SETUP, { input: { organizationName: "Evil", name: "E", email: "e@evil.test", password: PASSWORD } });
    expect(error).toMatchObject({ code: "FORBIDDEN", message: "Clavis is already set up: sign in instead" });
  });

  it("answers me with null when signed out", async () => {
    expect(await new GraphQLSession(app.url).ok(ME)).toEqual({ me: null });
  });

  it("signs in with the right password and says nothing about which half was wrong otherwise", async () => {
    const session = new GraphQLSession(app.url);
    expect(await session.ok(LOGIN, { email: "OWNER@acme.test", password: PASSWORD })).toEqual({ login: { id: expect.any(String), email: "owner@acme.test", name: "Olga Owner" } });
    const wrongPassword = await new GraphQLSession(app.url).errorOf(LOGIN, { email: "owner@acme.test", password: "wrong password!" });
    const unknownUser = await new GraphQLSession(app.url).errorOf(LOGIN, { email: "nobody@acme.test", password: PASSWORD });
    expect(wrongPassword).toEqual({ code: "UNAUTHENTICATED", message: "The e-mail address or password is wrong", fields: undefined });
    expect(unknownUser).toEqual(wrongPassword);
  });

  it("signs out: the cookie is cleared and the session no longer works", async () => {
    const session = new GraphQLSession(app.url);
    await session.ok(LOGIN, { email: "owner@acme.test", password: PASSWORD });
    const stolen = session.cookie;
    await session.ok("mutation { logout }");
    expect(session.cookie).toBeNull();
    const replay = new GraphQLSession(app.url);
    replay.cookie = stolen;
    expect(await replay.ok(ME)).toEqual({ me: null });
  });

  it("rate limits failed sign-ins per account and address: HTTP 429 with Retry-After", async () => {
    const session = new GraphQLSession(app.url);
    for (let i = 0; i < 5; i += 1) {
      expect((await session.errorOf(LOGIN, { email: "victim@acme.test", password: `guess number ${i}` })).code).toBe("UNAUTHENTICATED");
    }
    const limited = await session.request(LOGIN, { email: "victim@acme.test", password: "guess number 6" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.errors?.[0].extensions?.code).toBe("TOO_MANY_REQUESTS");
    expect(limited.errors?.[0].message).toMatch(/^Too many sign-in attempts\. Try again in \d+ seconds\.$/);
  });
});

describe("organizations of a signed-in user", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it("lists my organizations with my role, and requires sign-in", async () => {
    const { session, organizationId } = await setupOwner(app);
    expect(await session.ok("{ myOrganizations { id name myRole apiClientCount } }")).toEqual({
      myOrganizations: [{ id: organizationId, name: "Acme", myRole: "OWNER", apiClientCount: 0 }],
    });
    expect((await new GraphQLSession(app.url).errorOf("{ myOrganizations { id } }")).code).toBe("UNAUTHENTICATED");
  });
});
