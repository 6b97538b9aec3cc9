import "reflect-metadata";
import { DataSource } from "typeorm";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createDataSource, migrate } from "../../src/db/data-source.js";
import { MIGRATIONS } from "../../src/db/migrations.js";
import { ClientControls1763900000013 } from "../../src/db/migrations/0013-client-controls.js";
import { ApiClient } from "../../src/modules/api-clients/api-client.entity.js";
import { createTestDatabase, testDbKind } from "../support/test-database.js";

// Only the columns up to 0013: the entity also has later releases' columns, which this database lacks.
const SELECT = { id: true, clientId: true, accessTokenTtlSeconds: true, disabled: true, customClaims: true, tokensRevokedAt: true } as const;
const upTo = (url: string, migrations: (typeof MIGRATIONS)[number][]) => new DataSource({ ...createDataSource(loadConfig({ DATABASE_URL: url }).database).options, migrations });

/** Issue 17's migration 0013 on a database that already has clients. */
describe(`migration 0013 (per-client controls) on ${testDbKind()}`, () => {
  it("gives every client made before it no lifetime of its own, enabled, no custom claims, never revoked; and undoes cleanly", async () => {
    const db = await createTestDatabase();
    const before = upTo(db.url, MIGRATIONS.slice(0, MIGRATIONS.indexOf(ClientControls1763900000013)));
    try {
      await before.initialize();
      await migrate(before);
      await before.query("INSERT INTO organizations (id, name, slug, max_api_clients, max_tokens_per_client, access_token_ttl_seconds, api_clients_enabled, api_client_count, created_at, updated_at) VALUES ('o1', 'Acme', 'acme', 10, 10, 3600, 1, 0, '2026-03-04 05:06:07.089', '2026-03-04 05:06:07.089')");
      await before.query("INSERT INTO api_clients (id, organization_id, client_id, name, description, environment, permissions, allowed_ips, redirect_uris, secret_version, created_at, created_by_type, created_by_label, updated_at) VALUES ('c1', 'o1', 'old-client', 'Old', '', 'LIVE', '[]', '[]', '[]', 1, '2026-03-04 05:06:07.089', 'CLI', 'cli', '2026-03-04 05:06:07.089')");
      await before.destroy();
      const current = upTo(db.url, MIGRATIONS.slice(0, MIGRATIONS.indexOf(ClientControls1763900000013) + 1));
      await current.initialize();
      try {
        expect(await migrate(current)).toEqual(["ClientControls1763900000013"]);
        expect(await current.getRepository(ApiClient).findOneOrFail({ where: { id: "c1" }, select: SELECT })).toMatchObject({ clientId: "old-client", accessTokenTtlSeconds: null, disabled: false, customClaims: null, tokensRevokedAt: null });
        await current.getRepository(ApiClient).update({ id: "c1" }, { customClaims: { tier: "gold" }, tokensRevokedAt: new Date("2026-03-04T05:06:07.089Z") });
        expect(await current.getRepository(ApiClient).findOneOrFail({ where: { id: "c1" }, select: SELECT })).toMatchObject({ customClaims: { tier: "gold" }, tokensRevokedAt: new Date("2026-03-04T05:06:07.089Z") });
        await current.undoLastMigration();
        const columns = Object.keys((await current.query("SELECT * FROM api_clients"))[0]);
        for (const column of ["access_token_ttl_seconds", "disabled", "custom_claims", "tokens_revoked_at"]) expect(columns).not.toContain(column);
      } finally {
        await current.destroy();
      }
    } finally {
      if (before.isInitialized) await before.destroy();
      await db.drop();
    }
  });
});
