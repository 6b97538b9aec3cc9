import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../../src/modules/api-clients/api-client.entity.js";
import { GraphQLSession, seedOrganization } from "../support/graphql-session.js";
import { createClient, introspect, tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { CREATE_WITH_CONTROLS, GET_CONTROLS, UPDATE_CONTROLS } from "./controls-queries.js";

/** Issue 17: declarative custom claims, added to every token of the client and never in place of Clavis's own. */
describe("custom claims", () => {
  let app: TestApp;
  let owner: GraphQLSession;
  let organizationId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const seeded = await seedOrganization(app, "Acme", "owner@acme.test", { maxApiClients: 50 });
    owner = seeded.session;
    organizationId = seeded.organization.id;
  });

  afterAll(async () => {
    await app.close();
  });

  const claimsOf = async (client: { clientId: string; secret: string }) => decodeJwt((await tokenFor(app, client.clientId, client.secret)).body?.access_token as string);

  it("adds a client's claims to every token it gets, as JSON of any kind", async () => {
    const customClaims = { tier: "gold", quota: 1200, beta: true, region: null, teams: ["a", "b"], "https://acme.example/claims/unit": { cost_center: "42", tags: [{ x: 1 }] } };
    const { createApiClient } = await owner.ok(CREATE_WITH_CONTROLS, { input: { organizationId, name: "Claimed", role: "reader", customClaims } });
    expect(createApiClient.apiClient.customClaims).toEqual(customClaims);
    const client = { clientId: createApiClient.apiClient.clientId, secret: createApiClient.clientSecret };
    const claims = await claimsOf(client);
    expect(claims).toMatchObject({ ...customClaims, client_id: client.clientId, sub: client.clientId, org_id: organizationId, env: "live" });

    const { updateApiClient } = await owner.ok(UPDATE_CONTROLS, { id: createApiClient.apiClient.id, input: { customClaims: { tier: "silver" } } });
    expect(updateApiClient.customClaims).toEqual({ tier: "silver" });
    const after = await claimsOf(client);
    expect(after.tier).toBe("silver");
    expect(after.quota).toBeUndefined();

    await owner.ok(UPDATE_CONTROLS, { id: createApiClient.apiClient.id, input: { customClaims: {} } });
    expect(Object.keys(await claimsOf(client)).sort()).toEqual(["aud", "client_id", "env", "exp", "iat", "iss", "jti", "org_id", "scope", "sub"]);
  });

  it("shows an empty object for a client without custom claims", async () => {
    const client = await createClient(owner, organizationId, { name: "Plain" });
    expect((await owner.ok(GET_CONTROLS, { id: client.id })).apiClient.customClaims).toEqual({});
  });

  it.each([
    ["a registered JWT claim", { sub: "admin" }, "sub"],
    ["an RFC 9068 claim in another case", { Client_ID: "someone-else" }, "Client_ID"],
    ["an RFC 8693 claim", { may_act: { sub: "x" } }, "may_act"],
    ["a claim Clavis sets", { ORG_ID: "another-org" }, "ORG_ID"],
    ["the user-token claim", { auth_type: "login" }, "auth_type"],
    ["a confirmation claim", { cnf: { jkt: "x" } }, "cnf"],
    ["the authorized party, which resource servers read as the calling client", { azp: "another-orgs-client" }, "azp"],
    ["the scope claim under its other common name", { SCP: "admin.write" }, "SCP"],
  ])("refuses %s on create and on update, with a field error", async (_label, customClaims, name) => {
    const expected = [{ field: "customClaims", reason: "CLAIM_NAME_RESERVED", params: { name }, message: `"${name}" is a claim the token sets itself; choose another name` }];
    const created = await owner.errorOf(CREATE_WITH_CONTROLS, { input: { organizationId, name: "Shadow", role: "reader", customClaims } });
    expect(created).toEqual({ code: "BAD_USER_INPUT", message: expected[0].message, fields: expected });
    const client = await createClient(owner, organizationId, { name: `Shadow on update ${name}` });
    expect((await owner.errorOf(UPDATE_CONTROLS, { id: client.id, input: { customClaims } })).fields).toEqual(expected);
    expect((await owner.ok(GET_CONTROLS, { id: client.id })).apiClient.customClaims).toEqual({});
  });

  it("refuses invalid names, too many claims, too deep values and more than 2 KB, each with its field error", async () => {
    const client = await createClient(owner, organizationId, { name: "Bounds" });
    const fieldsOf = async (customClaims: unknown) => (await owner.errorOf(UPDATE_CONTROLS, { id: client.id, input: { customClaims } })).fields;
    expect(await fieldsOf({ "has space": 1 })).toEqual([{ field: "customClaims", reason: "CLAIM_NAME_INVALID", params: { name: "has space" }, message: 'Claim name "has space" must be 1 to 64 of A-Z a-z 0-9 _ . : - or a URI' }]);
    expect(await fieldsOf({ ["a".repeat(65)]: 1 })).toEqual([{ field: "customClaims", reason: "CLAIM_NAME_INVALID", params: { name: "a".repeat(64) }, message: `Claim name "${"a".repeat(64)}" must be 1 to 64 of A-Z a-z 0-9 _ . : - or a URI` }]);
    expect(await fieldsOf(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`c${i}`, i])))).toEqual([{ field: "customClaims", reason: "CLAIMS_TOO_MANY", params: { max: 20 }, message: "At most 20 custom claims" }]);
    expect(await fieldsOf({ deep: { a: { b: { c: { d: 1 } } } } })).toEqual([{ field: "customClaims", reason: "CLAIM_TOO_DEEP", params: { name: "deep", max: 3 }, message: 'Claim "deep" nests deeper than 3 levels' }]);
    const large = { blob: "x".repeat(2040) };
    expect(await fieldsOf(large)).toEqual([{ field: "customClaims", reason: "CLAIMS_TOO_LARGE", params: { max: 2048, size: 2051 }, message: "Custom claims take 2051 bytes as JSON; at most 2048" }]);
    // At the bounds, accepted.
    await owner.ok(UPDATE_CONTROLS, { id: client.id, input: { customClaims: { deep: { a: { b: [1] } }, ["n".repeat(64)]: "x".repeat(1900) } } });
  });

  it("never lets a custom claim stand in for Clavis's own, even one stored before a name became reserved", async () => {
    const client = await createClient(owner, organizationId, { name: "Stored shadow", role: "reader" });
    // Written past the rules, as if the reserved list had grown since: the token's own claims still win.
    await app.app.dataSource.manager.update(ApiClient, { id: client.id }, { customClaims: { sub: "admin", client_id: "root", org_id: "other", scope: "api-clients.write", exp: 9999999999, iss: "https://evil.example", tier: "gold" } });
    app.app.services.clientStates.evict(client.clientId);
    const response = await tokenFor(app, client.clientId, client.secret);
    const claims = decodeJwt(response.body?.access_token as string);
    expect(claims).toMatchObject({ sub: client.clientId, client_id: client.clientId, org_id: organizationId, scope: response.body?.scope, iss: app.url, tier: "gold" });
    expect(claims.scope).not.toContain("api-clients.write");
    expect((claims.exp as number) - (claims.iat as number)).toBe(3600);
    const inspector = await createClient(owner, organizationId, { name: "Claims inspector", role: null, permissions: ["tokens.introspect"] });
    expect((await introspect(app, inspector, response.body?.access_token as string)).body).toMatchObject({ active: true, sub: client.clientId, client_id: client.clientId, org_id: organizationId, scope: response.body?.scope });
  });
});
