import type { DataSource } from "typeorm";
import { observeTokenBatch, recordTransactionRetry } from "../../common/metrics.js";
import { isSqlite, retryDelayMs, writeNow } from "../../common/transaction.js";
import { isNodeNotReady, isNotSent, outageOf } from "../../db/database-outage.js";
import { sqliteDate } from "../../db/prepared-select.js";

export interface TokenRow {
  jti: string;
  apiClientId: string;
  organizationId: string | null;
  secretVersion: number;
  scope: string;
  /** The platform user a user token acts for; '' for the client's own tokens. */
  subject: string;
  issuedAt: Date;
  expiresAt: Date;
}

/**
 * The statements of the /token hot path, prepared once on the driver itself: TypeORM's query
 * building costs more than the statements do. A token over the client's limit is deleted, not
 * marked: an unknown jti is inactive everywhere, and the table stays as small as the live set.
 */
export interface TokenStore {
  /**
   * Records the token and deletes the live tokens beyond the newest `maxTokens` of the same
   * client and subject: a client's own tokens and each user's tokens are counted apart.
   */
  record(row: TokenRow, maxTokens: number): Promise<void> | void;
}

const INSERT = "INSERT INTO access_tokens (jti, api_client_id, organization_id, secret_version, scope, subject, issued_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)";

/** One limit per (client, subject); the key is split back apart when the batch is written. */
const limitKey = (row: TokenRow) => `${row.apiClientId}\u0000${row.subject}`;
const splitKey = (key: string) => key.split("\u0000") as [string, string];

export function createTokenStore(dataSource: DataSource): TokenStore {
  return isSqlite(dataSource) ? sqliteStore(dataSource) : mysqlStore(dataSource);
}

/** The token's client was deleted after it authenticated: no token is recorded, none is given out. */
export class ClientGone extends Error {
  constructor() {
    super("The client no longer exists");
    this.name = "ClientGone";
  }
}

function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? "";
  return code === "ER_NO_REFERENCED_ROW_2" || code === "SQLITE_CONSTRAINT_FOREIGNKEY";
}

interface Pending {
  row: TokenRow;
  maxTokens: number;
  done(error?: unknown): void;
}

/**
 * Group commit: the tokens of one event-loop turn are written together, and each response
 * waits for that write, so every token is stored before its response leaves, at the cost of one
 * commit (and a few round trips) per batch instead of per token.
 */
function groupCommit(writeBatch: (rows: TokenRow[], limits: Map<string, number>) => unknown): TokenStore {
  let pending: Pending[] = [];
  let writing = false;
  let scheduled = false;
  const schedule = () => {
    if (scheduled || writing || pending.length === 0) return;
    scheduled = true;
    setImmediate(flush);
  };
  // One batch at a time: tokens that arrive while one is written make up the next, larger one.
  const flush = () => {
    scheduled = false;
    const items = pending;
    pending = [];
    observeTokenBatch(items.length);
    writing = true;
    const settle = (error?: unknown) => {
      writing = false;
      items.forEach((item) => item.done(error));
      schedule();
    };
    const limits = new Map(items.map((item) => [limitKey(item.row), item.maxTokens]));
    const failed = (error: unknown) => {
      if (!isForeignKeyViolation(error) || items.length === 1) return settle(error ?? new Error("token batch failed"));
      // A client of the batch was deleted meanwhile: the others' tokens are written one by one.
      void writeAlone(items).then(() => {
        writing = false;
        schedule();
      });
    };
    try {
      const written = writeBatch(items.map((item) => item.row), limits);
      if (written instanceof Promise) written.then(() => settle(), failed);
      else settle();
    } catch (error) {
      failed(error);
    }
  };
  const writeAlone = async (items: Pending[]) => {
    for (const item of items) {
      try {
        await writeBatch([item.row], new Map([[limitKey(item.row), item.maxTokens]]));
        item.done();
      } catch (error) {
        item.done(isForeignKeyViolation(error) ? new ClientGone() : (error ?? new Error("token batch failed")));
      }
    }
  };
  return {
    record(row, maxTokens) {
      return new Promise<void>((resolve, reject) => {
        pending.push({ row, maxTokens, done: (error) => (error === undefined ? resolve() : reject(isForeignKeyViolation(error) ? new ClientGone() : error)) });
        schedule();
      });
    },
  };
}

