import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createDataSource, migrate } from "../../src/db/data-source.js";
import { InitialSchema1763900000001 } from "../../src/db/migrations/0001-initial-schema.js";
import { ClientsEtag1763900000002 } from "../../src/db/migrations/0002-clients-etag.js";
import { ExactIdentifiers1763900000003 } from "../../src/db/migrations/0003-exact-identifiers.js";
import { ServerKeys1763900000004 } from "../../src/db/migrations/0004-server-keys.js";
import { MemberInvitations1763900000005 } from "../../src/db/migrations/0005-member-invitations.js";
import { UserCreatedByLink1763900000006 } from "../../src/db/migrations/0006-user-created-by-link.js";
import { UserTokens1763900000009 } from "../../src/db/migrations/0009-user-tokens.js";
import { MIGRATIONS } from "../../src/db/migrations.js";
import { Organization } from "../../src/modules/organizations/organization.entity.js";
import { User } from "../../src/modules/members/user.entity.js";
import { ApiClient } from "../../src/modules/api-clients/api-client.entity.js";
import { createTestDatabase, testDbKind, type TestDatabase } from "../support/test-database.js";

const TABLES = [
  "access_tokens",
  "api_client_secrets",
  "api_clients",
  "audit_events",
  "member_invitations",
  "memberships",
  "organizations",
  "server_keys",
  "sessions",
  "signing_keys",
  "users",
];

function organization(overrides: Partial<Organization> = {}): Organization {
  const now = new Date("2026-03-04T05:06:07.089Z");
  return Object.assign(new Organization(), {
    id: randomUUID(),
    name: "Acme",
    slug: `acme-${randomUUID().slice(0, 4)}`,
    maxApiClients: 10,
    maxTokensPerClient: 10,
    accessTokenTtlSeconds: 3600,
    apiClientsEnabled: true,
    apiClientCount: 0,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  });
}

function apiClient(organizationId: string): ApiClient {
  const now = new Date();
  return Object.assign(new ApiClient(), {
    id: randomUUID(),
    organizationId,
    clientId: `c${randomUUID().replaceAll("-", "")}`,
    localId: null,
    name: "Reporting",
    description: "",
    environment: "LIVE",
    permissions: ["blogs.read"],
    scopes: null,
    expiresAt: null,
    allowedIps: [],
    redirectUris: [],
    secretVersion: 1,
    createdAt: now,
    createdByType: "SYSTEM",
    createdById: null,
    createdByLabel: "test",
    updatedAt: now,
    lastUsedAt: null,
    lastUsedIp: null,
  });
}

/** Inserts a client into a database from before 0007, which has no search_text column and no user-token flags (0009). */
function insertOlderClient(dataSource: DataSource, client: ApiClient) {
  const later = new Set(["searchText", "allowLogin", "allowImpersonate"]);
  const columns = Object.keys(client).filter((key) => !later.has(key));
  return dataSource.createQueryBuilder().insert().into(ApiClient, columns).values(client).updateEntity(false).execute();
}

/** The migrations up to and including `last`: a database as that release left it. */
const through = (last: (typeof MIGRATIONS)[number]) => MIGRATIONS.slice(0, MIGRATIONS.indexOf(last) + 1);
/** A data source over `url` that knows only `migrations`, so later ones neither run nor get undone in a test. */
const olderDataSource = (url: string, migrations: (typeof MIGRATIONS)[number][]) => new DataSource({ ...createDataSource(loadConfig({ DATABASE_URL: url }).database).options, migrations });

