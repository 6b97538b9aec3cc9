import type { DataSource } from "typeorm";
import type { PoolUsage } from "../common/metrics.js";

interface Counted {
  length: number;
}

/** What mysql2's pool keeps (lib/base/pool.js); not public API, so each field is checked. */
interface Mysql2Pool {
  _allConnections?: Counted;
  _freeConnections?: Counted;
  _connectionQueue?: Counted;
}

/**
 * The MySQL/MariaDB pool's connections as /metrics shows them; null on SQLite (one connection,
 * nothing to pool) or when the driver holds no pool of the shape known here.
 */
export function poolUsage(dataSource: DataSource): PoolUsage {
  return () => {
    if (!dataSource.isInitialized || dataSource.options.type !== "mysql") return null;
    const pool = (dataSource.driver as unknown as { pool?: Mysql2Pool }).pool;
    if (pool?._allConnections === undefined || pool._freeConnections === undefined || pool._connectionQueue === undefined) return null;
    return { total: pool._allConnections.length, idle: pool._freeConnections.length, waiting: pool._connectionQueue.length };
  };
}
