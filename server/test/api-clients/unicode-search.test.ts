import { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createDataSource, migrate } from "../../src/db/data-source.js";
import { ClientSearchText1763900000007 } from "../../src/db/migrations/0007-client-search-text.js";
import { MIGRATIONS } from "../../src/db/migrations.js";
import { clientInput, CREATE, UPDATE } from "../support/api-client-queries.js";
import { GraphQLSession, seedOrganization } from "../support/graphql-session.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { createTestDatabase } from "../support/test-database.js";

const LIST = `query($organizationId: ID!, $first: Int, $after: String, $filter: ApiClientFilterInput, $orderBy: ApiClientOrder, $language: String) {
  apiClients(organizationId: $organizationId, first: $first, after: $after, filter: $filter, orderBy: $orderBy, language: $language) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { name } }
  }
}`;

const NAMES = ["Zeta", "Ärende", "alpha", "Arende", "Örjan", "beta", "Åsa", "Östen", "zulu"];

describe("searching and sorting client names in any script", () => {
  let app: TestApp;
  let owner: GraphQLSession;
  let organizationId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const seeded = await seedOrganization(app, "Unicode", "unicode@acme.test", { maxApiClients: 20 });
    owner = seeded.session;
    organizationId = seeded.organization.id;
    for (const name of NAMES) {
      await owner.ok(CREATE, { input: clientInput(organizationId, { name, description: name === "beta" ? "Contact: Åsa Öberg" : "" }) });
    }
  });

  afterAll(async () => {
    await app.close();
  });

  const search = async (text: string) => {
    const { apiClients } = await owner.ok(LIST, { organizationId, filter: { search: text }, orderBy: "CREATED_ASC" });
    return apiClients.edges.map((edge: { node: { name: string } }) => edge.node.name);
  };

  /** Every name in order, read in pages of `first`, so the order must hold across pages. */
  const sorted = async (orderBy: "NAME_ASC" | "NAME_DESC", first: number, language: string | null, headers?: Record<string, string>) => {
    const session = headers === undefined ? owner : Object.assign(new GraphQLSession(app.url, headers), { cookie: owner.cookie });
    const names: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const { apiClients }: { apiClients: any } = await session.ok(LIST, { organizationId, first, after, orderBy, language });
      names.push(...apiClients.edges.map((edge: { node: { name: string } }) => edge.node.name));
      if (!apiClients.pageInfo.hasNextPage) break;
      after = apiClients.pageInfo.endCursor;
    }
    return names;
  };

  it("finds notes with a capital Å by Åsa and by åsa", async () => {
    expect(await search("Åsa")).toEqual(["beta", "Åsa"]);
    expect(await search("åsa")).toEqual(["beta", "Åsa"]);
    expect(await search("ÅSA ÖBERG")).toEqual(["beta"]);
  });

  it("finds Ärende by ärende, and tells Ä from A", async () => {
    expect(await search("ärende")).toEqual(["Ärende"]);
    expect(await search("arende")).toEqual(["Arende"]);
    expect(await search("asa")).toEqual([]);
  });

  it("finds a name after it is edited, by its new text only", async () => {
    const { createApiClient } = await owner.ok(CREATE, { input: clientInput(organizationId, { name: "Temporary" }) });
    await owner.ok(UPDATE, { id: createApiClient.apiClient.id, input: { name: "Ölands Bank", description: "ÆØÅ" } });
    expect(await search("ölands")).toEqual(["Ölands Bank"]);
    expect(await search("æøå")).toEqual(["Ölands Bank"]);
    expect(await search("temporary")).toEqual([]);
    await owner.ok(`mutation($id: ID!) { deleteApiClient(id: $id) }`, { id: createApiClient.apiClient.id });
  });

  it("sorts Swedish names with Å Ä Ö after Z, across pages", async () => {
    const swedish = ["alpha", "Arende", "beta", "Zeta", "zulu", "Åsa", "Ärende", "Örjan", "Östen"];
    expect(await sorted("NAME_ASC", 2, "sv")).toEqual(swedish);
    expect(await sorted("NAME_DESC", 4, "sv")).toEqual([...swedish].reverse());
  });

  it("sorts English names ignoring case, with Ä beside A", async () => {
    const english = ["alpha", "Arende", "Ärende", "Åsa", "beta", "Örjan", "Östen", "Zeta", "zulu"];
    expect(await sorted("NAME_ASC", 3, "en")).toEqual(english);
    expect(await sorted("NAME_ASC", 100, null)).toEqual(english);
  });

  it("takes the language from Accept-Language when the query names none", async () => {
    const names = await sorted("NAME_ASC", 5, null, { "accept-language": "sv-SE,sv;q=0.9,en;q=0.8" });
    expect(names.indexOf("Ärende")).toBeGreaterThan(names.indexOf("zulu"));
  });
});

describe("the search column on clients made before it", () => {
  it("is filled by migration 0007 for every existing client", async () => {
    const db = await createTestDatabase();
    const options = createDataSource(loadConfig({ DATABASE_URL: db.url }).database).options;
    const older = new DataSource({ ...options, migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(ClientSearchText1763900000007)) });
    await older.initialize();
    try {
      await migrate(older);
      const at = "2026-03-04 05:06:07.089";
      await older.query(
        `INSERT INTO api_clients (id, organization_id, client_id, local_id, name, description, environment, permissions, scopes, expires_at, allowed_ips, redirect_uris, secret_version, created_at, created_by_type, created_by_id, created_by_label, updated_at, last_used_at, last_used_ip)
         VALUES ('c1', NULL, 'legacyclient', NULL, 'Ärende', 'Contact: Åsa Öberg', 'LIVE', '[]', NULL, NULL, '[]', '[]', 1, '${at}', 'SYSTEM', NULL, 'system', '${at}', NULL, NULL)`,
      );
      await older.destroy();
      const current = new DataSource({ ...options, migrations: MIGRATIONS });
      await current.initialize();
      try {
        // 0007 and every migration after it run now.
        expect(await migrate(current)).toEqual(MIGRATIONS.slice(MIGRATIONS.indexOf(ClientSearchText1763900000007)).map((migration) => migration.name));
        const [row] = await current.query("SELECT search_text FROM api_clients WHERE id = 'c1'");
        expect(row.search_text).toBe("ärende\u001flegacyclient\u001fcontact: åsa öberg");
        const found = await current.query("SELECT id FROM api_clients WHERE search_text LIKE ?", ["%åsa%"]);
        expect(found).toEqual([{ id: "c1" }]);
        expect(await current.query("SELECT id FROM api_clients WHERE search_text LIKE ?", ["%asa%"])).toEqual([]);
      } finally {
        await current.destroy();
      }
    } finally {
      if (older.isInitialized) await older.destroy();
      await db.drop();
    }
  });
});
