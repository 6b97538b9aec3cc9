import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCtx } from "../../src/services.js";
import { AccessToken } from "../../src/modules/tokens/access-token.entity.js";
import { GraphQLSession, seedOrganization } from "../support/graphql-session.js";
import { basic, createClient, introspect, postForm, tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { GET_CONTROLS, REVOKE_TOKENS, SET_DISABLED, UPDATE_CONTROLS, WHOAMI_LIST } from "./controls-queries.js";

const INVALID_CLIENT = { error: "invalid_client", error_description: "Client authentication failed" };
const UNAUTHENTICATED = { message: "The access token is invalid, expired or revoked", extensions: { code: "UNAUTHENTICATED" } };

/** Issue 17: a client's own token lifetime, disable/enable, and "Revoke all tokens", over real HTTP. */
describe("per-client token controls", () => {
  let app: TestApp;
  let owner: GraphQLSession;
  let organizationId: string;
  let inspector: { clientId: string; secret: string };

  beforeAll(async () => {
    app = await startTestApp();
    const seeded = await seedOrganization(app, "Acme", "owner@acme.test", { maxApiClients: 50 });
    owner = seeded.session;
    organizationId = seeded.organization.id;
    inspector = await createClient(owner, organizationId, { name: "Inspector", role: null, permissions: ["tokens.introspect"] });
  });

  afterAll(async () => {
    await app.close();
  });

  const reader = (name: string, overrides: Record<string, unknown> = {}) => createClient(owner, organizationId, { name, role: null, permissions: ["api-clients.read"], ...overrides });

  async function tokenOf(client: { clientId: string; secret: string }): Promise<string> {
    const response = await tokenFor(app, client.clientId, client.secret);
    expect(response.status).toBe(200);
    return response.body?.access_token as string;
  }

  const isActive = async (token: string) => (await introspect(app, inspector, token)).body?.active as boolean;
  const bearer = (token: string) => new GraphQLSession(app.url, { authorization: `Bearer ${token}`, "x-tenant-id": organizationId });
  const setOrganizationTtl = (seconds: number) => app.app.services.organizations.update(createCtx(app.app.dataSource, { type: "SYSTEM" }), organizationId, { accessTokenTtlSeconds: seconds });
  const liveTokens = (apiClientId: string) => app.app.dataSource.manager.countBy(AccessToken, { apiClientId });

  describe("token lifetime", () => {
    it("gives a client's tokens its own lifetime in expires_in and exp, and the organization's when cleared", async () => {
      const client = await reader("Short lived", { accessTokenTtlSeconds: 300 });
      const short = await tokenFor(app, client.clientId, client.secret);
      expect(short.body?.expires_in).toBe(300);
      const claims = decodeJwt(short.body?.access_token as string);
      expect((claims.exp as number) - (claims.iat as number)).toBe(300);

      const { updateApiClient } = await owner.ok(UPDATE_CONTROLS, { id: client.id, input: { accessTokenTtlSeconds: 120 } });
      expect(updateApiClient.accessTokenTtlSeconds).toBe(120);
      expect((await tokenFor(app, client.clientId, client.secret)).body?.expires_in).toBe(120);
      // Left out of an update, the lifetime stays.
      expect((await owner.ok(UPDATE_CONTROLS, { id: client.id, input: { name: "Short lived, renamed" } })).updateApiClient.accessTokenTtlSeconds).toBe(120);

      const cleared = await owner.ok(UPDATE_CONTROLS, { id: client.id, input: { accessTokenTtlSeconds: null } });
      expect(cleared.updateApiClient.accessTokenTtlSeconds).toBeNull();
      expect((await tokenFor(app, client.clientId, client.secret)).body?.expires_in).toBe(3600);
    });

    it("refuses a lifetime under 60 seconds or above the organization's, with a field error", async () => {
      const client = await reader("Lifetime bounds");
      for (const seconds of [59, 3601, 0, -5]) {
        expect(await owner.errorOf(UPDATE_CONTROLS, { id: client.id, input: { accessTokenTtlSeconds: seconds } })).toEqual({
          code: "BAD_USER_INPUT",
          message: "Token lifetime must be from 60 to 3600 seconds (the organization's)",
          fields: [{ field: "accessTokenTtlSeconds", reason: "TOKEN_TTL_RANGE", params: { min: 60, max: 3600 }, message: "Token lifetime must be from 60 to 3600 seconds (the organization's)" }],
        });
      }
      const refusedAtCreate = await owner.errorOf(`mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { clientSecret } }`, {
        input: { organizationId, name: "Too long lived", role: "reader", accessTokenTtlSeconds: 7200 },
      });
      expect(refusedAtCreate.fields).toEqual([{ field: "accessTokenTtlSeconds", reason: "TOKEN_TTL_RANGE", params: { min: 60, max: 3600 }, message: "Token lifetime must be from 60 to 3600 seconds (the organization's)" }]);
      expect((await owner.ok(GET_CONTROLS, { id: client.id })).apiClient.accessTokenTtlSeconds).toBeNull();
    });

    it("gives the organization's lifetime when it is lowered below the client's", async () => {
      const client = await reader("Outlived by its organization", { accessTokenTtlSeconds: 1800 });
      try {
        await setOrganizationTtl(600);
        const response = await tokenFor(app, client.clientId, client.secret);
        expect(response.body?.expires_in).toBe(600);
        const claims = decodeJwt(response.body?.access_token as string);
        expect((claims.exp as number) - (claims.iat as number)).toBe(600);
      } finally {
        await setOrganizationTtl(3600);
      }
      expect((await tokenFor(app, client.clientId, client.secret)).body?.expires_in).toBe(1800);
    });
  });

  describe("disable and enable", () => {
    it("refuses a disabled client at /token with invalid_client, and its live tokens at /introspect and /graphql, until enabled", async () => {
      const client = await reader("Switched off");
      const token = await tokenOf(client);
      expect(await isActive(token)).toBe(true);

      const { setApiClientDisabled } = await owner.ok(SET_DISABLED, { id: client.id, disabled: true });
      expect(setApiClientDisabled.disabled).toBe(true);

      const refused = await tokenFor(app, client.clientId, client.secret);
      expect({ status: refused.status, body: refused.body, challenge: refused.headers.get("www-authenticate") }).toEqual({ status: 401, body: INVALID_CLIENT, challenge: 'Basic realm="clavis", charset="UTF-8"' });
      expect(await isActive(token)).toBe(false);
      const graphql = await bearer(token).request(WHOAMI_LIST, { org: organizationId });
      expect(graphql.status).toBe(401);
      expect(graphql.errors?.[0]).toMatchObject(UNAUTHENTICATED);

      // The configuration stays: the same secret and the still-unexpired token work once enabled.
      expect((await owner.ok(SET_DISABLED, { id: client.id, disabled: false })).setApiClientDisabled.disabled).toBe(false);
      expect(await isActive(token)).toBe(true);
      expect((await bearer(token).ok(WHOAMI_LIST, { org: organizationId })).apiClients.totalCount).toBeGreaterThan(0);
      expect(await isActive(await tokenOf(client))).toBe(true);
    });

    it("refuses a disabled client that authenticates at /introspect and /revoke", async () => {
      const caller = await createClient(owner, organizationId, { name: "Disabled inspector", role: null, permissions: ["tokens.introspect"] });
      const subject = await tokenOf(inspector);
      await owner.ok(SET_DISABLED, { id: caller.id, disabled: true });
      const introspected = await introspect(app, caller, subject);
      expect({ status: introspected.status, body: introspected.body }).toEqual({ status: 401, body: INVALID_CLIENT });
      const own = await postForm(app.url, "/revoke", { token: subject }, { authorization: basic(caller.clientId, caller.secret) });
      expect({ status: own.status, body: own.body }).toEqual({ status: 401, body: INVALID_CLIENT });
      expect(await isActive(subject)).toBe(true);
    });

    it("answers the same client for setting the state it already has, and records no event", async () => {
      const client = await reader("Twice enabled");
      const before = (await owner.ok(GET_CONTROLS, { id: client.id })).apiClient;
      expect((await owner.ok(SET_DISABLED, { id: client.id, disabled: false })).setApiClientDisabled).toEqual(before);
    });
  });

  describe("revoke all tokens", () => {
    it("makes every live token inactive at once and frees the client's token slots; the secret stays and later tokens work", async () => {
      const client = await reader("Revoked all");
      const tokens = [await tokenOf(client), await tokenOf(client), await tokenOf(client)];
      expect(await liveTokens(client.id)).toBe(3);
      // Checked just before: the check this process remembers must not outlive the revocation.
      expect(await isActive(tokens[0])).toBe(true);

      const { revokeApiClientTokens } = await owner.ok(REVOKE_TOKENS, { id: client.id });
      expect(revokeApiClientTokens.tokensRevokedAt).not.toBeNull();
      for (const token of tokens) expect(await isActive(token)).toBe(false);
      const graphql = await bearer(tokens[0]).request(WHOAMI_LIST, { org: organizationId });
      expect(graphql.errors?.[0]).toMatchObject(UNAUTHENTICATED);
      expect(await liveTokens(client.id)).toBe(0);

      const later = await tokenOf(client);
      expect(await isActive(later)).toBe(true);
      expect((await bearer(later).ok(WHOAMI_LIST, { org: organizationId })).apiClients.totalCount).toBeGreaterThan(0);
      expect(await liveTokens(client.id)).toBe(1);
    });

    it("keeps revoked tokens inactive after the client is disabled and enabled again", async () => {
      const client = await reader("Revoked then cycled");
      const token = await tokenOf(client);
      await owner.ok(REVOKE_TOKENS, { id: client.id });
      await owner.ok(SET_DISABLED, { id: client.id, disabled: true });
      await owner.ok(SET_DISABLED, { id: client.id, disabled: false });
      expect(await isActive(token)).toBe(false);
    });

    it("leaves every other client's tokens active", async () => {
      const [revoked, bystander] = [await reader("Revoked alone"), await reader("Bystander")];
      const bystanderToken = await tokenOf(bystander);
      await tokenOf(revoked);
      await owner.ok(REVOKE_TOKENS, { id: revoked.id });
      expect(await isActive(bystanderToken)).toBe(true);
    });
  });
});
