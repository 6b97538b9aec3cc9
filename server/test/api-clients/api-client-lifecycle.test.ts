import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, GraphQLSession, setupOwner } from "../support/graphql-session.js";
import { clientInput, CREATE, DELETE, GET, LIST, PERMISSIONS, RESET, UPDATE } from "../support/api-client-queries.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

describe("API client lifecycle", () => {
  let app: TestApp;
  let owner: GraphQLSession;
  let organizationId: string;
  let slug: string;

  beforeAll(async () => {
    app = await startTestApp();
    ({ session: owner, organizationId, slug } = await setupOwner(app));
  });

  afterAll(async () => {
    await app.close();
  });

  it("creates a client and shows its secret exactly once", async () => {
    const { createApiClient } = await owner.ok(CREATE, {
      input: clientInput(organizationId, { description: "Nightly reports", scopes: ["blogs", "flows"], allowedIps: ["10.0.0.0/8"], redirectUris: ["https://app.example.com/cb"] }),
    });
    const { apiClient, clientSecret } = createApiClient;
    expect(clientSecret).toMatch(/^clv_live_[0-9A-Za-z]{49}$/);
    expect(apiClient).toMatchObject({
      organizationId,
      clientId: expect.stringMatching(/^[a-z0-9]{24}$/),
      name: "Reporting service",
      description: "Nightly reports",
      environment: "LIVE",
      permissions: ["blogs.read", "flows.read"],
      scopes: ["blogs", "flows"],
      roleLabel: "reader",
      expiresAt: null,
      expired: false,
      allowedIps: ["10.0.0.0/8"],
      redirectUris: ["https://app.example.com/cb"],
      secretHint: clientSecret.slice(-4),
      createdBy: "owner@acme.test",
      lastUsedAt: null,
    });
    const again = await owner.request(GET, { id: apiClient.id });
    expect(JSON.stringify(again)).not.toContain(clientSecret);
    expect(again.data.apiClient.secretHint).toBe(clientSecret.slice(-4));
  });

  it("prefixes a chosen client id with the organization key and a dot", async () => {
    const { createApiClient } = await owner.ok(CREATE, { input: clientInput(organizationId, { clientId: "reporting-service", environment: "STAGING" }) });
    expect(createApiClient.apiClient.clientId).toBe(`${slug}.reporting-service`);
    expect(createApiClient.clientSecret).toMatch(/^clv_test_/);
    const duplicate = await owner.errorOf(CREATE, { input: clientInput(organizationId, { clientId: "reporting-service" }) });
    expect(duplicate).toEqual({ code: "CONFLICT", message: 'The client id "reporting-service" is already used in this organization', fields: [{ field: "clientId", reason: "CLIENT_ID_IN_USE", params: { clientId: "reporting-service" }, message: "Already used in this organization" }] });
  });

  it("rejects bad input with a message per field", async () => {
    const error = await owner.errorOf(CREATE, {
      input: clientInput(organizationId, {
        name: " ",
        clientId: "No Caps",
        permissions: ["blogs.publish"],
        scopes: ["blogs"],
        expiresAt: "2001-01-01T00:00:00.000Z",
        allowedIps: ["10.0.0.0/99", "10.1.1.1", "10.1.1.1"],
        redirectUris: ["http://evil.example/cb", "https://*.example.com/cb"],
      }),
    });
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.fields).toEqual([
      { field: "name", reason: "NAME_REQUIRED", message: "Name is required" },
      { field: "clientId", reason: "CLIENT_ID_CHARACTERS", params: { min: 3, max: 64 - (slug.length + 1), prefix: `${slug}.` }, message: `Client id may hold only a-z, 0-9, dot, underscore and dash (3–${64 - (slug.length + 1)} characters)` },
      { field: "permissions", reason: "PERMISSIONS_UNKNOWN", params: { permissions: "blogs.publish" }, message: 'Unknown permission "blogs.publish". Valid permissions: blogs.read, blogs.create, blogs.write' },
      { field: "expiresAt", reason: "EXPIRY_IN_PAST", message: "Expiry must be in the future" },
      { field: "allowedIps[0]", reason: "IP_PREFIX_RANGE", params: { entry: "10.0.0.0/99", max: 32 }, message: '"10.0.0.0/99" has a prefix length outside 0–32' },
      { field: "allowedIps[2]", reason: "ENTRY_DUPLICATE", params: { entry: "10.1.1.1", position: 2 }, message: '"10.1.1.1" is listed twice (also at position 2)' },
      { field: "redirectUris[0]", reason: "REDIRECT_URI_HTTP", params: { entry: "http://evil.example/cb" }, message: '"http://evil.example/cb" must use https (http is allowed only for localhost)' },
      { field: "redirectUris[1]", reason: "REDIRECT_URI_WILDCARD", params: { entry: "https://*.example.com/cb" }, message: '"https://*.example.com/cb" must not contain wildcards' },
    ]);
  });

  it("rejects permissions outside the scopes and unknown scopes", async () => {
    const outside = await owner.errorOf(CREATE, { input: clientInput(organizationId, { role: null, permissions: ["flows.read"], scopes: ["blogs"] }) });
    expect(outside.fields).toEqual([{ field: "permissions", reason: "PERMISSIONS_OUTSIDE_SCOPES", params: { permissions: "flows.read", scopes: "blogs" }, message: "Outside the client's scopes (blogs): flows.read" }]);
    const unknown = await owner.errorOf(CREATE, { input: clientInput(organizationId, { scopes: ["nope"] }) });
    expect(unknown.fields).toEqual([{ field: "scopes", reason: "SCOPES_UNKNOWN", params: { scopes: "nope" }, message: "Unknown scope nope. Valid scopes: api, blogs, flows, api-clients, tokens, members, audit" }]);
  });

  it("accepts an expiry in the future and reports the client as not expired", async () => {
    const expiresAt = new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();
    const { createApiClient } = await owner.ok(CREATE, { input: clientInput(organizationId, { name: "Yearly", expiresAt }) });
    expect(createApiClient.apiClient).toMatchObject({ expiresAt, expired: false });
  });

  it("updates name, notes, IPs and redirect URIs, and validates them", async () => {
    const { createApiClient } = await owner.ok(CREATE, { input: clientInput(organizationId, { name: "Editable" }) });
    const id = createApiClient.apiClient.id;
    const { updateApiClient } = await owner.ok(UPDATE, { id, input: { name: "Edited", description: "New notes", allowedIps: ["2001:db8::/32"], redirectUris: ["myapp://cb"] } });
    expect(updateApiClient).toMatchObject({ name: "Edited", description: "New notes", allowedIps: ["2001:db8::/32"], redirectUris: ["myapp://cb"] });
    const error = await owner.errorOf(UPDATE, { id, input: { redirectUris: ["https://x.example/cb#frag"] } });
    expect(error.fields).toEqual([{ field: "redirectUris[0]", reason: "REDIRECT_URI_FRAGMENT", params: { entry: "https://x.example/cb#frag" }, message: '"https://x.example/cb#frag" must not contain a fragment' }]);
  });

  it("grants, revokes and sets permissions with implications", async () => {
    const { createApiClient } = await owner.ok(CREATE, { input: clientInput(organizationId, { name: "Perms", role: null, scopes: ["blogs", "flows"] }) });
    const id = createApiClient.apiClient.id;
    expect(createApiClient.apiClient).toMatchObject({ permissions: [], roleLabel: "custom" });
    expect((await owner.ok(PERMISSIONS, { id, grant: ["blogs.write"] })).updateApiClientPermissions).toEqual({ permissions: ["blogs.read", "blogs.write"], roleLabel: "custom" });
    expect((await owner.ok(PERMISSIONS, { id, grant: ["flows.read"], revoke: ["blogs.write"] })).updateApiClientPermissions).toEqual({ permissions: ["blogs.read", "flows.read"], roleLabel: "reader" });
    expect((await owner.ok(PERMISSIONS, { id, revoke: ["blogs.read"] })).updateApiClientPermissions.permissions).toEqual(["flows.read"]);
    expect((await owner.ok(PERMISSIONS, { id, set: ["blogs.write", "blogs.create", "flows.execute"] })).updateApiClientPermissions).toEqual({
      permissions: ["blogs.read", "blogs.create", "blogs.write", "flows.read", "flows.execute"],
      roleLabel: "admin",
    });
    expect((await owner.errorOf(PERMISSIONS, { id, grant: ["api.read"] })).fields).toEqual([{ field: "grant", reason: "PERMISSIONS_OUTSIDE_SCOPES", params: { permissions: "api.read", scopes: "blogs, flows" }, message: "Outside the client's scopes (blogs, flows): api.read" }]);
    expect((await owner.errorOf(PERMISSIONS, { id, set: ["blogs.read"], grant: ["flows.read"] })).fields).toEqual([{ field: "set", reason: "PERMISSION_CHANGE_BOTH", message: "Use either set, or grant and revoke, not both" }]);
  });

  it("resets the secret: same client id, a new secret, shown once", async () => {
    const { createApiClient } = await owner.ok(CREATE, { input: clientInput(organizationId, { name: "Rotating" }) });
    const { apiClient, clientSecret } = createApiClient;
    const { resetApiClientSecret } = await owner.ok(RESET, { id: apiClient.id });
    expect(resetApiClientSecret.apiClient.clientId).toBe(apiClient.clientId);
    expect(resetApiClientSecret.clientSecret).toMatch(/^clv_live_/);
    expect(resetApiClientSecret.clientSecret).not.toBe(clientSecret);
    expect(resetApiClientSecret.apiClient).toMatchObject({ secretHint: resetApiClientSecret.clientSecret.slice(-4), previousSecretExpiresAt: null });
  });

  it("keeps the previous secret for a grace period of at most 7 days", async () => {
    const { createApiClient } = await owner.ok(CREATE, { input: clientInput(organizationId, { name: "Graceful" }) });
    const before = Date.now();
    const { resetApiClientSecret } = await owner.ok(RESET, { id: createApiClient.apiClient.id, grace: 3600 });
    const until = new Date(resetApiClientSecret.apiClient.previousSecretExpiresAt).getTime();
    expect(until).toBeGreaterThanOrEqual(before + 3600_000);
    expect(until).toBeLessThan(before + 3600_000 + 60_000);
    const tooLong = await owner.errorOf(RESET, { id: createApiClient.apiClient.id, grace: 7 * 24 * 3600 + 1 });
    expect(tooLong.fields).toEqual([{ field: "gracePeriodSeconds", reason: "GRACE_PERIOD_RANGE", params: { max: 604800 }, message: "Grace period must be from 0 to 604800 seconds (7 days)" }]);
  });

  it("deletes a client permanently and frees its slot", async () => {
    const before = (await owner.ok(`query($id: ID!) { organization(id: $id) { apiClientCount } }`, { id: organizationId })).organization.apiClientCount;
    const { createApiClient } = await owner.ok(CREATE, { input: clientInput(organizationId, { name: "Doomed" }) });
    const id = createApiClient.apiClient.id;
    expect(await owner.ok(DELETE, { id })).toEqual({ deleteApiClient: id });
    expect(await owner.errorOf(GET, { id })).toEqual({ code: "NOT_FOUND", message: "API client not found", fields: undefined });
    expect(await owner.errorOf(DELETE, { id })).toMatchObject({ code: "NOT_FOUND" });
    const after = (await owner.ok(`query($id: ID!) { organization(id: $id) { apiClientCount } }`, { id: organizationId })).organization.apiClientCount;
    expect(after).toBe(before);
  });

  it("lets viewers look but not change anything", async () => {
    const viewer = await addMember(app, organizationId, "viewer@acme.test", "VIEWER");
    const { createApiClient } = await owner.ok(CREATE, { input: clientInput(organizationId, { name: "Viewed" }) });
    const id = createApiClient.apiClient.id;
    expect((await viewer.ok(GET, { id })).apiClient.name).toBe("Viewed");
    expect((await viewer.ok(LIST, { organizationId })).apiClients.totalCount).toBeGreaterThan(0);
    const forbidden = { code: "FORBIDDEN", message: "Only owners may change this organization's API clients and members", fields: undefined };
    expect(await viewer.errorOf(CREATE, { input: clientInput(organizationId) })).toEqual(forbidden);
    expect(await viewer.errorOf(RESET, { id })).toEqual(forbidden);
    expect(await viewer.errorOf(UPDATE, { id, input: { name: "x" } })).toEqual(forbidden);
    expect(await viewer.errorOf(PERMISSIONS, { id, grant: ["blogs.read"] })).toEqual(forbidden);
    expect(await viewer.errorOf(DELETE, { id })).toEqual(forbidden);
  });

  it("asks anonymous callers to sign in", async () => {
    const anonymous = new GraphQLSession(app.url);
    expect(await anonymous.errorOf(LIST, { organizationId })).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await anonymous.errorOf(CREATE, { input: clientInput(organizationId) })).toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
