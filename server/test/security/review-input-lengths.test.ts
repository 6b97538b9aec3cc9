import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphQLSession, seedOrganization } from "../support/graphql-session.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }`;

/** Review of issue #12 item 2: input longer than its column is BAD_USER_INPUT, never a 500. */
describe("review: e-mail addresses longer than the column", () => {
  let app: TestApp;
  let owner: GraphQLSession;
  let organizationId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const seeded = await seedOrganization(app, "Acme", "owner@acme.test");
    owner = seeded.session;
    organizationId = seeded.organization.id;
  });

  afterAll(async () => {
    await app.close();
  });

  it("refuses an invitation to a 305-character e-mail address as BAD_USER_INPUT on the email field", async () => {
    // Passes the address pattern (64@189.tld, the top-level part unbounded); the column holds 254.
    const email = `x@y.${"c".repeat(301)}`;
    const { code, fields } = await owner.errorOf(INVITE, { input: { organizationId, email, role: "VIEWER" } });
    expect({ code, fields: fields?.map((field) => field.field) }).toEqual({ code: "BAD_USER_INPUT", fields: ["email"] });
  });
});
