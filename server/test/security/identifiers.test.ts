import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../../src/modules/api-clients/api-client.entity.js";
import { Organization } from "../../src/modules/organizations/organization.entity.js";
import { createCtx } from "../../src/services.js";
import { clientInput, CREATE, GET, LIST } from "../support/api-client-queries.js";
import { GraphQLSession, seedOrganization } from "../support/graphql-session.js";
import { createClient, postForm, tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const INVALID_CLIENT = { status: 401, body: { error: "invalid_client", error_description: "Client authentication failed" } };

/** Spellings of `id` that differ from it only in letter case or trailing spaces; the `n`th is always the same. */
function variant(id: string, n: number): string {
  const letters = [...id].map((char, i) => (/[a-z]/.test(char) ? i : -1)).filter((i) => i !== -1);
  const chars = [...id];
  letters.forEach((position, bit) => {
    if (((n + 1) >> bit) % 2 === 1) chars[position] = chars[position].toUpperCase();
  });
  return chars.join("") + " ".repeat(n % 3);
}

/** Issue #12: identifiers are unambiguous and compare byte for byte on every database. */
describe("client ids and other identifiers", () => {
  let app: TestApp;
  let acme: { organization: Organization; session: GraphQLSession };
  let team: { organization: Organization; session: GraphQLSession };

  const forceSlug = (organization: Organization, slug: string) => app.app.dataSource.getRepository(Organization).update({ id: organization.id }, { slug });

  beforeAll(async () => {
    app = await startTestApp({ CLAVIS_TRUST_PROXY: "loopback" });
    acme = await seedOrganization(app, "Acme", "acme@ids.test", { maxApiClients: 50 });
    team = await seedOrganization(app, "Acme rcuu team", "team@ids.test", { maxApiClients: 50 });
    await forceSlug(acme.organization, "acme-rcuu");
    await forceSlug(team.organization, "acme-rcuu-team-jxmk");
  });

  afterAll(async () => {
    await app.close();
  });

  describe("chosen client ids", () => {
    it("stay distinct when one organization's slug is a prefix of another's", async () => {
      const inTeam = await createClient(team.session, team.organization.id, { name: "Billing", clientId: "billing" });
      const inAcme = await createClient(acme.session, acme.organization.id, { name: "Team billing", clientId: "team-jxmk-billing" });
      expect([inTeam.clientId, inAcme.clientId]).toEqual(["acme-rcuu-team-jxmk.billing", "acme-rcuu.team-jxmk-billing"]);
      const other = await createClient(acme.session, acme.organization.id, { name: "Team payroll", clientId: "team-jxmk-payroll" });
      const inTeamAfter = await createClient(team.session, team.organization.id, { name: "Payroll", clientId: "payroll" });
      expect([other.clientId, inTeamAfter.clientId]).toEqual(["acme-rcuu.team-jxmk-payroll", "acme-rcuu-team-jxmk.payroll"]);
      for (const client of [inTeam, inAcme, other, inTeamAfter]) expect((await tokenFor(app, client.clientId, client.secret)).status).toBe(200);
    });

    it("never name another organization's client in a CONFLICT", async () => {
      // An id in the old `<slug>-<local id>` form that reads like the team's `<slug>.<local id>`.
      const cli = createCtx(app.app.dataSource, { type: "CLI" });
      const { apiClient } = await app.app.services.apiClients.create(cli, { organizationId: acme.organization.id, name: "Secret project", clientId: "team-jxmk.audit" });
      await app.app.dataSource.getRepository(ApiClient).update({ id: apiClient.client.id }, { clientId: "acme-rcuu-team-jxmk.audit" });

      const taken = await team.session.errorOf(CREATE, { input: clientInput(team.organization.id, { name: "Audit", clientId: "audit" }) });
      expect(taken).toEqual({ code: "CONFLICT", message: 'The client id "audit" is not available; choose another', fields: [{ field: "clientId", reason: "CLIENT_ID_TAKEN", params: { clientId: "audit" }, message: "Not available; choose another" }] });
      expect(JSON.stringify(taken)).not.toMatch(/acme-rcuu-|Secret project|team-jxmk\.audit/);

      await createClient(team.session, team.organization.id, { name: "Reports", clientId: "reports" });
      const again = await team.session.errorOf(CREATE, { input: clientInput(team.organization.id, { name: "Reports again", clientId: "reports" }) });
      expect(again).toEqual({ code: "CONFLICT", message: 'The client id "reports" is already used in this organization', fields: [{ field: "clientId", reason: "CLIENT_ID_IN_USE", params: { clientId: "reports" }, message: "Already used in this organization" }] });
    });
  });

  describe("exact matching", () => {
    it("refuses a client id that differs only in case or trailing spaces, even with the right secret", async () => {
      const client = await createClient(acme.session, acme.organization.id, { name: "Service", clientId: "svc" });
      const from = { "x-forwarded-for": "198.51.100.10" };
      for (const spelled of [client.clientId.toUpperCase(), `${client.clientId} `, variant(client.clientId, 4)]) {
        const viaBasic = await tokenFor(app, spelled, client.secret, {}, from);
        expect({ status: viaBasic.status, body: viaBasic.body }).toEqual(INVALID_CLIENT);
        const viaBody = await postForm(app.url, "/token", { grant_type: "client_credentials", client_id: spelled, client_secret: client.secret }, from);
        expect({ status: viaBody.status, body: viaBody.body }).toEqual(INVALID_CLIENT);
      }
      expect((await tokenFor(app, client.clientId, client.secret, {}, from)).status).toBe(200);
    });

    it("counts such spellings against the caller's address, not as fresh budgets of a known client", async () => {
      const client = await createClient(acme.session, acme.organization.id, { name: "Guarded", clientId: "guarded" });
      const from = { "x-forwarded-for": "198.51.100.20" };
      let attempts = 0;
      let last = await tokenFor(app, variant(client.clientId, 0), client.secret, {}, from);
      while (last.status !== 429 && attempts < 100) {
        expect({ status: last.status, body: last.body }).toEqual(INVALID_CLIENT);
        attempts += 1;
        last = await tokenFor(app, variant(client.clientId, attempts), client.secret, {}, from);
      }
      expect(last.status).toBe(429);
      expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
      // None of it counted against the client itself: from elsewhere it works at once.
      expect((await tokenFor(app, client.clientId, client.secret, {}, { "x-forwarded-for": "198.51.100.21" })).status).toBe(200);
    });

    it("finds clients and organizations only by their exact ids", async () => {
      const client = await createClient(acme.session, acme.organization.id, { name: "Exact", clientId: "exact" });
      expect(await acme.session.errorOf(GET, { id: client.id.toUpperCase() })).toEqual({ code: "NOT_FOUND", message: "API client not found", fields: undefined });
      expect(await acme.session.errorOf(GET, { id: `${client.id} ` })).toEqual({ code: "NOT_FOUND", message: "API client not found", fields: undefined });
      expect(await acme.session.errorOf(LIST, { organizationId: acme.organization.id.toUpperCase() })).toEqual({ code: "NOT_FOUND", message: "Organization not found", fields: undefined });
      const cli = createCtx(app.app.dataSource, { type: "CLI" });
      await expect(app.app.services.apiClients.getByClientId(cli, client.clientId.toUpperCase())).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(app.app.services.apiClients.getByClientId(cli, `${client.clientId} `)).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect((await app.app.services.apiClients.getByClientId(cli, client.clientId)).client.id).toBe(client.id);
    });
  });
});

