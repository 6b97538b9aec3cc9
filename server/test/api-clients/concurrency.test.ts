import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientInput, CREATE } from "../support/api-client-queries.js";
import { seedOrganization } from "../support/graphql-session.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { ApiClient } from "../../src/modules/api-clients/api-client.entity.js";
import { AuditEvent } from "../../src/modules/audit/audit-event.entity.js";
import { Organization } from "../../src/modules/organizations/organization.entity.js";

describe("API client rules under concurrency", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it("fifty concurrent creates with room for ten leave exactly ten", async () => {
    const { organization, session } = await seedOrganization(app, "Crowded", "crowded@acme.test");
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => session.request(CREATE, { input: clientInput(organization.id, { name: `Client ${i}` }) })));
    const created = results.filter((result) => result.errors === undefined);
    const refused = results.filter((result) => result.errors !== undefined);
    expect(created).toHaveLength(10);
    expect(refused.map((result) => result.errors?.[0].extensions?.code)).toEqual(Array(40).fill("LIMIT_EXCEEDED"));
    expect(refused[0].errors?.[0].message).toBe("This organization has reached its limit of 10 API clients. Delete one, or ask your platform operator for a higher limit.");
    expect(await app.app.dataSource.getRepository(ApiClient).countBy({ organizationId: organization.id })).toBe(10);
    expect((await app.app.dataSource.getRepository(Organization).findOneByOrFail({ id: organization.id })).apiClientCount).toBe(10);
    expect(await app.app.dataSource.getRepository(AuditEvent).countBy({ organizationId: organization.id, action: "api_client.created" })).toBe(10);
  });

  it("of concurrent creates with one chosen client id, one wins and the rest get CONFLICT", async () => {
    const { organization, session } = await seedOrganization(app, "Racing", "racing@acme.test");
    const results = await Promise.all(Array.from({ length: 8 }, () => session.request(CREATE, { input: clientInput(organization.id, { clientId: "the-one" }) })));
    expect(results.filter((result) => result.errors === undefined)).toHaveLength(1);
    expect(results.filter((result) => result.errors !== undefined).map((result) => result.errors?.[0].extensions?.code)).toEqual(Array(7).fill("CONFLICT"));
    expect(await app.app.dataSource.getRepository(ApiClient).countBy({ organizationId: organization.id })).toBe(1);
    // The losers' slots were handed back with their rolled-back transactions.
    expect((await app.app.dataSource.getRepository(Organization).findOneByOrFail({ id: organization.id })).apiClientCount).toBe(1);
  });
});
