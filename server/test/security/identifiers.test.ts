import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../../src/modules/api-clients/api-client.entity.js";
import { Organization } from "../../src/modules/organizations/organization.entity.js";
import { createCtx } from "../../src/services.js";
import { clientInput, CREATE } from "../support/api-client-queries.js";
import { GraphQLSession, seedOrganization } from "../support/graphql-session.js";
import { createClient, tokenFor } from "../support/oauth-http.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

/** Issue #12: identifiers are unambiguous and compare byte for byte on every database. */
describe("client ids and other identifiers", () => {
  let app: TestApp;
  let acme: { organization: Organization; session: GraphQLSession };
  let team: { organization: Organization; session: GraphQLSession };

  const forceSlug = (organization: Organization, slug: string) => app.app.dataSource.getRepository(Organization).update({ id: organization.id }, { slug });

  beforeAll(async () => {
    app = await startTestApp();
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
      expect(taken).toEqual({ code: "CONFLICT", message: 'The client id "audit" is not available; choose another', fields: [{ field: "clientId", message: "Not available; choose another" }] });
      expect(JSON.stringify(taken)).not.toMatch(/acme-rcuu-|Secret project|team-jxmk\.audit/);

      await createClient(team.session, team.organization.id, { name: "Reports", clientId: "reports" });
      const again = await team.session.errorOf(CREATE, { input: clientInput(team.organization.id, { name: "Reports again", clientId: "reports" }) });
      expect(again).toEqual({ code: "CONFLICT", message: 'The client id "reports" is already used in this organization', fields: [{ field: "clientId", message: "Already used in this organization" }] });
    });
  });
});