describe(`migrations on ${testDbKind()}`, () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = createDataSource(loadConfig({ DATABASE_URL: db.url }).database);
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it("creates every table on an empty database, then has nothing left to apply", async () => {
    expect(await migrate(dataSource)).toEqual(MIGRATIONS.map((migration) => migration.name));
    const runner = dataSource.createQueryRunner();
    try {
      const tables = await runner.getTables(TABLES);
      expect(tables.map((table) => table.name.split(".").pop()).sort()).toEqual(TABLES);
    } finally {
      await runner.release();
    }
    expect(await migrate(dataSource)).toEqual([]);
  });

  it("round-trips dates to the millisecond in UTC", async () => {
    const saved = await dataSource.getRepository(Organization).save(organization());
    const loaded = await dataSource.getRepository(Organization).findOneByOrFail({ id: saved.id });
    expect(loaded.createdAt.toISOString()).toBe("2026-03-04T05:06:07.089Z");
    expect(loaded.apiClientsEnabled).toBe(true);
  });

  it("enforces unique organization slugs and client ids", async () => {
    const first = await dataSource.getRepository(Organization).save(organization({ slug: "taken-slug" }));
    await expect(dataSource.getRepository(Organization).insert(organization({ slug: "taken-slug" }))).rejects.toThrow();
    const client = apiClient(first.id);
    await dataSource.getRepository(ApiClient).insert(client);
    await expect(dataSource.getRepository(ApiClient).insert({ ...apiClient(first.id), clientId: client.clientId })).rejects.toThrow();
  });

  it("deletes an organization's clients with it (foreign keys on)", async () => {
    const org = await dataSource.getRepository(Organization).save(organization());
    const client = apiClient(org.id);
    await dataSource.getRepository(ApiClient).insert(client);
    await dataSource.getRepository(Organization).delete({ id: org.id });
    expect(await dataSource.getRepository(ApiClient).findOneBy({ id: client.id })).toBeNull();
  });

  it("stores arrays as JSON and reads them back", async () => {
    const org = await dataSource.getRepository(Organization).save(organization());
    const client = { ...apiClient(org.id), allowedIps: ["10.0.0.0/8", "::1"], scopes: ["blogs"] };
    await dataSource.getRepository(ApiClient).insert(client);
    const loaded = await dataSource.getRepository(ApiClient).findOneByOrFail({ id: client.id });
    expect(loaded.allowedIps).toEqual(["10.0.0.0/8", "::1"]);
    expect(loaded.scopes).toEqual(["blogs"]);
  });

  it("adds clients_etag to a database made before it, keeping every row", async () => {
    const older = await createTestDatabase();
    const first = olderDataSource(older.url, through(InitialSchema1763900000001));
    await first.initialize();
    try {
      await migrate(first);
      const org = organization();
      const client = apiClient(org.id);
      await first.query("INSERT INTO organizations (id, name, slug, max_api_clients, max_tokens_per_client, access_token_ttl_seconds, api_clients_enabled, api_client_count, created_at, updated_at) VALUES (?, ?, ?, 10, 10, 3600, 1, 1, ?, ?)", [org.id, org.name, org.slug, "2026-03-04 05:06:07.089", "2026-03-04 05:06:07.089"]);
      await insertOlderClient(first, client);
      await first.destroy();
      const current = olderDataSource(older.url, through(ClientsEtag1763900000002));
      await current.initialize();
      try {
        expect(await migrate(current)).toEqual(["ClientsEtag1763900000002"]);
        expect(await current.getRepository(Organization).findOneByOrFail({ id: org.id })).toMatchObject({ name: "Acme", clientsEtag: "" });
        expect(await current.query("SELECT id FROM api_clients WHERE id = ?", [client.id])).toEqual([{ id: client.id }]);
        await current.undoLastMigration();
        expect(Object.keys((await current.query("SELECT * FROM organizations"))[0])).not.toContain("clients_etag");
        expect(await migrate(current)).toEqual(["ClientsEtag1763900000002"]);
      } finally {
        await current.destroy();
      }
    } finally {
      if (first.isInitialized) await first.destroy();
      await older.drop();
    }
  });

  it("makes client ids and slugs compare byte for byte, keeping rows and unique indexes, and runs twice harmlessly", async () => {
    const older = await createTestDatabase();
    const first = olderDataSource(older.url, through(ClientsEtag1763900000002));
    await first.initialize();
    const org = organization({ slug: "acme-exact" });
    const client = { ...apiClient(org.id), clientId: "acme-exact.svc", localId: "svc" };
    try {
      await migrate(first);
      await first.getRepository(Organization).insert(org);
      await insertOlderClient(first, client);
    } finally {
      await first.destroy();
    }
    const current = olderDataSource(older.url, through(ExactIdentifiers1763900000003));
    await current.initialize();
    const count = async (sql: string, value: string) => Number((await current.query(sql, [value]))[0].n);
    const clientsById = (value: string) => count("SELECT COUNT(*) AS n FROM api_clients WHERE client_id = ?", value);
    const orgsBySlug = (value: string) => count("SELECT COUNT(*) AS n FROM organizations WHERE slug = ?", value);
    try {
      expect(await migrate(current)).toEqual(["ExactIdentifiers1763900000003"]);
      expect([await clientsById("acme-exact.svc"), await orgsBySlug("acme-exact")]).toEqual([1, 1]);
      expect([await clientsById("ACME-EXACT.SVC"), await clientsById("acme-exact.svc "), await orgsBySlug("Acme-Exact"), await orgsBySlug("acme-exact ")]).toEqual([0, 0, 0, 0]);
      await expect(insertOlderClient(current, { ...apiClient(org.id), clientId: "acme-exact.svc" })).rejects.toThrow();
      await expect(insertOlderClient(current, { ...apiClient(org.id), localId: "svc" })).rejects.toThrow();
      await expect(current.getRepository(Organization).insert(organization({ slug: "acme-exact" }))).rejects.toThrow();

      const runner = current.createQueryRunner();
      try {
        await new ExactIdentifiers1763900000003().up(runner);
      } finally {
        await runner.release();
      }
      expect(await clientsById("ACME-EXACT.SVC")).toBe(0);
      if (testDbKind() === "mysql") {
        const collations = await current.query(
          "SELECT TABLE_NAME AS t, COLUMN_NAME AS c, COLLATION_NAME AS collation FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME IN ('client_id', 'local_id', 'slug') AND TABLE_NAME IN ('api_clients', 'organizations') ORDER BY TABLE_NAME, COLUMN_NAME",
        );
        expect(collations.map((row: { collation: string }) => row.collation)).toEqual(Array(3).fill(expect.stringMatching(/^utf8mb4_(nopad_bin|0900_bin)$/)));
      }

      await current.undoLastMigration();
      expect(await clientsById("acme-exact.svc")).toBe(1);
      expect(await migrate(current)).toEqual(["ExactIdentifiers1763900000003"]);
      expect(await clientsById("ACME-EXACT.SVC")).toBe(0);
    } finally {
      await current.destroy();
      await older.drop();
    }
  });

  it("adds member_invitations to a database made before it, and drops it again on undo", async () => {
    const older = await createTestDatabase();
    const first = olderDataSource(older.url, MIGRATIONS.slice(0, MIGRATIONS.indexOf(MemberInvitations1763900000005)));
    await first.initialize();
    try {
      await migrate(first);
      const org = organization();
      await first.getRepository(Organization).insert(org);
      await first.destroy();
      const current = olderDataSource(older.url, through(MemberInvitations1763900000005));
      await current.initialize();
      try {
        expect(await migrate(current)).toEqual(["MemberInvitations1763900000005"]);
        expect(await current.getRepository(Organization).findOneBy({ id: org.id })).not.toBeNull();
        expect(await current.query("SELECT * FROM member_invitations")).toEqual([]);
        await current.undoLastMigration();
        await expect(current.query("SELECT * FROM member_invitations")).rejects.toThrow();
        expect(await migrate(current)).toEqual(["MemberInvitations1763900000005"]);
      } finally {
        await current.destroy();
      }
    } finally {
      if (first.isInitialized) await first.destroy();
      await older.drop();
    }
  });

  it("adds server_keys to a database made before it, and takes it away again on undo", async () => {
    const older = await createTestDatabase();
    const first = olderDataSource(older.url, MIGRATIONS.slice(0, MIGRATIONS.indexOf(ServerKeys1763900000004)));
    await first.initialize();
    try {
      await migrate(first);
      await first.destroy();
      const current = olderDataSource(older.url, through(ServerKeys1763900000004));
      await current.initialize();
      try {
        expect(await migrate(current)).toEqual(["ServerKeys1763900000004"]);
        await current.query("INSERT INTO server_keys (name, value, is_encrypted, created_at) VALUES ('k', 'v1:x', 1, '2026-03-04 05:06:07.089')");
        await expect(current.query("INSERT INTO server_keys (name, value, is_encrypted, created_at) VALUES ('k', 'v1:y', 1, '2026-03-04 05:06:07.089')")).rejects.toThrow();
        await current.undoLastMigration();
        const runner = current.createQueryRunner();
        try {
          expect(await runner.hasTable("server_keys")).toBe(false);
        } finally {
          await runner.release();
        }
      } finally {
        await current.destroy();
      }
    } finally {
      if (first.isInitialized) await first.destroy();
      await older.drop();
    }
  });

  it("adds users.created_by_link, false for every account made before it", async () => {
    const older = await createTestDatabase();
    const first = olderDataSource(older.url, MIGRATIONS.slice(0, MIGRATIONS.indexOf(UserCreatedByLink1763900000006)));
    await first.initialize();
    try {
      await migrate(first);
      await first.query("INSERT INTO users (id, email, name, password_hash, created_at, updated_at) VALUES ('u1', 'old@acme.test', 'Old', 'x', '2026-03-04 05:06:07.089', '2026-03-04 05:06:07.089')");
      await first.destroy();
      const current = olderDataSource(older.url, through(UserCreatedByLink1763900000006));
      await current.initialize();
      try {
        expect(await migrate(current)).toEqual(["UserCreatedByLink1763900000006"]);
        expect(await current.getRepository(User).findOneByOrFail({ id: "u1" })).toMatchObject({ email: "old@acme.test", createdByLink: false });
        await current.undoLastMigration();
        expect(Object.keys((await current.query("SELECT * FROM users"))[0])).not.toContain("created_by_link");
      } finally {
        await current.destroy();
      }
    } finally {
      if (first.isInitialized) await first.destroy();
      await older.drop();
    }
  });

  it("adds the user-token flags, off for every client made before, and access_tokens.subject, '' for every token", async () => {
    const older = await createTestDatabase();
    const first = olderDataSource(older.url, MIGRATIONS.slice(0, MIGRATIONS.indexOf(UserTokens1763900000009)));
    await first.initialize();
    try {
      await migrate(first);
      const org = organization();
      await first.query("INSERT INTO organizations (id, name, slug, max_api_clients, max_tokens_per_client, access_token_ttl_seconds, api_clients_enabled, api_client_count, created_at, updated_at) VALUES (?, 'Acme', ?, 10, 10, 3600, 1, 0, '2026-03-04 05:06:07.089', '2026-03-04 05:06:07.089')", [org.id, org.slug]);
      await first.query("INSERT INTO api_clients (id, organization_id, client_id, name, description, environment, permissions, allowed_ips, redirect_uris, secret_version, created_at, created_by_type, created_by_label, updated_at) VALUES ('c1', ?, 'old-client', 'Old', '', 'LIVE', '[]', '[]', '[]', 1, '2026-03-04 05:06:07.089', 'CLI', 'cli', '2026-03-04 05:06:07.089')", [org.id]);
      await first.query("INSERT INTO access_tokens (jti, api_client_id, organization_id, secret_version, scope, issued_at, expires_at) VALUES ('t1', 'c1', ?, 1, 'blogs.read', '2026-03-04 05:06:07.089', '2099-03-04 05:06:07.089')", [org.id]);
      await first.destroy();
      const current = olderDataSource(older.url, through(UserTokens1763900000009));
      await current.initialize();
      try {
        expect(await migrate(current)).toEqual(["UserTokens1763900000009"]);
        expect((await current.query("SELECT client_id, allow_login, allow_impersonate FROM api_clients WHERE id = 'c1'")).map((row: Record<string, unknown>) => ({ ...row, allow_login: Number(row.allow_login), allow_impersonate: Number(row.allow_impersonate) }))).toEqual([{ client_id: "old-client", allow_login: 0, allow_impersonate: 0 }]);
        expect(await current.query("SELECT subject FROM access_tokens WHERE jti = 't1'")).toEqual([{ subject: "" }]);
        await current.undoLastMigration();
        expect(Object.keys((await current.query("SELECT * FROM api_clients"))[0])).not.toContain("allow_login");
        expect(Object.keys((await current.query("SELECT * FROM access_tokens"))[0])).not.toContain("subject");
      } finally {
        await current.destroy();
      }
    } finally {
      if (first.isInitialized) await first.destroy();
      await older.drop();
    }
  });
});
