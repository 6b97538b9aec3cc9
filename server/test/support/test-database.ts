import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConnection } from "mysql2/promise";
import { writeFileSync } from "node:fs";
import { inject } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createDataSource } from "../../src/db/data-source.js";

const TABLES = ["organizations", "users", "memberships", "sessions", "api_clients", "api_client_secrets", "access_tokens", "signing_keys", "audit_events", "member_invitations", "server_keys", "federated_credentials"];

/** Every row of every table, written where the end-of-suite leak scan reads it. */
async function dumpForLeakScan(url: string, name: string): Promise<void> {
  const dir = leakDir();
  if (dir === null) return;
  const dataSource = createDataSource(loadConfig({ DATABASE_URL: url }).database);
  try {
    await dataSource.initialize();
    const dump: Record<string, unknown> = {};
    for (const table of TABLES) dump[table] = await dataSource.query(`SELECT * FROM ${table}`).catch(() => []);
    writeFileSync(join(dir, `db-${name}.json`), JSON.stringify(dump));
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}

/** Where logs and table dumps go for the end-of-suite leak scan; null outside the integration projects. */
export function leakDir(): string | null {
  try {
    return inject("leakDir") ?? null;
  } catch {
    return null;
  }
}

export type TestDbKind = "sqlite" | "mysql";

export interface TestDatabase {
  kind: TestDbKind;
  /** A DATABASE_URL for the server under test. */
  url: string;
  drop(): Promise<void>;
}

export function testDbKind(): TestDbKind {
  const kind = process.env.CLAVIS_TEST_DB ?? "sqlite";
  if (kind !== "sqlite" && kind !== "mysql") throw new Error(`CLAVIS_TEST_DB must be sqlite or mysql, not ${kind}`);
  return kind;
}

/** A fresh, empty database of the kind this test project runs on. */
export async function createTestDatabase(kind: TestDbKind = testDbKind()): Promise<TestDatabase> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "clavis-sqlite-"));
    const url = `sqlite:${join(dir, "clavis.sqlite")}`;
    return {
      kind,
      url,
      drop: async () => {
        await dumpForLeakScan(url, `sqlite-${dir.split("-").pop()}`);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = new URL(inject("mysqlAdminUrl"));
  const name = `clavis_t_${randomBytes(6).toString("hex")}`;
  const connect = () =>
    createConnection({ host: admin.hostname, port: Number(admin.port || 3306), user: decodeURIComponent(admin.username), password: decodeURIComponent(admin.password) });
  const connection = await connect();
  await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await connection.end();
  const url = new URL(admin.href);
  url.pathname = `/${name}`;
  return {
    kind,
    url: url.href,
    drop: async () => {
      await dumpForLeakScan(url.href, name);
      const dropper = await connect();
      await dropper.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await dropper.end();
    },
  };
}
