import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";

const LEASE_SECONDS = 600;
const POLL_MS = 250;

/**
 * Runs `work` (the migrations) in one process at a time across every process sharing a
 * MySQL/MariaDB database. Not GET_LOCK or LOCK TABLES, which Galera does not replicate: a lease
 * row taken by a conditional UPDATE. Two nodes taking it at once conflict at certification, and
 * the loser's statement runs again, finds the row taken and changes nothing; so exactly one
 * process sees one row changed. The others wait for the lease to be released (or to run out, if
 * its holder died), then take it in turn and find nothing left to run.
 */
export async function withMigrationLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  await dataSource.query("CREATE TABLE IF NOT EXISTS clavis_migration_lock (id INT NOT NULL PRIMARY KEY, holder VARCHAR(36) NULL, expires_at DATETIME(3) NULL) ENGINE=InnoDB");
  await retryConflicts(() => dataSource.query("INSERT IGNORE INTO clavis_migration_lock (id, holder, expires_at) VALUES (1, NULL, NULL)"));
  const holder = randomUUID();
  const take = () =>
    retryConflicts(() =>
      dataSource.query(
        "UPDATE clavis_migration_lock SET holder = ?, expires_at = NOW(3) + INTERVAL ? SECOND WHERE id = 1 AND (holder IS NULL OR expires_at < NOW(3))",
        [holder, LEASE_SECONDS],
      ),
    );
  while (affected(await take()) !== 1) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  try {
    return await work();
  } finally {
    await retryConflicts(() => dataSource.query("UPDATE clavis_migration_lock SET holder = NULL, expires_at = NULL WHERE id = 1 AND holder = ?", [holder]));
  }
}

function affected(result: unknown): number {
  return (result as { affectedRows?: number }).affectedRows ?? 0;
}

async function retryConflicts<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
      if (code !== "ER_LOCK_DEADLOCK" || attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * attempt));
    }
  }
}
