import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCtx } from "../../src/services.js";
import { GraphQLSession, seedOrganization } from "../support/graphql-session.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } invitationUrl } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawInvitation(id: $id) }`;
const ACCEPT = `mutation($token: String!, $name: String, $password: String) { acceptInvitation(token: $token, name: $name, password: $password) { user { id } } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`;
const MY_ORGANIZATIONS = `query { myOrganizations { id } }`;
const SQUATTER_PASSWORD = "squatter chose this passphrase 7";

const tokenOf = (url: string) => url.slice(url.indexOf("/invitation/") + "/invitation/".length);

/** Review of issue #12 item 6: the inviting owner holds the link, so the link must not speak for the invitee. */
describe("review: the inviting owner holds the invitation link", () => {
  let app: TestApp;
  let ownerA: GraphQLSession;
  let orgA: string;
  let orgB: string;

  beforeAll(async () => {
    app = await startTestApp();
    const a = await seedOrganization(app, "Tenant A", "a@tenant.test");
    const b = await seedOrganization(app, "Tenant B", "b@tenant.test");
    ownerA = a.session;
    orgA = a.organization.id;
    orgB = b.organization.id;
  });

  afterAll(async () => {
    await app.close();
  });

  /** Invite, open the link anonymously without name or password, withdraw: what an enumerating owner does. */
  async function probe(email: string) {
    const { inviteMember } = await ownerA.ok(INVITE, { input: { organizationId: orgA, email, role: "VIEWER" } });
    const answer = await new GraphQLSession(app.url).request(ACCEPT, { token: tokenOf(inviteMember.invitationUrl) });
    await ownerA.ok(WITHDRAW, { id: inviteMember.invitation.id });
    const [error] = answer.errors ?? [];
    return { status: answer.status, code: error?.extensions?.code, message: error?.message };
  }

  it("gives the inviting owner the same anonymous acceptInvitation answer for an address with an account as for one without", async () => {
    const ownerOfB = await probe("b@tenant.test");
    const nobody = await probe("nobody@tenant.test");
    expect(ownerOfB).toEqual(nobody);
  });

  it("does not let an owner, through their own invitation's link, make an account that later signs them into another organization", async () => {
    const victim = "victim@tenant.test";
    // Owner A invites an address nobody has registered yet and accepts the link itself, choosing the password.
    const { inviteMember } = await ownerA.ok(INVITE, { input: { organizationId: orgA, email: victim, role: "VIEWER" } });
    await new GraphQLSession(app.url).request(ACCEPT, { token: tokenOf(inviteMember.invitationUrl), name: "Victim", password: SQUATTER_PASSWORD });
    // Later an operator adds the real person to Tenant B (clavis user create: an existing account is just added).
    const system = createCtx(app.app.dataSource, { type: "SYSTEM" });
    await app.app.services.members.add(system, { organizationId: orgB, email: victim, role: "OWNER", name: "Victim", password: "the operator's own choice 9" }).catch(() => undefined);
    // Owner A must not be able to sign in as that person and reach Tenant B.
    const squatter = new GraphQLSession(app.url);
    const login = await squatter.request(LOGIN, { email: victim, password: SQUATTER_PASSWORD });
    const reached = login.errors === undefined ? ((await squatter.ok(MY_ORGANIZATIONS)).myOrganizations as { id: string }[]).map((org) => org.id) : [];
    expect(reached).not.toContain(orgB);
    // An operator who has made sure the account is the person's may still add it, explicitly.
    const added = await app.app.services.members.add(system, { organizationId: orgB, email: victim, role: "VIEWER", allowLinkAccount: true });
    expect(added.user.email).toBe(victim);
  });
});
