import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConnection } from "mysql2/promise";
import { inject } from "vitest";

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
    return { kind, url: `sqlite:${join(dir, "clavis.sqlite")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
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
      const dropper = await connect();
      await dropper.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await dropper.end();
    },
  };
}
