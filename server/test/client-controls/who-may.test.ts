import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT } from "../support/api-client-queries.js";
import { addMember, GraphQLSession, seedOrganization } from "../support/graphql-session.js";
import { createClient, introspect, tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { GET_CONTROLS, REVOKE_TOKENS, SET_DISABLED, UPDATE_CONTROLS } from "./controls-queries.js";

const OWNERS_ONLY = { code: "FORBIDDEN", message: "Only owners may change this organization's API clients and members", fields: undefined };
const CLIENT_NOT_FOUND = { code: "NOT_FOUND", message: "API client not found", fields: undefined };
const LESS_PRIVILEGED = { code: "FORBIDDEN", message: "An API client may change, reset or delete only clients whose every permission its token holds too", fields: undefined };

/** Issue 17: the controls follow updateApiClient's rules, and every change is in the audit trail. */
describe("who may use the per-client controls, and their audit events", () => {
  let app: TestApp;
  let owner: GraphQLSession;
  let organizationId: string;
  let target: { id: string; clientId: string; secret: string };

  beforeAll(async () => {
    app = await startTestApp();
    const seeded = await seedOrganization(app, "Acme", "owner@acme.test", { maxApiClients: 50 });
    owner = seeded.session;
    organizationId = seeded.organization.id;
    target = await createClient(owner, organizationId, { name: "Target", role: "admin" });
  });

  afterAll(async () => {
    await app.close();
  });

  const everyControl = (id: string) => [
    [SET_DISABLED, { id, disabled: true }],
    [REVOKE_TOKENS, { id }],
    [UPDATE_CONTROLS, { id, input: { accessTokenTtlSeconds: 120 } }],
    [UPDATE_CONTROLS, { id, input: { customClaims: { tier: "gold" } } }],
  ] as const;

  async function bearerOf(client: { clientId: string; secret: string }): Promise<GraphQLSession> {
    const response = await tokenFor(app, client.clientId, client.secret);
    expect(response.status).toBe(200);
    return new GraphQLSession(app.url, { authorization: `Bearer ${response.body?.access_token}`, "x-tenant-id": organizationId });
  }

  async function unchanged(): Promise<void> {
    expect((await owner.ok(GET_CONTROLS, { id: target.id })).apiClient).toMatchObject({ disabled: false, accessTokenTtlSeconds: null, customClaims: {}, tokensRevokedAt: null });
    expect((await tokenFor(app, target.clientId, target.secret)).status).toBe(200);
  }

  it("refuses a viewer with FORBIDDEN", async () => {
    const viewer = await addMember(app, organizationId, "viewer@acme.test", "VIEWER");
    for (const [query, variables] of everyControl(target.id)) expect(await viewer.errorOf(query, variables)).toEqual(OWNERS_ONLY);
    await unchanged();
  });

  it("refuses another organization's owner with NOT_FOUND", async () => {
    const { session: stranger } = await seedOrganization(app, "Globex", "owner@globex.test");
    for (const [query, variables] of everyControl(target.id)) expect(await stranger.errorOf(query, variables)).toEqual(CLIENT_NOT_FOUND);
    await unchanged();
  });

  it("refuses a client whose token holds less than the target with FORBIDDEN", async () => {
    const bot = await bearerOf(await createClient(owner, organizationId, { name: "Narrow bot", role: null, permissions: ["api-clients.read", "api-clients.write"] }));
    for (const [query, variables] of everyControl(target.id)) expect(await bot.errorOf(query, variables)).toEqual(LESS_PRIVILEGED);
    await unchanged();
  });

  it("lets a client use them on a client no more privileged than its token, and refuses a client disabling itself", async () => {
    const botClient = await createClient(owner, organizationId, { name: "Wide bot", role: null, permissions: ["api-clients.read", "api-clients.write", "blogs.read"] });
    const bot = await bearerOf(botClient);
    const small = await createClient(owner, organizationId, { name: "Small", role: null, permissions: ["blogs.read"] });
    expect((await bot.ok(SET_DISABLED, { id: small.id, disabled: true })).setApiClientDisabled.disabled).toBe(true);
    expect((await bot.ok(SET_DISABLED, { id: small.id, disabled: false })).setApiClientDisabled.disabled).toBe(false);
    expect((await bot.ok(UPDATE_CONTROLS, { id: small.id, input: { accessTokenTtlSeconds: 300, customClaims: { team: "blue" } } })).updateApiClient).toMatchObject({ accessTokenTtlSeconds: 300, customClaims: { team: "blue" } });
    expect((await bot.ok(REVOKE_TOKENS, { id: small.id })).revokeApiClientTokens.tokensRevokedAt).not.toBeNull();

    expect(await bot.errorOf(SET_DISABLED, { id: botClient.id, disabled: true })).toEqual({ code: "FORBIDDEN", message: "An API client cannot disable itself", fields: undefined });
    expect((await owner.ok(GET_CONTROLS, { id: botClient.id })).apiClient.disabled).toBe(false);
  });

  it("records disable, enable, revoke-all and lifetime and claims changes, with no secret", async () => {
    const client = await createClient(owner, organizationId, { name: "Audited", role: "reader" });
    const inspector = await createClient(owner, organizationId, { name: "Audit inspector", role: null, permissions: ["tokens.introspect"] });
    const token = (await tokenFor(app, client.clientId, client.secret)).body?.access_token as string;
    expect((await introspect(app, inspector, token)).body?.active).toBe(true);
    await owner.ok(SET_DISABLED, { id: client.id, disabled: true });
    await owner.ok(SET_DISABLED, { id: client.id, disabled: false });
    await owner.ok(REVOKE_TOKENS, { id: client.id });
    await owner.ok(UPDATE_CONTROLS, { id: client.id, input: { accessTokenTtlSeconds: 600, customClaims: { tier: "gold" } } });
    await owner.ok(UPDATE_CONTROLS, { id: client.id, input: { accessTokenTtlSeconds: null, customClaims: { tier: "silver" } } });

    const { auditEvents } = await owner.ok(AUDIT, { organizationId, filter: { apiClientId: client.id }, first: 20 });
    const events = auditEvents.edges.map(({ node }: { node: { action: string; changes: unknown; actor: { label: string } } }) => ({ action: node.action, changes: node.changes, actor: node.actor.label })).reverse();
    expect(events.slice(1)).toEqual([
      { action: "api_client.disabled", changes: { disabled: { from: false, to: true } }, actor: "owner@acme.test" },
      { action: "api_client.enabled", changes: { disabled: { from: true, to: false } }, actor: "owner@acme.test" },
      { action: "api_client.tokens_revoked", changes: { tokens: 1 }, actor: "owner@acme.test" },
      { action: "api_client.updated", changes: { accessTokenTtlSeconds: { from: null, to: 600 }, customClaims: { from: {}, to: { tier: "gold" } } }, actor: "owner@acme.test" },
      { action: "api_client.updated", changes: { accessTokenTtlSeconds: { from: 600, to: null }, customClaims: { from: { tier: "gold" }, to: { tier: "silver" } } }, actor: "owner@acme.test" },
    ]);
    expect(JSON.stringify(auditEvents)).not.toContain(client.secret);
    expect(JSON.stringify(auditEvents)).not.toContain(token);
  });
});
