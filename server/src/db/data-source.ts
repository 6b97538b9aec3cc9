import "reflect-metadata";
import { closeSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import { DataSource, type DataSourceOptions } from "typeorm";
import type { DatabaseConfig } from "../config.js";
import { detectGalera } from "./causal-read.js";
import { isDatabaseUnavailable, outageOf } from "./database-outage.js";
import { withMigrationLock } from "./migration-lock.js";
import { ENTITIES } from "./entities.js";
import { HostFailover } from "./host-failover.js";
import { MIGRATIONS } from "./migrations.js";

const failovers = new WeakMap<DataSource, HostFailover>();

export function createDataSource(database: DatabaseConfig): DataSource {
  if (database.kind === "sqlite") return new DataSource(dataSourceOptions(database, null));
  let dataSource: DataSource | null = null;
  const failover = new HostFailover(database.hosts, {
    switched: (from, to) => dataSource !== null && outageOf(dataSource).switched(from, to),
    connected: () => dataSource !== null && outageOf(dataSource).reachable(),
  });
  dataSource = new DataSource(dataSourceOptions(database, failover));
  failovers.set(dataSource, failover);
  outageOf(dataSource).failover = failover;
  return dataSource;
}

/** The host list of a MySQL/MariaDB data source (null on SQLite). */
export function failoverOf(dataSource: DataSource): HostFailover | null {
  return failovers.get(dataSource) ?? null;
}

function dataSourceOptions(database: DatabaseConfig, failover: HostFailover | null): DataSourceOptions {
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
    // Every connection goes to the failover's current host (one, or a Galera cluster's several).
    extra: { stream: failover?.connect },
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
  const run = async () => (await dataSource.runMigrations({ transaction: "each" })).map((migration) => migration.name);
  // SQLite has one process; servers may have several starting at once (see withMigrationLock).
  return dataSource.options.type === "better-sqlite3" ? run() : withMigrationLock(dataSource, run);
}

/**
 * Opens the data source; with several hosts, a host that refuses the first connection hands
 * over to the next (HostFailover), so each is tried once before giving up.
 */
export async function openDataSource(dataSource: DataSource): Promise<void> {
  const hosts = failoverOf(dataSource)?.hosts.length ?? 1;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await dataSource.initialize();
      await detectGalera(dataSource);
      return;
    } catch (error) {
      if (attempt >= hosts || !isDatabaseUnavailable(error)) throw error;
    }
  }
}
