import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { throttleKey } from "../../src/common/throttle-key.js";
import { MemberInvitation } from "../../src/modules/invitations/member-invitation.entity.js";
import { createCtx } from "../../src/services.js";
import { AUDIT } from "../support/api-client-queries.js";
import { addMember, GraphQLSession, PASSWORD, seedOrganization, signIn } from "../support/graphql-session.js";
import { LEAK_PATTERNS } from "../support/leak-scan.js";
import { createClient, tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const INVITATION_FIELDS = "id email role createdAt expiresAt invitedBy isExpired";
const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { ${INVITATION_FIELDS} } invitationUrl } }`;
const LIST = `query($id: ID!) { invitations(organizationId: $id) { ${INVITATION_FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawInvitation(id: $id) }`;
const PREVIEW = `query($token: String!) { invitation(token: $token) { organizationName email role expiresAt } }`;
const ACCEPT = `mutation($token: String!, $name: String, $password: String) {
  acceptInvitation(token: $token, name: $name, password: $password) { user { id email name } organization { id name myRole } }
}`;
const MEMBERS = `query($id: ID!) { members(organizationId: $id) { email role } }`;
const MY_ORGANIZATIONS = `query { myOrganizations { id myRole } }`;
const ME = `query { me { email name } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`;
const FIELDS_OF = `query($name: String!) { __type(name: $name) { fields { name } inputFields { name } } }`;

const invitationNotFound = { code: "NOT_FOUND", message: "This invitation does not exist, has expired, was withdrawn or was already used", fields: undefined };

const tokenOf = (url: string) => url.slice(url.indexOf("/invitation/") + "/invitation/".length);

describe("invitations instead of adding members directly (issue #12, item 6)", () => {
  let app: TestApp;
  let ownerA: GraphQLSession;
  let ownerB: GraphQLSession;
  let orgA: string;
  let orgB: string;

  const invite = async (email: string, role: "OWNER" | "VIEWER" = "VIEWER", by = ownerA, organizationId = orgA) => {
    const { inviteMember } = await by.ok(INVITE, { input: { organizationId, email, role } });
    return { invitation: inviteMember.invitation, url: inviteMember.invitationUrl as string, token: tokenOf(inviteMember.invitationUrl) };
  };
  const memberEmails = async (organizationId = orgA) => ((await ownerA.ok(MEMBERS, { id: organizationId })).members as { email: string }[]).map((member) => member.email);
  const expire = (id: string) => app.app.dataSource.getRepository(MemberInvitation).update({ id }, { expiresAt: new Date(Date.now() - 60_000) });

  beforeAll(async () => {
    app = await startTestApp();
    const a = await seedOrganization(app, "Tenant A", "a@tenant.test");
    const b = await seedOrganization(app, "Tenant B", "b@tenant.test");
    ownerA = a.session;
    ownerB = b.session;
    orgA = a.organization.id;
    orgB = b.organization.id;
  });

  afterAll(async () => {
    await app.close();
  });

  it("answers an invitation of another tenant's owner exactly like one of an unknown e-mail, naming no one", async () => {
    const known = await ownerA.request(INVITE, { input: { organizationId: orgA, email: "B@Tenant.test", role: "OWNER" } });
    const unknown = await ownerA.request(INVITE, { input: { organizationId: orgA, email: "nobody@unknown.test", role: "OWNER" } });
    expect(known.errors).toBeUndefined();
    expect(unknown.errors).toBeUndefined();
    expect(known.status).toBe(unknown.status);
    const shape = (value: unknown): unknown => (value !== null && typeof value === "object" ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shape(inner)])) : typeof value);
    expect(shape(known.data)).toEqual(shape(unknown.data));
    const { invitation, invitationUrl } = known.data.inviteMember;
    expect(invitation).toMatchObject({ email: "b@tenant.test", role: "OWNER", invitedBy: "a@tenant.test", isExpired: false });
    expect(new Date(invitation.expiresAt).getTime() - new Date(invitation.createdAt).getTime()).toBe(7 * 24 * 3600 * 1000);
    expect(invitationUrl).toMatch(new RegExp(`^${app.app.config.issuer}/invitation/clvinv_[A-Za-z0-9_-]{43}$`));
    const bUserId = (await ownerB.ok(`query { me { id } }`)).me.id;
    for (const text of [JSON.stringify(known.data), JSON.stringify(unknown.data)]) {
      expect(text).not.toContain("Tenant B Owner");
      expect(text).not.toContain(bUserId);
    }
    // Nor can a query ask for more: the types hold no user, name or user id.
    expect((await ownerA.ok(FIELDS_OF, { name: "Invitation" })).__type.fields.map((field: { name: string }) => field.name).sort()).toEqual([
      "createdAt",
      "email",
      "expiresAt",
      "id",
      "invitedBy",
      "isExpired",
      "role",
    ]);
    expect((await ownerA.ok(FIELDS_OF, { name: "InviteMemberPayload" })).__type.fields.map((field: { name: string }) => field.name).sort()).toEqual(["invitation", "invitationUrl"]);

    // Nobody is a member of anything before they accept.
    expect(await memberEmails()).toEqual(["a@tenant.test"]);
    expect((await ownerB.ok(MY_ORGANIZATIONS)).myOrganizations.map((organization: { id: string }) => organization.id)).toEqual([orgB]);
    expect((await ownerB.errorOf(MEMBERS, { id: orgA })).code).toBe("NOT_FOUND");
  });

  it("makes the invited owner of another tenant a member once they accept, signed in", async () => {
    const { token } = await invite("b@tenant.test", "OWNER");
    expect((await ownerB.ok(PREVIEW, { token })).invitation).toMatchObject({ organizationName: "Tenant A", email: "b@tenant.test", role: "OWNER" });
    const { acceptInvitation } = await ownerB.ok(ACCEPT, { token });
    expect(acceptInvitation.organization).toEqual({ id: orgA, name: "Tenant A", myRole: "OWNER" });
    expect(acceptInvitation.user.email).toBe("b@tenant.test");
    expect((await ownerB.ok(MY_ORGANIZATIONS)).myOrganizations).toEqual(expect.arrayContaining([{ id: orgA, myRole: "OWNER" }, { id: orgB, myRole: "OWNER" }]));
    expect((await ownerA.ok(MEMBERS, { id: orgA })).members).toEqual([
      { email: "a@tenant.test", role: "OWNER" },
      { email: "b@tenant.test", role: "OWNER" },
    ]);
    expect(await ownerB.errorOf(ACCEPT, { token })).toEqual(invitationNotFound);
  });

  it("lets someone without an account create one through the link, signs them in and makes them a member", async () => {
    const { token } = await invite("Newcomer@Fresh.test");
    const stranger = new GraphQLSession(app.url);
    expect((await stranger.ok(PREVIEW, { token })).invitation).toMatchObject({ organizationName: "Tenant A", email: "newcomer@fresh.test", role: "VIEWER" });
    expect(await stranger.errorOf(ACCEPT, { token, name: "", password: "short" })).toEqual({
      code: "BAD_USER_INPUT",
      message: "2 fields are invalid",
      fields: [
        { field: "name", reason: "NAME_REQUIRED", message: "Name is required" },
        { field: "password", reason: "PASSWORD_TOO_SHORT", params: { min: 10 }, message: expect.stringContaining("Password") },
      ],
    });
    expect(await stranger.errorOf(ACCEPT, { token })).toMatchObject({ code: "BAD_USER_INPUT" });
    const { acceptInvitation } = await stranger.ok(ACCEPT, { token, name: "Nova Newcomer", password: PASSWORD });
    expect(acceptInvitation).toEqual({ user: { id: expect.any(String), email: "newcomer@fresh.test", name: "Nova Newcomer" }, organization: { id: orgA, name: "Tenant A", myRole: "VIEWER" } });
    expect(stranger.cookie).toMatch(/^clavis_session=/);
    expect((await stranger.ok(ME)).me).toEqual({ email: "newcomer@fresh.test", name: "Nova Newcomer" });
    expect((await stranger.ok(MEMBERS, { id: orgA })).members).toContainEqual({ email: "newcomer@fresh.test", role: "VIEWER" });
    await signIn(app, "newcomer@fresh.test");
    expect(await new GraphQLSession(app.url).errorOf(ACCEPT, { token, name: "Again", password: PASSWORD })).toEqual(invitationNotFound);
  });

  it("never lets the link holder set a password for an account that already exists", async () => {
    await seedOrganization(app, "Tenant C", "c@tenant.test");
    const { token } = await invite("c@tenant.test", "OWNER");
    const holder = new GraphQLSession(app.url);
    expect(await holder.errorOf(ACCEPT, { token, name: "Mallory", password: "mallory's own password" })).toEqual({
      code: "CONFLICT",
      message: "An account with this e-mail address already exists: sign in to accept the invitation",
      fields: undefined,
    });
    expect(holder.cookie).toBeNull();
    expect((await holder.errorOf(LOGIN, { email: "c@tenant.test", password: "mallory's own password" })).code).toBe("UNAUTHENTICATED");
    const c = await signIn(app, "c@tenant.test");
    expect((await c.ok(ME)).me.name).toBe("Tenant C Owner");
    expect(await memberEmails()).not.toContain("c@tenant.test");
    expect((await c.ok(PREVIEW, { token })).invitation.email).toBe("c@tenant.test");
    expect((await c.ok(ACCEPT, { token })).acceptInvitation.organization.myRole).toBe("OWNER");
  });

  it("refuses a signed-in user whose e-mail is not the invitation's, and leaves the invitation usable", async () => {
    const { token } = await invite("intended@fresh.test");
    const expected = { code: "FORBIDDEN", message: "This invitation was sent to another e-mail address: sign in with that address to accept it", fields: undefined };
    expect(await ownerB.errorOf(ACCEPT, { token })).toEqual(expected);
    expect(await ownerB.errorOf(ACCEPT, { token, name: "Someone", password: PASSWORD })).toEqual(expected);
    expect(await memberEmails()).not.toContain("intended@fresh.test");
    expect((await new GraphQLSession(app.url).ok(PREVIEW, { token })).invitation.email).toBe("intended@fresh.test");
  });

  it("answers an unknown, malformed, expired, withdrawn or used link with one NOT_FOUND", async () => {
    const expired = await invite("expired@fresh.test");
    await expire(expired.invitation.id);
    const withdrawn = await invite("withdrawn@fresh.test");
    expect(await ownerA.ok(WITHDRAW, { id: withdrawn.invitation.id })).toEqual({ withdrawInvitation: withdrawn.invitation.id });
    const used = await invite("used@fresh.test");
    await new GraphQLSession(app.url).ok(ACCEPT, { token: used.token, name: "Used", password: PASSWORD });
    const tokens = [`clvinv_${"A".repeat(43)}`, "not-a-token", "", expired.token, withdrawn.token, used.token];
    const anonymous = new GraphQLSession(app.url);
    for (const token of tokens) {
      expect(await anonymous.errorOf(PREVIEW, { token })).toEqual(invitationNotFound);
      expect(await anonymous.errorOf(ACCEPT, { token, name: "Late", password: PASSWORD })).toEqual(invitationNotFound);
      expect(await ownerB.errorOf(ACCEPT, { token })).toEqual(invitationNotFound);
    }
    expect(await anonymous.errorOf(`mutation { login(email: "expired@fresh.test", password: "${PASSWORD}") { id } }`)).toMatchObject({ code: "UNAUTHENTICATED" });
    const listed = (await ownerA.ok(LIST, { id: orgA })).invitations as { email: string; isExpired: boolean }[];
    expect(listed.find((invitation) => invitation.email === "expired@fresh.test")?.isExpired).toBe(true);
    expect(listed.map((invitation) => invitation.email)).not.toContain("withdrawn@fresh.test");
    expect(listed.map((invitation) => invitation.email)).not.toContain("used@fresh.test");
  });

  it("uses a link up exactly once when it is accepted several times at once", async () => {
    const { token } = await invite("racer@fresh.test");
    const attempts = await Promise.all([1, 2, 3].map(() => new GraphQLSession(app.url).request(ACCEPT, { token, name: "Racer", password: PASSWORD })));
    expect(attempts.filter((attempt) => attempt.errors === undefined)).toHaveLength(1);
    for (const refused of attempts.filter((attempt) => attempt.errors !== undefined)) expect(["NOT_FOUND", "CONFLICT"]).toContain(refused.errors?.[0].extensions?.code);
    expect((await memberEmails()).filter((email) => email === "racer@fresh.test")).toHaveLength(1);
  });

  it("replaces a pending invitation when the same e-mail is invited again: the old link stops working", async () => {
    const first = await invite("twice@fresh.test", "VIEWER");
    const second = await invite("TWICE@fresh.test", "OWNER");
    expect(second.invitation.id).not.toBe(first.invitation.id);
    expect(await new GraphQLSession(app.url).errorOf(PREVIEW, { token: first.token })).toEqual(invitationNotFound);
    expect((await new GraphQLSession(app.url).ok(PREVIEW, { token: second.token })).invitation.role).toBe("OWNER");
    const listed = (await ownerA.ok(LIST, { id: orgA })).invitations as { id: string; email: string }[];
    expect(listed.filter((invitation) => invitation.email === "twice@fresh.test").map((invitation) => invitation.id)).toEqual([second.invitation.id]);
  });

  it("refuses to invite an existing member of the same organization, and bad input", async () => {
    expect(await ownerA.errorOf(INVITE, { input: { organizationId: orgA, email: "a@tenant.test", role: "VIEWER" } })).toEqual({
      code: "CONFLICT",
      message: "a@tenant.test is already a member of this organization",
      fields: undefined,
    });
    expect(await ownerA.errorOf(INVITE, { input: { organizationId: orgA, email: "not an address", role: "VIEWER" } })).toEqual({
      code: "BAD_USER_INPUT",
      message: "Enter a valid e-mail address",
      fields: [{ field: "email", reason: "EMAIL_INVALID", message: "Enter a valid e-mail address" }],
    });
  });

  it("audits creation, withdrawal and acceptance, never with the token or the link", async () => {
    const { seeded } = { seeded: await seedOrganization(app, "Tenant D", "d@tenant.test") };
    const orgD = seeded.organization.id;
    const ownerD = seeded.session;
    const withdrawn = await invite("gone@fresh.test", "VIEWER", ownerD, orgD);
    await ownerD.ok(WITHDRAW, { id: withdrawn.invitation.id });
    const accepted = await invite("joiner@fresh.test", "OWNER", ownerD, orgD);
    const joiner = new GraphQLSession(app.url);
    const { acceptInvitation } = await joiner.ok(ACCEPT, { token: accepted.token, name: "Jo Joiner", password: PASSWORD });
    const events = (await ownerD.ok(AUDIT, { organizationId: orgD, first: 50 })).auditEvents.edges.map((edge: { node: unknown }) => edge.node);
    const summary = events.map((event: any) => ({ action: event.action, actor: event.actor.label, targetType: event.targetType, targetId: event.targetId, targetLabel: event.targetLabel }));
    expect(summary).toEqual(
      expect.arrayContaining([
        { action: "invitation.created", actor: "d@tenant.test", targetType: "INVITATION", targetId: withdrawn.invitation.id, targetLabel: "gone@fresh.test" },
        { action: "invitation.withdrawn", actor: "d@tenant.test", targetType: "INVITATION", targetId: withdrawn.invitation.id, targetLabel: "gone@fresh.test" },
        { action: "invitation.created", actor: "d@tenant.test", targetType: "INVITATION", targetId: accepted.invitation.id, targetLabel: "joiner@fresh.test" },
        { action: "member.added", actor: "joiner@fresh.test", targetType: "MEMBER", targetId: acceptInvitation.user.id, targetLabel: "joiner@fresh.test" },
        { action: "invitation.accepted", actor: "joiner@fresh.test", targetType: "INVITATION", targetId: accepted.invitation.id, targetLabel: "joiner@fresh.test" },
      ]),
    );
    const text = JSON.stringify(events);
    for (const secret of [withdrawn.token, accepted.token, withdrawn.url, accepted.url, "clvinv_", "/invitation/"]) expect(text).not.toContain(secret);
    expect(LEAK_PATTERNS.some(({ pattern }) => pattern.test(`{"url":"${accepted.url}"}`))).toBe(true);
  });

  it("keeps the token of a link opened in the browser out of the request log", async () => {
    const { token } = await invite("opens-link@fresh.test");
    const response = await fetch(`${app.url}/invitation/${token}`, { headers: { accept: "text/html" } });
    await response.body?.cancel();
    // The end-of-suite leak scan reads this server's log (LEAK_PATTERNS has the token's shape).
    expect(LEAK_PATTERNS.some(({ pattern }) => pattern.test(token))).toBe(true);
  });

  it("refuses bearer clients, viewers and anonymous callers the management of invitations", async () => {
    const { invitation } = await invite("managed@fresh.test");
    const bot = await createClient(ownerA, orgA, { role: null, permissions: ["api-clients.read", "api-clients.write"] });
    const accessToken = (await tokenFor(app, bot.clientId, bot.secret)).body?.access_token;
    const botSession = new GraphQLSession(app.url, { authorization: `Bearer ${accessToken}`, "x-tenant-id": orgA });
    const viewer = await addMember(app, orgA, "viewer@tenant.test", "VIEWER");
    for (const [caller, code] of [
      [botSession, "FORBIDDEN"],
      [viewer, "FORBIDDEN"],
      [new GraphQLSession(app.url), "UNAUTHENTICATED"],
    ] as const) {
      expect((await caller.errorOf(INVITE, { input: { organizationId: orgA, email: "more@fresh.test", role: "OWNER" } })).code).toBe(code);
      expect((await caller.errorOf(LIST, { id: orgA })).code).toBe(code);
      expect((await caller.errorOf(WITHDRAW, { id: invitation.id })).code).toBe(code);
    }
    expect((await botSession.errorOf(ACCEPT, { token: (await invite("bot-target@fresh.test")).token })).code).toBe("FORBIDDEN");
    expect((await ownerA.ok(LIST, { id: orgA })).invitations.map((listed: { id: string }) => listed.id)).toContain(invitation.id);
  });

  it("gives another tenant's owner NOT_FOUND for invitations, by organization or by id", async () => {
    const { invitation } = await invite("isolated@fresh.test");
    const orgNotFound = { code: "NOT_FOUND", message: "Organization not found", fields: undefined };
    const notFound = { code: "NOT_FOUND", message: "Invitation not found", fields: undefined };
    const outsider = (await seedOrganization(app, "Tenant E", "e@tenant.test")).session;
    expect(await outsider.errorOf(LIST, { id: orgA })).toEqual(orgNotFound);
    expect(await outsider.errorOf(INVITE, { input: { organizationId: orgA, email: "x@fresh.test", role: "OWNER" } })).toEqual(orgNotFound);
    expect(await outsider.errorOf(WITHDRAW, { id: invitation.id })).toEqual(notFound);
    expect(await outsider.errorOf(WITHDRAW, { id: "00000000-0000-4000-8000-000000000000" })).toEqual(notFound);
    expect((await ownerA.ok(LIST, { id: orgA })).invitations.map((listed: { id: string }) => listed.id)).toContain(invitation.id);
  });

  it("has no addMember mutation, and adds members directly only for operators", async () => {
    const mutations = (await ownerA.ok(`query { __schema { mutationType { fields { name } } } }`)).__schema.mutationType.fields.map((field: { name: string }) => field.name);
    expect(mutations).not.toContain("addMember");
    expect(mutations).toEqual(expect.arrayContaining(["inviteMember", "acceptInvitation", "withdrawInvitation"]));
    const old = await ownerA.request(`mutation { addMember(input: { organizationId: "${orgA}", email: "b@tenant.test", role: OWNER }) { userId name } }`);
    expect(old.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const ownerOfA = createCtx(app.app.dataSource, { type: "USER", userId: (await ownerA.ok(`query { me { id } }`)).me.id, email: "a@tenant.test", isOperator: false });
    await expect(app.app.services.members.add(ownerOfA, { organizationId: orgA, email: "e@tenant.test", role: "OWNER" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await memberEmails()).not.toContain("e@tenant.test");
  });
});

describe("account creation through an invitation link", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it("takes a slot of the address's hashing budget and refuses without hashing once it is spent", async () => {
    // A server of its own: spending 127.0.0.1's budget here must not refuse the other tests' sign-ins.
    const own = await startTestApp();
    try {
      const { organization, session } = await seedOrganization(own, "Budget", "owner@budget.test");
      const { inviteMember } = await session.ok(INVITE, { input: { organizationId: organization.id, email: "late@budget.test", role: "VIEWER" } });
      const token = tokenOf(inviteMember.invitationUrl);
      const budget = own.app.services.hashBudget;
      while ((await budget.acquire(throttleKey("127.0.0.1"))) === null);
      const refused = await new GraphQLSession(own.url).request(ACCEPT, { token, name: "Late", password: PASSWORD });
      expect(refused.status).toBe(429);
      expect(refused.errors?.[0].extensions?.code).toBe("TOO_MANY_REQUESTS");
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await new GraphQLSession(own.url).ok(PREVIEW, { token })).invitation.email).toBe("late@budget.test");
      expect((await session.ok(MEMBERS, { id: organization.id })).members.map((member: { email: string }) => member.email)).toEqual(["owner@budget.test"]);
    } finally {
      await own.close();
    }
  });

  it("is not open to operators' or system actors' sessions: direct adds stay theirs", async () => {
    const { organization } = await seedOrganization(app, "Operators", "owner@operators.test");
    const system = createCtx(app.app.dataSource, { type: "SYSTEM" });
    const added = await app.app.services.members.add(system, { organizationId: organization.id, email: "ops@operators.test", role: "VIEWER", name: "Ops", password: PASSWORD });
    expect(added.membership.role).toBe("VIEWER");
    const client = createCtx(app.app.dataSource, { type: "CLIENT", apiClientId: "x", clientId: "x", organizationId: organization.id, permissions: ["api-clients.write"] });
    await expect(app.app.services.members.add(client, { organizationId: organization.id, email: "bot@operators.test", role: "OWNER" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const anonymous = createCtx(app.app.dataSource, { type: "ANONYMOUS" });
    await expect(app.app.services.members.add(anonymous, { organizationId: organization.id, email: "anon@operators.test", role: "OWNER" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
