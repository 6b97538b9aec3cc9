import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT } from "../support/api-client-queries.js";
import { GraphQLSession, PASSWORD, setupOwner } from "../support/graphql-session.js";
import { createClient, tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const SETUP = `mutation($input: SetupInput!) { setup(input: $input) { user { id } } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`;
const CHANGE = `mutation($currentPassword: String!, $newPassword: String!) { changePassword(currentPassword: $currentPassword, newPassword: $newPassword) }`;
const SIGN_OUT_OTHERS = `mutation { signOutOtherSessions }`;
const ME = `{ me { email } }`;
const NEW_PASSWORD = "gentle river of stone";
// Each test signs in from its own address (X-Forwarded-For behind a loopback proxy), so the
// per-address budget of slow hashes never decides a test that is not about it.
const PROXIED = { CLAVIS_TRUST_PROXY: "loopback" };

describe("the password rule", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  const setup = (password: string) =>
    new GraphQLSession(app.url).errorOf(SETUP, { input: { organizationName: "Zyxwerk Industries", name: "Quillon Varga", email: "quillon@zyxwerk.test", password } });

  it("refuses a password of ten spaces, with the strength check's advice", async () => {
    expect(await setup("          ")).toEqual({
      code: "BAD_USER_INPUT",
      message: 'Password is too easy to guess. Repeated characters like "aaa" are easy to guess. Add more words that are less common. Avoid repeated words and characters.',
      fields: [{ field: "password", reason: "PASSWORD_WEAK", message: 'Password is too easy to guess. Repeated characters like "aaa" are easy to guess. Add more words that are less common. Avoid repeated words and characters.' }],
    });
  });

  it("refuses a common password", async () => {
    expect((await setup("password1234")).fields).toEqual([
      { field: "password", reason: "PASSWORD_WEAK", message: "Password is too easy to guess. This is similar to a commonly used password. Add more words that are less common." },
    ]);
  });

  it("refuses a password made of the user's own name, e-mail or organization", async () => {
    for (const password of ["zyxwerk industries", "quillonvarga"]) {
      expect((await setup(password)).fields).toEqual([
        { field: "password", reason: "PASSWORD_WEAK", message: "Password is too easy to guess. There should not be any personal or page related data. Add more words that are less common." },
      ]);
    }
  });

  it("accepts the passwords the test suites use", async () => {
    const result = await new GraphQLSession(app.url).request(SETUP, { input: { organizationName: "Acme", name: "Olga Owner", email: "owner@acme.test", password: PASSWORD } });
    expect(result.errors).toBeUndefined();
  });
});

