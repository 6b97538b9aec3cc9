import type { DataSource } from "typeorm";

const galera = new WeakMap<DataSource, boolean>();

/**
 * Whether the database is a Galera cluster (`wsrep_on`), asked once when it is opened. MySQL
 * without the variable, and SQLite, are not.
 */
export async function detectGalera(dataSource: DataSource): Promise<boolean> {
  let isGalera = false;
  if (dataSource.options.type !== "better-sqlite3") {
    try {
      const rows = (await dataSource.query("SELECT @@wsrep_on AS wsrep_on")) as { wsrep_on: number | string }[];
      isGalera = Number(rows[0]?.wsrep_on) === 1;
    } catch {
      isGalera = false;
    }
  }
  galera.set(dataSource, isGalera);
  return isGalera;
}

export function isGalera(dataSource: DataSource): boolean {
  return galera.get(dataSource) === true;
}

/**
 * On Galera, waits until this node has applied every write committed anywhere in the cluster
 * before now (wsrep_sync_wait for one statement), so the reads that follow on this node see a
 * change made through another node, such as a secret reset or a revocation. Elsewhere nothing
 * is needed: one server is always up to date with itself. One round trip; only cache misses of
 * the client state and of verified tokens pay it.
 */
export async function causalBarrier(dataSource: DataSource): Promise<void> {
  if (galera.get(dataSource) !== true) return;
  await dataSource.query("SET STATEMENT wsrep_sync_wait = 1 FOR SELECT 1");
}