interface SqliteStatement {
  run(...params: unknown[]): unknown;
  all(...params: unknown[]): { jti: string }[];
}

interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  transaction<T>(work: (items: T) => void): (items: T) => void;
}

function sqliteStore(dataSource: DataSource): TokenStore {
  // Prepared on first use: the store is built before migrations have created the table.
  let writeRows: ((batch: { rows: TokenRow[]; limits: Map<string, number> }) => void) | null = null;
  const prepared = () => {
    if (writeRows !== null) return writeRows;
    const db = (dataSource.driver as unknown as { databaseConnection: SqliteDatabase }).databaseConnection;
    const insert = db.prepare(INSERT);
    const beyond = db.prepare("SELECT jti FROM access_tokens WHERE api_client_id = ? AND subject = ? ORDER BY issued_at DESC, jti DESC LIMIT -1 OFFSET ?");
    const remove = db.prepare("DELETE FROM access_tokens WHERE jti = ?");
    writeRows = db.transaction(({ rows, limits }: { rows: TokenRow[]; limits: Map<string, number> }) => {
      for (const row of rows) insert.run(row.jti, row.apiClientId, row.organizationId, row.secretVersion, row.scope, row.subject, sqliteDate(row.issuedAt), sqliteDate(row.expiresAt));
      for (const [key, maxTokens] of limits) for (const old of beyond.all(...splitKey(key), maxTokens)) remove.run(old.jti);
    });
    return writeRows;
  };
  return groupCommit((rows, limits) => writeNow(dataSource, () => prepared()({ rows, limits })));
}

interface MysqlPool {
  query(sql: string, params: unknown[], callback: (error: Error | null, rows: unknown) => void): void;
}

const DEADLOCK_RETRIES = 5;

function mysqlStore(dataSource: DataSource): TokenStore {
  const once = <T>(sql: string, params: unknown[]) =>
    new Promise<T>((resolve, reject) =>
      (dataSource.driver as unknown as { pool: MysqlPool }).pool.query(sql, params, (error, rows) => (error === null ? resolve(rows as T) : reject(error))),
    );
  // Processes sharing the database can still deadlock on one client's rows (on Galera: lose
  // certification); InnoDB rolls back just the one statement, so that statement alone is tried
  // again, as is one that never reached a usable server (the next attempt goes to the next host).
  const query = async <T>(sql: string, params: unknown[]): Promise<T> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await once<T>(sql, params);
      } catch (error) {
        if (isNodeNotReady(error)) outageOf(dataSource).nodeNotReady();
        const retryable = (error as { code?: string }).code === "ER_LOCK_DEADLOCK" || isNotSent(error);
        if (!retryable || attempt >= DEADLOCK_RETRIES) throw error;
        recordTransactionRetry();
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempt)));
      }
    }
  };
  return groupCommit(async (rows, limits) => {
    const values = rows.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, NULL)").join(", ");
    const params = rows.flatMap((row) => [row.jti, row.apiClientId, row.organizationId, row.secretVersion, row.scope, row.subject, row.issuedAt, row.expiresAt]);
    await query(`${INSERT.slice(0, INSERT.indexOf("VALUES"))}VALUES ${values}`, params);
    for (const [key, maxTokens] of limits) {
      // MySQL rejects LIMIT inside IN (…), so the ids beyond the limit are read first.
      const old = await query<{ jti: string }[]>(`SELECT jti FROM access_tokens WHERE api_client_id = ? AND subject = ? ORDER BY issued_at DESC, jti DESC LIMIT 1000 OFFSET ${Number(maxTokens)}`, splitKey(key));
      if (old.length > 0) await query(`DELETE FROM access_tokens WHERE jti IN (${old.map(() => "?").join(", ")})`, old.map((token) => token.jti));
    }
  });
}
