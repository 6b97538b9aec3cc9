import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditEvent } from "../../src/modules/audit/audit-event.entity.js";
import { AUDIT, clientInput, CREATE, DELETE, PERMISSIONS, RESET, UPDATE } from "../support/api-client-queries.js";
import { GraphQLSession, seedOrganization } from "../support/graphql-session.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

describe("the audit trail", () => {
  let app: TestApp;
  let owner: GraphQLSession;
  let organizationId: string;
  const secrets: string[] = [];
  let clientId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const seeded = await seedOrganization(app, "Audited", "auditor@acme.test");
    owner = seeded.session;
    organizationId = seeded.organization.id;
    const created = (await owner.ok(CREATE, { input: clientInput(organizationId, { name: "Traced" }) })).createApiClient;
    clientId = created.apiClient.id;
    secrets.push(created.clientSecret);
    await owner.ok(UPDATE, { id: clientId, input: { name: "Traced v2", allowedIps: ["192.0.2.0/24"] } });
    await owner.ok(PERMISSIONS, { id: clientId, grant: ["blogs.write"], revoke: ["flows.read"] });
    secrets.push((await owner.ok(RESET, { id: clientId, grace: 60 })).resetApiClientSecret.clientSecret);
    await owner.ok(CREATE, { input: clientInput(organizationId, { name: "Other" }) }).then((data) => secrets.push(data.createApiClient.clientSecret));
    await owner.ok(DELETE, { id: clientId });
  });

  afterAll(async () => {
    await app.close();
  });

  it("records every mutation, newest first, with actor, target and address", async () => {
    const { auditEvents } = await owner.ok(AUDIT, { organizationId });
    const events = auditEvents.edges.map((edge: { node: unknown }) => edge.node);
    expect(events.map((event: { action: string }) => event.action)).toEqual([
      "api_client.deleted",
      "api_client.created",
      "api_client.secret_reset",
      "api_client.permissions_updated",
      "api_client.updated",
      "api_client.created",
      "member.added",
      "organization.created",
    ]);
    const updated = events[4];
    expect(updated).toMatchObject({
      actor: { type: "USER", label: "auditor@acme.test" },
      targetType: "API_CLIENT",
      targetId: clientId,
      targetLabel: "Traced v2",
      ip: "127.0.0.1",
      changes: { name: { from: "Traced", to: "Traced v2" }, allowedIps: { from: [], to: ["192.0.2.0/24"] } },
    });
    expect(events[3].changes).toEqual({
      added: ["blogs.write"],
      removed: ["flows.read"],
      permissions: ["api.read", "blogs.read", "blogs.write", "api-clients.read"],
    });
    expect(events[2].changes).toEqual({ gracePeriodSeconds: 60, secretHint: secrets[1].slice(-4) });
  });

  it("filters by client", async () => {
    const { auditEvents } = await owner.ok(AUDIT, { organizationId, filter: { apiClientId: clientId } });
    expect(auditEvents.totalCount).toBe(5);
    expect(auditEvents.edges.every((edge: { node: { targetId: string } }) => edge.node.targetId === clientId)).toBe(true);
  });

  it("pages newest first", async () => {
    const first = await owner.ok(AUDIT, { organizationId, first: 3 });
    const second = await owner.ok(AUDIT, { organizationId, first: 3, after: first.auditEvents.pageInfo.endCursor });
    expect(second.auditEvents.edges[0].node.action).toBe("api_client.permissions_updated");
  });

  it("never holds a secret", async () => {
    const rows = await app.app.dataSource.getRepository(AuditEvent).find();
    const dump = JSON.stringify(rows);
    for (const secret of secrets) expect(dump).not.toContain(secret);
    expect(dump).not.toContain("$argon2id$");
  });

  it("is visible to viewers but not to anonymous callers", async () => {
    expect((await new GraphQLSession(app.url).errorOf(AUDIT, { organizationId })).code).toBe("UNAUTHENTICATED");
  });
});
