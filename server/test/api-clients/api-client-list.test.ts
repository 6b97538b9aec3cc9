import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientInput, CREATE, LIST } from "../support/api-client-queries.js";
import { GraphQLSession, seedOrganization } from "../support/graphql-session.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

describe("listing API clients", () => {
  let app: TestApp;
  let owner: GraphQLSession;
  let organizationId: string;
  const names = ["Delta", "alpha", "Charlie", "bravo", "Echo", "foxtrot", "Golf"];

  beforeAll(async () => {
    app = await startTestApp();
    const seeded = await seedOrganization(app, "Listing", "lister@acme.test");
    owner = seeded.session;
    organizationId = seeded.organization.id;
    for (const [i, name] of names.entries()) {
      await owner.ok(CREATE, { input: clientInput(organizationId, { name, environment: i % 2 === 0 ? "LIVE" : "STAGING", description: i === 3 ? "Feeds the BI warehouse" : "" }) });
    }
  });

  afterAll(async () => {
    await app.close();
  });

  it("pages through clients in creation order with a total count", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pageNumber = 0; pageNumber < 5; pageNumber += 1) {
      const { apiClients }: { apiClients: any } = await owner.ok(LIST, { organizationId, first: 3, after });
      expect(apiClients.totalCount).toBe(7);
      seen.push(...apiClients.edges.map((edge: { node: { name: string } }) => edge.node.name));
      if (!apiClients.pageInfo.hasNextPage) break;
      after = apiClients.pageInfo.endCursor;
    }
    expect(seen).toEqual(names);
  });

  it("orders by name both ways, case-insensitively stable across pages", async () => {
    const first = await owner.ok(LIST, { organizationId, first: 4, orderBy: "NAME_DESC" });
    const second = await owner.ok(LIST, { organizationId, first: 4, orderBy: "NAME_DESC", after: first.apiClients.pageInfo.endCursor });
    const byName = [...first.apiClients.edges, ...second.apiClients.edges].map((edge: { node: { name: string } }) => edge.node.name);
    expect(byName).toHaveLength(7);
    expect(new Set(byName).size).toBe(7);
    const newest = await owner.ok(LIST, { organizationId, first: 1, orderBy: "CREATED_DESC" });
    expect(newest.apiClients.edges[0].node.name).toBe("Golf");
  });

  it("filters by text (name, id or notes) and environment", async () => {
    const search = await owner.ok(LIST, { organizationId, filter: { search: "warehouse" } });
    expect(search.apiClients.edges.map((edge: { node: { name: string } }) => edge.node.name)).toEqual(["bravo"]);
    const byName = await owner.ok(LIST, { organizationId, filter: { search: "ALPH" } });
    expect(byName.apiClients.totalCount).toBe(1);
    const staging = await owner.ok(LIST, { organizationId, filter: { environment: "STAGING" } });
    expect(staging.apiClients.edges.map((edge: { node: { name: string } }) => edge.node.name)).toEqual(["alpha", "bravo", "foxtrot"]);
    const literal = await owner.ok(LIST, { organizationId, filter: { search: "%" } });
    expect(literal.apiClients.totalCount).toBe(0);
  });

  it("rejects a page size over 100 and a forged cursor", async () => {
    expect(await owner.errorOf(LIST, { organizationId, first: 101 })).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "first", message: "Must be between 1 and 100" }] });
    expect(await owner.errorOf(LIST, { organizationId, after: "bm9wZQ" })).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "after", message: "The cursor is not valid" }] });
  });
});
