import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientInput, CREATE, LIST } from "../support/api-client-queries.js";
import { GraphQLSession, seedOrganization } from "../support/graphql-session.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { ApiClient } from "../../src/modules/api-clients/api-client.entity.js";

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

  it("pages newest first, and counts every match of a filter beyond the first page", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pageNumber = 0; pageNumber < 5; pageNumber += 1) {
      const { apiClients }: { apiClients: any } = await owner.ok(LIST, { organizationId, first: 2, after, orderBy: "CREATED_DESC" });
      seen.push(...apiClients.edges.map((edge: { node: { name: string } }) => edge.node.name));
      if (!apiClients.pageInfo.hasNextPage) break;
      after = apiClients.pageInfo.endCursor;
    }
    expect(seen).toEqual([...names].reverse());
    const staging = await owner.ok(LIST, { organizationId, first: 1, filter: { environment: "STAGING" } });
    expect(staging.apiClients).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
  });

  it("filters expired and unexpired clients", async () => {
    await app.app.dataSource.manager.update(ApiClient, { organizationId, name: "Echo" }, { expiresAt: new Date(Date.now() - 60_000) });
    const expired = await owner.ok(LIST, { organizationId, filter: { expired: true } });
    expect(expired.apiClients.edges.map((edge: { node: { name: string; expired: boolean } }) => [edge.node.name, edge.node.expired])).toEqual([["Echo", true]]);
    const live = await owner.ok(LIST, { organizationId, first: 2, filter: { expired: false } });
    expect(live.apiClients.totalCount).toBe(6);
    expect(live.apiClients.edges.map((edge: { node: { name: string } }) => edge.node.name)).toEqual(["Delta", "alpha"]);
  });

  it("rejects a page size over 100 and a forged cursor", async () => {
    expect(await owner.errorOf(LIST, { organizationId, first: 101 })).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "first", reason: "PAGE_SIZE_RANGE", params: { max: 100 }, message: "Must be between 1 and 100" }] });
    expect(await owner.errorOf(LIST, { organizationId, after: "bm9wZQ" })).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "after", reason: "CURSOR_INVALID", message: "The cursor is not valid" }] });
  });
});
