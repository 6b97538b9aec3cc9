import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditEvent } from "../../src/modules/audit/audit-event.entity.js";
import { ApiClient } from "../../src/modules/api-clients/api-client.entity.js";
import { GraphQLSession, seedOrganization } from "../support/graphql-session.js";
import { createClient, tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const REFUSALS = `query($organizationId: ID!) {
  auditEvents(organizationId: $organizationId, filter: { action: "token.refused" }) {
    edges { node { action actor { type id label } targetLabel reason changes } }
  }
}`;

describe("audit events a translated page can show", () => {
  let app: TestApp;
  let owner: GraphQLSession;
  let organizationId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const seeded = await seedOrganization(app, "Structured", "structured@acme.test");
    owner = seeded.session;
    organizationId = seeded.organization.id;
  });

  afterAll(async () => {
    await app.close();
  });

  const refusals = async () => (await owner.ok(REFUSALS, { organizationId })).auditEvents.edges.map((edge: { node: unknown }) => edge.node);

  it("records a refused token request as done by someone not signed in, with a reason code", async () => {
    const expired = await createClient(owner, organizationId, { name: "Expired" });
    await app.app.dataSource.getRepository(ApiClient).update({ id: expired.id }, { expiresAt: new Date(Date.now() - 1000) });
    const fenced = await createClient(owner, organizationId, { name: "Fenced", allowedIps: ["203.0.113.0/24"] });
    expect((await tokenFor(app, expired.clientId, expired.secret)).status).toBe(401);
    expect((await tokenFor(app, fenced.clientId, fenced.secret)).status).toBe(401);
    expect(await refusals()).toEqual([
      { action: "token.refused", actor: { type: "ANONYMOUS", id: null, label: "anonymous" }, targetLabel: "Fenced", reason: "IP_NOT_ALLOWED", changes: { reason: "IP_NOT_ALLOWED" } },
      { action: "token.refused", actor: { type: "ANONYMOUS", id: null, label: "anonymous" }, targetLabel: "Expired", reason: "CLIENT_EXPIRED", changes: { reason: "CLIENT_EXPIRED" } },
    ]);
  });

  it("reads events stored before, with an English reason and the anonymous caller as SYSTEM, the same way", async () => {
    await app.app.dataSource.getRepository(AuditEvent).delete({ organizationId, action: "token.refused" });
    await app.app.dataSource.getRepository(AuditEvent).insert({
      id: randomUUID(),
      organizationId,
      actorType: "SYSTEM",
      actorId: null,
      actorLabel: "anonymous",
      action: "token.refused",
      targetType: "API_CLIENT",
      targetId: null,
      targetLabel: "Legacy",
      ip: "192.0.2.1",
      requestId: null,
      changes: { reason: "the request came from an address outside the client's allowed IPs" },
      createdAt: new Date(),
    });
    expect(await refusals()).toEqual([
      {
        action: "token.refused",
        actor: { type: "ANONYMOUS", id: null, label: "anonymous" },
        targetLabel: "Legacy",
        reason: "IP_NOT_ALLOWED",
        changes: { reason: "the request came from an address outside the client's allowed IPs" },
      },
    ]);
  });

  it("gives events without a reason none, and keeps operators' events as CLI or SYSTEM", async () => {
    const { auditEvents } = await owner.ok(`query($organizationId: ID!) { auditEvents(organizationId: $organizationId, filter: { action: "organization.created" }) { edges { node { actor { type label } reason } } } }`, {
      organizationId,
    });
    expect(auditEvents.edges.map((edge: { node: unknown }) => edge.node)).toEqual([{ actor: { type: "SYSTEM", label: "system" }, reason: null }]);
  });
});
