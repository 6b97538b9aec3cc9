import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, GraphQLSession, PASSWORD, seedOrganization, signIn } from "../support/graphql-session.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const MEMBERS = `query($id: ID!) { members(organizationId: $id) { email name role } }`;
const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { email role } invitationUrl } }`;
const ACCEPT = `mutation($token: String!, $name: String, $password: String) { acceptInvitation(token: $token, name: $name, password: $password) { user { id } } }`;
const ROLE = `mutation($org: ID!, $user: ID!, $role: MemberRole!) { updateMemberRole(organizationId: $org, userId: $user, role: $role) { role } }`;
const REMOVE = `mutation($org: ID!, $user: ID!) { removeMember(organizationId: $org, userId: $user) }`;

describe("members", () => {
  let app: TestApp;
  let owner: GraphQLSession;
  let organizationId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const seeded = await seedOrganization(app, "Team", "lead@team.test");
    owner = seeded.session;
    organizationId = seeded.organization.id;
  });

  afterAll(async () => {
    await app.close();
  });

  it("invites a new user as a viewer, who joins through the link and can then sign in", async () => {
    const { inviteMember } = await owner.ok(INVITE, { input: { organizationId, email: "Vera@Team.test", role: "VIEWER" } });
    expect(inviteMember.invitation).toMatchObject({ email: "vera@team.test", role: "VIEWER" });
    const token = inviteMember.invitationUrl.split("/invitation/")[1];
    await new GraphQLSession(app.url).ok(ACCEPT, { token, name: "Vera", password: PASSWORD });
    const vera = await signIn(app, "vera@team.test");
    expect((await vera.ok(MEMBERS, { id: organizationId })).members).toEqual([
      { email: "lead@team.test", name: "Team Owner", role: "OWNER" },
      { email: "vera@team.test", name: "Vera", role: "VIEWER" },
    ]);
    expect((await vera.errorOf(INVITE, { input: { organizationId, email: "x@team.test", role: "OWNER" } })).code).toBe("FORBIDDEN");
  });

  it("refuses to invite someone who already is a member", async () => {
    expect(await owner.errorOf(INVITE, { input: { organizationId, email: "vera@team.test", role: "OWNER" } })).toMatchObject({
      code: "CONFLICT",
      message: "vera@team.test is already a member of this organization",
    });
  });

  it("never removes or demotes the last owner", async () => {
    const lead = (await owner.ok(`query($id: ID!) { members(organizationId: $id) { userId email } }`, { id: organizationId })).members.find(
      (member: { email: string }) => member.email === "lead@team.test",
    );
    const lastOwner = { code: "CONFLICT", message: "An organization needs at least one owner: make someone else an owner first", fields: undefined };
    expect(await owner.errorOf(REMOVE, { org: organizationId, user: lead.userId })).toEqual(lastOwner);
    expect(await owner.errorOf(ROLE, { org: organizationId, user: lead.userId, role: "VIEWER" })).toEqual(lastOwner);
    const second = await addMember(app, organizationId, "second@team.test", "OWNER");
    expect(await second.ok(REMOVE, { org: organizationId, user: lead.userId })).toEqual({ removeMember: lead.userId });
    expect((await owner.errorOf(MEMBERS, { id: organizationId })).code).toBe("NOT_FOUND");
  });
});

describe("an organization with API clients switched off", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it("answers API client queries and mutations with FORBIDDEN saying so", async () => {
    const { organization, session } = await seedOrganization(app, "Dormant", "dormant@acme.test", { apiClientsEnabled: false });
    const expected = { code: "FORBIDDEN", message: "API clients are switched off for this organization. Ask your platform operator to switch them on.", fields: undefined };
    expect(await session.errorOf(`query($id: ID!) { apiClients(organizationId: $id) { totalCount } }`, { id: organization.id })).toEqual(expected);
    expect(
      await session.errorOf(`mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { clientSecret } }`, {
        input: { organizationId: organization.id, name: "x", environment: "LIVE" },
      }),
    ).toEqual(expected);
    expect((await session.ok(`query($id: ID!) { organization(id: $id) { apiClientsEnabled } }`, { id: organization.id })).organization).toEqual({ apiClientsEnabled: false });
  });
});

describe("CLAVIS_API_CLIENTS_DEFAULT=off", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ CLAVIS_API_CLIENTS_DEFAULT: "off" });
  });

  afterAll(async () => {
    await app.close();
  });

  it("creates organizations with API clients switched off", async () => {
    const { organization, session } = await seedOrganization(app, "Rollout", "rollout@acme.test");
    expect(organization.apiClientsEnabled).toBe(false);
    expect((await session.errorOf(`query($id: ID!) { apiClients(organizationId: $id) { totalCount } }`, { id: organization.id })).code).toBe("FORBIDDEN");
  });
});
