import "reflect-metadata";
import { closeSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import { DataSource, type DataSourceOptions } from "typeorm";
import type { DatabaseConfig } from "../config.js";
import { ENTITIES } from "./entities.js";
import { MIGRATIONS } from "./migrations.js";

export function createDataSource(database: DatabaseConfig): DataSource {
  return new DataSource(dataSourceOptions(database));
}

function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, logging: false } as const;
  if (database.kind === "sqlite") {
    if (database.path !== ":memory:") createPrivately(database.path);
    return {
      ...common,
      type: "better-sqlite3",
      database: database.path,
      enableWAL: true,
      timeout: 5000,
      prepareDatabase: (db: { pragma(source: string): unknown }) => {
        db.pragma("synchronous = NORMAL");
      },
    };
  }
  return {
    ...common,
    type: "mysql",
    host: database.host,
    port: database.port,
    username: database.user,
    password: database.password,
    database: database.database,
    charset: "utf8mb4_unicode_ci",
    timezone: "Z",
    poolSize: 10,
    connectTimeout: 5000,
    extra: { enableKeepAlive: true },
  };
}

/**
 * The database holds hashes and (sealed) keys: a new directory is made owner-only (0700) and a
 * new file 0600, which SQLite gives its -wal and -shm files too. Existing ones keep their modes.
 */
function createPrivately(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, "a", 0o600));
}

/** Applies pending migrations; returns the names of those it ran. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const ran = await dataSource.runMigrations({ transaction: "each" });
  return ran.map((migration) => migration.name);
}
