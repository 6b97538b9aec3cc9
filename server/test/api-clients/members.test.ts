import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, GraphQLSession, PASSWORD, seedOrganization, signIn } from "../support/graphql-session.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const MEMBERS = `query($id: ID!) { members(organizationId: $id) { email name role } }`;
const ADD = `mutation($input: AddMemberInput!) { addMember(input: $input) { userId email role } }`;
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

  it("adds a new user as a viewer, who can then sign in", async () => {
    const { addMember: added } = await owner.ok(ADD, { input: { organizationId, email: "Vera@Team.test", role: "VIEWER", name: "Vera", password: PASSWORD } });
    expect(added).toMatchObject({ email: "vera@team.test", role: "VIEWER" });
    const vera = await signIn(app, "vera@team.test");
    expect((await vera.ok(MEMBERS, { id: organizationId })).members).toEqual([
      { email: "lead@team.test", name: "Team Owner", role: "OWNER" },
      { email: "vera@team.test", name: "Vera", role: "VIEWER" },
    ]);
    expect((await vera.errorOf(ADD, { input: { organizationId, email: "x@team.test", role: "OWNER", name: "X", password: PASSWORD } })).code).toBe("FORBIDDEN");
  });

  it("needs a name and password for someone without an account, and refuses duplicates", async () => {
    const missing = await owner.errorOf(ADD, { input: { organizationId, email: "new@team.test", role: "VIEWER" } });
    expect(missing.fields).toEqual([
      { field: "name", message: "Name is required (no user has this e-mail yet)" },
      { field: "password", message: "Password must be at least 10 characters (no user has this e-mail yet)" },
    ]);
    expect(await owner.errorOf(ADD, { input: { organizationId, email: "vera@team.test", role: "OWNER" } })).toMatchObject({
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