describe("changing one's password and signing out other sessions", () => {
  let app: TestApp;
  let organizationId: string;
  const EMAIL = "owner@acme.test";

  beforeAll(async () => {
    app = await startTestApp(PROXIED);
    ({ organizationId } = await setupOwner(app, EMAIL));
  });

  async function signInFrom(address: string, password = PASSWORD) {
    const session = new GraphQLSession(app.url, { "x-forwarded-for": address });
    await session.ok(LOGIN, { email: EMAIL, password });
    return session;
  }

  afterAll(async () => {
    await app.close();
  });

  it("refuses a wrong current password as a field error, and changes nothing", async () => {
    const session = await signInFrom("198.51.100.1");
    expect(await session.errorOf(CHANGE, { currentPassword: "not my password", newPassword: NEW_PASSWORD })).toEqual({
      code: "BAD_USER_INPUT",
      message: "The current password is wrong",
      fields: [{ field: "currentPassword", reason: "PASSWORD_WRONG", message: "The current password is wrong" }],
    });
    expect(await session.ok(ME)).toEqual({ me: { email: EMAIL } });
  });

  it("refuses a weak new password with the field error", async () => {
    const session = await signInFrom("198.51.100.2");
    expect(await session.errorOf(CHANGE, { currentPassword: PASSWORD, newPassword: "olga owner acme" })).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: [{ field: "newPassword", reason: "PASSWORD_WEAK", message: expect.stringMatching(/^Password is too easy to guess\. /) }],
    });
    expect(await session.errorOf(CHANGE, { currentPassword: PASSWORD, newPassword: PASSWORD })).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: [{ field: "newPassword", reason: "PASSWORD_UNCHANGED", message: "Choose a password different from the current one" }],
    });
  });

  it("signs out other sessions when the password changes, keeps this one, and the old password stops working", async () => {
    const current = await signInFrom("198.51.100.3");
    const other = await signInFrom("198.51.100.4");
    expect(await current.ok(CHANGE, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).toEqual({ changePassword: true });
    expect(await current.ok(ME)).toEqual({ me: { email: EMAIL } });
    expect(await other.ok(ME)).toEqual({ me: null });
    const elsewhere = new GraphQLSession(app.url, { "x-forwarded-for": "198.51.100.5" });
    expect(await elsewhere.errorOf(LOGIN, { email: EMAIL, password: PASSWORD })).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await elsewhere.ok(LOGIN, { email: EMAIL, password: NEW_PASSWORD })).toEqual({ login: { id: expect.any(String) } });
    const { auditEvents } = await current.ok(AUDIT, { organizationId, filter: { action: "user.password_changed" } });
    expect(auditEvents.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      expect.objectContaining({ action: "user.password_changed", actor: expect.objectContaining({ type: "USER", label: EMAIL }), targetType: "USER", targetLabel: EMAIL }),
    ]);
    expect(JSON.stringify(auditEvents)).not.toContain(NEW_PASSWORD);
  });

  it("signs out every other session on request and says how many it ended", async () => {
    const [current, first, second] = [await signInFrom("198.51.100.6", NEW_PASSWORD), await signInFrom("198.51.100.7", NEW_PASSWORD), await signInFrom("198.51.100.8", NEW_PASSWORD)];
    // The session of the previous test that changed the password, and the sign-in that proved the new one, are still open too.
    const ended = (await current.ok(SIGN_OUT_OTHERS)).signOutOtherSessions;
    expect(ended).toBe(4);
    expect(await first.ok(ME)).toEqual({ me: null });
    expect(await second.ok(ME)).toEqual({ me: null });
    expect(await current.ok(ME)).toEqual({ me: { email: EMAIL } });
    expect(await current.ok(SIGN_OUT_OTHERS)).toEqual({ signOutOtherSessions: 0 });
    const { auditEvents } = await current.ok(AUDIT, { organizationId, filter: { action: "user.sessions_signed_out" } });
    expect(auditEvents.edges[0].node).toMatchObject({ targetType: "USER", targetLabel: EMAIL, changes: { sessionsEnded: 0 } });
    expect(auditEvents.edges[1].node).toMatchObject({ changes: { sessionsEnded: 4 } });
  });

  it("requires a signed-in user: anonymous callers are UNAUTHENTICATED, API clients FORBIDDEN", async () => {
    const anonymous = new GraphQLSession(app.url);
    expect((await anonymous.errorOf(SIGN_OUT_OTHERS)).code).toBe("UNAUTHENTICATED");
    expect((await anonymous.errorOf(CHANGE, { currentPassword: NEW_PASSWORD, newPassword: "another fine passphrase" })).code).toBe("UNAUTHENTICATED");
    const owner = await signInFrom("198.51.100.9", NEW_PASSWORD);
    const client = await createClient(owner, organizationId, { role: "admin" });
    const token = (await tokenFor(app, client.clientId, client.secret)).body?.access_token as string;
    const asClient = new GraphQLSession(app.url, { authorization: `Bearer ${token}`, "x-tenant-id": organizationId });
    expect((await asClient.errorOf(SIGN_OUT_OTHERS)).code).toBe("FORBIDDEN");
    expect((await asClient.errorOf(CHANGE, { currentPassword: NEW_PASSWORD, newPassword: "another fine passphrase" })).code).toBe("FORBIDDEN");
  });

  it("throttles guesses of the current password like sign-ins: 429 after five wrong ones from an address", async () => {
    const session = await signInFrom("198.51.100.10", NEW_PASSWORD);
    for (let i = 0; i < 5; i += 1) {
      expect((await session.errorOf(CHANGE, { currentPassword: `guess ${i}`, newPassword: "another fine passphrase" })).code).toBe("BAD_USER_INPUT");
    }
    const throttled = await session.request(CHANGE, { currentPassword: NEW_PASSWORD, newPassword: "another fine passphrase" });
    expect(throttled.status).toBe(429);
    expect(throttled.errors?.[0].extensions?.code).toBe("TOO_MANY_REQUESTS");
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
