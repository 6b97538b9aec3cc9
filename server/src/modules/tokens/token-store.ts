import type { DataSource } from "typeorm";
import { isSqlite, writeNow } from "../../common/transaction.js";

export interface TokenRow {
  jti: string;
  apiClientId: string;
  organizationId: string | null;
  secretVersion: number;
  scope: string;
  issuedAt: Date;
  expiresAt: Date;
}

/**
 * The statements of the /token hot path, prepared once on the driver itself: TypeORM's query
 * building costs more than the statements do. A token over the client's limit is deleted, not
 * marked: an unknown jti is inactive everywhere, and the table stays as small as the live set.
 */
export interface TokenStore {
  /** Records the token and deletes the client's live tokens beyond the newest `maxTokens`. */
  record(row: TokenRow, maxTokens: number): Promise<void> | void;
}

const INSERT = "INSERT INTO access_tokens (jti, api_client_id, organization_id, secret_version, scope, issued_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)";

export function createTokenStore(dataSource: DataSource): TokenStore {
  return isSqlite(dataSource) ? sqliteStore(dataSource) : mysqlStore(dataSource);
}

interface SqliteStatement {
  run(...params: unknown[]): unknown;
  all(...params: unknown[]): { jti: string }[];
}

interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  transaction<T>(work: (items: T) => void): (items: T) => void;
}

interface Pending {
  row: TokenRow;
  maxTokens: number;
  done(error?: unknown): void;
}

// TypeORM writes SQLite datetimes as UTC "YYYY-MM-DD HH:MM:SS.SSS"; these rows must read back the same.
const sqliteDate = (date: Date) => date.toISOString().replace("T", " ").replace("Z", "");

/**
 * Group commit: the tokens of one event-loop turn are written in one transaction, and each
 * response waits for it, so every token is on disk before its response leaves, at the cost of
 * one commit per batch instead of two per token.
 */
function sqliteStore(dataSource: DataSource): TokenStore {
  let writeBatch: ((items: Pending[]) => void) | null = null;
  let pending: Pending[] = [];
  // Prepared on first use: the store is built before migrations have created the table.
  const batchWriter = () => {
    if (writeBatch !== null) return writeBatch;
    const db = (dataSource.driver as unknown as { databaseConnection: SqliteDatabase }).databaseConnection;
    const insert = db.prepare(INSERT);
    const beyond = db.prepare("SELECT jti FROM access_tokens WHERE api_client_id = ? ORDER BY issued_at DESC, jti DESC LIMIT -1 OFFSET ?");
    const remove = db.prepare("DELETE FROM access_tokens WHERE jti = ?");
    writeBatch = db.transaction((items: Pending[]) => {
      const limits = new Map<string, number>();
      for (const { row, maxTokens } of items) {
        insert.run(row.jti, row.apiClientId, row.organizationId, row.secretVersion, row.scope, sqliteDate(row.issuedAt), sqliteDate(row.expiresAt));
        limits.set(row.apiClientId, maxTokens);
      }
      for (const [apiClientId, maxTokens] of limits) for (const old of beyond.all(apiClientId, maxTokens)) remove.run(old.jti);
    });
    return writeBatch;
  };
  const flush = () => {
    const items = pending;
    pending = [];
    const settle = (error?: unknown) => items.forEach((item) => item.done(error));
    try {
      const written = writeNow(dataSource, () => batchWriter()(items));
      if (written instanceof Promise) written.then(() => settle(), settle);
      else settle();
    } catch (error) {
      settle(error ?? new Error("token batch failed"));
    }
  };
  return {
    record(row, maxTokens) {
      return new Promise<void>((resolve, reject) => {
        pending.push({ row, maxTokens, done: (error) => (error === undefined ? resolve() : reject(error)) });
        if (pending.length === 1) setImmediate(flush);
      });
    },
  };
}

interface MysqlPool {
  execute(sql: string, params: unknown[], callback: (error: Error | null, rows: unknown) => void): void;
}

function mysqlStore(dataSource: DataSource): TokenStore {
  const pool = () => (dataSource.driver as unknown as { pool: MysqlPool }).pool;
  const execute = <T>(sql: string, params: unknown[]) =>
    new Promise<T>((resolve, reject) => pool().execute(sql, params, (error, rows) => (error === null ? resolve(rows as T) : reject(error))));
  return {
    async record(row, maxTokens) {
      await execute(INSERT, [row.jti, row.apiClientId, row.organizationId, row.secretVersion, row.scope, row.issuedAt, row.expiresAt]);
      // MySQL rejects LIMIT inside IN (…), so the ids beyond the limit are read first.
      const old = await execute<{ jti: string }[]>(`SELECT jti FROM access_tokens WHERE api_client_id = ? ORDER BY issued_at DESC, jti DESC LIMIT 1000 OFFSET ${Number(maxTokens)}`, [row.apiClientId]);
      if (old.length > 0) await execute(`DELETE FROM access_tokens WHERE jti IN (${old.map(() => "?").join(", ")})`, old.map((token) => token.jti));
    },
  };
}
