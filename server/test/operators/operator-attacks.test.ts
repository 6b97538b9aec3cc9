import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OperatorInvitation } from "../../src/modules/invitations/operator-invitation.entity.js";
import { User } from "../../src/modules/members/user.entity.js";
import { createCtx } from "../../src/services.js";
import { GraphQLSession, PASSWORD, addMember, setupOwner, signIn } from "../support/graphql-session.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const ME = `query { me { email isOperator } }`;
const INVITE_OPERATOR = `mutation($email: String!) { inviteOperator(email: $email) { invitationUrl invitation { id } } }`;
const INVITE_MEMBER = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitationUrl } }`;
const ACCEPT = `mutation($token: String!, $name: String, $password: String) { acceptInvitation(token: $token, name: $name, password: $password) { user { email isOperator } organization { id } } }`;
const PREVIEW = `query($token: String!) { invitation(token: $token) { email forOperator } }`;
const SETUP = `mutation($input: SetupInput!) { setup(input: $input) { user { id } } }`;

const tokenOf = (url: string) => url.split("/invitation/")[1];
const reasonOf = async (session: GraphQLSession, query: string, variables: Record<string, unknown> = {}) => {
  const result = await session.request(query, variables);
  return (result.errors?.[0] as { extensions?: { code?: string; reason?: string } } | undefined)?.extensions;
};

describe("attempts to become an operator without being made one", () => {
  let app: TestApp;
  let operator: GraphQLSession;
  let owner: GraphQLSession;
  let organizationId: string;

  beforeAll(async () => {
    app = await startTestApp();
    operator = (await setupOwner(app, "root@acme.test", { asOperator: true })).session;
    const organization = await app.app.services.organizations.create(createCtx(app.app.dataSource, { type: "SYSTEM" }), { name: "Tenant", apiClientsEnabled: true });
    organizationId = organization.id;
    owner = await addMember(app, organizationId, "owner@tenant.test", "OWNER");
  });

  afterAll(async () => {
    await app?.close();
  });

  it("setup called again, signed in or not, gives nobody the role", async () => {
    const input = { organizationName: "Mine", name: "Owen", email: "owner@tenant.test", password: PASSWORD };
    expect(await reasonOf(owner, SETUP, { input })).toMatchObject({ code: "FORBIDDEN", reason: "ALREADY_SET_UP" });
    expect(await reasonOf(new GraphQLSession(app.url), SETUP, { input: { ...input, email: "new@evil.test" } })).toMatchObject({ code: "FORBIDDEN", reason: "ALREADY_SET_UP" });
    expect((await owner.ok(ME)).me.isOperator).toBe(false);
  });

  it("a member invitation, of this or another organization, grants membership and never the role", async () => {
    const other = await app.app.services.organizations.create(createCtx(app.app.dataSource, { type: "SYSTEM" }), { name: "Other" });
    await addMember(app, other.id, "other-owner@other.test", "OWNER").then(async (otherOwner) => {
      const { inviteMember } = await otherOwner.ok(INVITE_MEMBER, { input: { organizationId: other.id, email: "owner@tenant.test", role: "OWNER" } });
      const token = tokenOf(inviteMember.invitationUrl);
      expect((await owner.ok(PREVIEW, { token })).invitation).toEqual({ email: "owner@tenant.test", forOperator: false });
      expect((await owner.ok(ACCEPT, { token })).acceptInvitation).toEqual({ user: { email: "owner@tenant.test", isOperator: false }, organization: { id: other.id } });
      // Used once: it cannot be replayed for anything else.
      expect(await reasonOf(owner, ACCEPT, { token })).toMatchObject({ code: "NOT_FOUND", reason: "INVITATION_LINK_INVALID" });
    });
    expect((await owner.ok(ME)).me.isOperator).toBe(false);
    expect(await reasonOf(owner, `query { operators { id } }`)).toMatchObject({ code: "FORBIDDEN", reason: "OPERATOR_ONLY" });
  });

  it("an operator invitation for another address cannot be taken by a signed-in owner, nor by creating that account again", async () => {
    const { inviteOperator } = await operator.ok(INVITE_OPERATOR, { email: "helper@acme.test" });
    const token = tokenOf(inviteOperator.invitationUrl);
    expect(await reasonOf(owner, ACCEPT, { token })).toMatchObject({ code: "FORBIDDEN", reason: "INVITATION_OTHER_EMAIL" });
    expect((await owner.ok(ME)).me.isOperator).toBe(false);
    // The link still works for its addressee.
    expect((await new GraphQLSession(app.url).ok(PREVIEW, { token })).invitation).toEqual({ email: "helper@acme.test", forOperator: true });

    // An operator invitation for an address with an account: the link holder cannot set its password.
    const { inviteOperator: forOwner } = await operator.ok(INVITE_OPERATOR, { email: "owner@tenant.test" });
    const ownerToken = tokenOf(forOwner.invitationUrl);
    expect(await reasonOf(new GraphQLSession(app.url), ACCEPT, { token: ownerToken, name: "Mallory", password: "another horse battery staple" })).toMatchObject({ code: "CONFLICT", reason: "ACCOUNT_EXISTS" });
    expect((await signIn(app, "owner@tenant.test")).cookie).not.toBeNull();
  });

  it("an owner cannot invite themselves as an operator, and a withdrawn or expired operator link is dead", async () => {
    expect(await reasonOf(owner, INVITE_OPERATOR, { email: "owner@tenant.test" })).toMatchObject({ code: "FORBIDDEN", reason: "OPERATOR_ONLY" });
    const { inviteOperator } = await operator.ok(INVITE_OPERATOR, { email: "gone@acme.test" });
    await operator.ok(`mutation($id: ID!) { withdrawOperatorInvitation(id: $id) }`, { id: inviteOperator.invitation.id });
    const anonymous = new GraphQLSession(app.url);
    expect(await reasonOf(anonymous, PREVIEW, { token: tokenOf(inviteOperator.invitationUrl) })).toMatchObject({ code: "NOT_FOUND", reason: "INVITATION_LINK_INVALID" });
    expect(await reasonOf(anonymous, ACCEPT, { token: tokenOf(inviteOperator.invitationUrl), name: "Gone", password: PASSWORD })).toMatchObject({ code: "NOT_FOUND", reason: "INVITATION_LINK_INVALID" });

    const { inviteOperator: late } = await operator.ok(INVITE_OPERATOR, { email: "late@acme.test" });
    await app.app.dataSource.manager.update(OperatorInvitation, { id: late.invitation.id }, { expiresAt: new Date(Date.now() - 1000) });
    expect(await reasonOf(anonymous, ACCEPT, { token: tokenOf(late.invitationUrl), name: "Late", password: PASSWORD })).toMatchObject({ code: "NOT_FOUND", reason: "INVITATION_LINK_INVALID" });
    expect(await app.app.dataSource.manager.countBy(User, { email: "late@acme.test" })).toBe(0);
  });

  it("an operator link is used up exactly once when accepted several times at once", async () => {
    const { inviteOperator } = await operator.ok(INVITE_OPERATOR, { email: "race@acme.test" });
    await app.app.services.members.add(createCtx(app.app.dataSource, { type: "SYSTEM" }), { organizationId, email: "race@acme.test", role: "VIEWER", name: "Race", password: PASSWORD });
    const sessions = await Promise.all([1, 2, 3].map(() => signIn(app, "race@acme.test")));
    const results = await Promise.all(sessions.map((session) => session.request(ACCEPT, { token: tokenOf(inviteOperator.invitationUrl) })));
    expect(results.filter((result) => result.errors === undefined)).toHaveLength(1);
    expect(results.filter((result) => result.errors?.[0].extensions?.code === "NOT_FOUND")).toHaveLength(2);
    const added = await operator.ok(`query { platformAuditEvents(filter: { action: "operator.added" }) { totalCount } }`);
    expect(added.platformAuditEvents.totalCount).toBe(1);
  });
});
