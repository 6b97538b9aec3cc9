import type { DataSource, EntityManager } from "typeorm";
import { isDatabaseUnavailable, isNodeNotReady, isNotSent, outageOf } from "../db/database-outage.js";
import type { Ctx } from "./context.js";
import { recordTransactionRetry } from "./metrics.js";

interface SqliteQueue {
  tail: Promise<unknown>;
  pending: number;
}

const queues = new WeakMap<DataSource, SqliteQueue>();

function queueOf(dataSource: DataSource): SqliteQueue {
  let queue = queues.get(dataSource);
  if (queue === undefined) {
    queue = { tail: Promise.resolve(), pending: 0 };
    queues.set(dataSource, queue);
  }
  return queue;
}

export function isSqlite(dataSource: DataSource): boolean {
  return dataSource.options.type === "better-sqlite3";
}

function enqueue<T>(dataSource: DataSource, work: () => T | Promise<T>): Promise<T> {
  const queue = queueOf(dataSource);
  queue.pending += 1;
  const run = queue.tail
    .catch(() => undefined)
    .then(work)
    .finally(() => {
      queue.pending -= 1;
    });
  queue.tail = run;
  return run;
}

/**
 * Runs `work` in one database transaction. SQLite has one connection that TypeORM shares, so a
 * transaction would swallow any write made during its awaits (and lose it on rollback), and
 * concurrent transactions would nest as savepoints. On SQLite, transactions and every other
 * write therefore take turns (see `sqliteWrite`).
 */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (!isSqlite(dataSource)) return withRetry(dataSource, work);
  return enqueue(dataSource, () => dataSource.transaction(work));
}

// 1213 is also how Galera reports a transaction that lost certification against another node's
// write at COMMIT (or was aborted by one being applied); 1205 rolls back the statement, and the
// rollback here the rest. Both leave nothing written, so the whole transaction runs again.
const ROLLED_BACK = new Set(["ER_LOCK_DEADLOCK", "ER_LOCK_WAIT_TIMEOUT"]);
// Creates and deletes take the organization row first, but resets and edits take the client row
// first and the organization's etag after, and InnoDB's gap locks on the token and secret indexes
// pick victims too when one organization's clients change at full speed; on Galera, two nodes
// changing one organization at once conflict at COMMIT. Eight attempts keep that invisible to
// callers while staying bounded (at most about 1.5 s of waiting in all).
export const TRANSACTION_ATTEMPTS = 8;

/** Full jitter on an exponential step (10 ms doubling, at most 500 ms): retries of two nodes do not meet again. */
export function retryDelayMs(attempt: number, random = Math.random()): number {
  return Math.round(random * Math.min(500, 10 * 2 ** (attempt - 1)));
}

/**
 * Whether the failed attempt may be run again. A deadlock or certification failure rolled it
 * back whole. A connection that failed before COMMIT was sent wrote nothing (the server rolls
 * back an open transaction whose connection is gone), and the next attempt goes to a live host;
 * a connection lost during COMMIT may have committed, so that one is not retried.
 */
function isRetryable(error: unknown, committing: boolean): boolean {
  const candidate = error as { code?: string; driverError?: { code?: string } };
  if (ROLLED_BACK.has(candidate.driverError?.code ?? candidate.code ?? "")) return true;
  return (!committing && isDatabaseUnavailable(error)) || isNotSent(error);
}

/**
 * Runs the transaction, and runs it again whole when it was rolled back (see isRetryable). Work
 * functions read what they need inside the transaction and write their audit events in it, so
 * a rerun neither repeats an audit event nor takes a slot twice.
 */
async function withRetry<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    let committing = false;
    try {
      return await dataSource.transaction(async (manager) => {
        const result = await work(manager);
        committing = true;
        return result;
      });
    } catch (error) {
      if (isNodeNotReady(error)) outageOf(dataSource).nodeNotReady();
      if (attempt >= TRANSACTION_ATTEMPTS || !isRetryable(error, committing)) throw error;
      recordTransactionRetry();
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempt)));
    }
  }
}

/**
 * Synchronous driver statements outside a transaction (the /token hot path). On SQLite they run
 * at once when no transaction is open (nothing can interleave with synchronous code) and wait
 * their turn otherwise.
 */
export function writeNow<T>(dataSource: DataSource, write: () => T): T | Promise<T> {
  if (!isSqlite(dataSource) || queueOf(dataSource).pending === 0) return write();
  return enqueue(dataSource, write);
}

/** An async write outside a transaction (TypeORM awaits inside it): on SQLite it takes a turn. */
export function writeInTurn<T>(dataSource: DataSource, write: () => Promise<T>): Promise<T> {
  return isSqlite(dataSource) ? enqueue(dataSource, write) : write();
}

/** Runs `work` with a Ctx bound to one transaction; nested calls join the outer one. */
export function transactional<T>(ctx: Ctx, work: (ctx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.inTransaction) return work(ctx);
  return inTransaction(ctx.manager.connection, (manager) => work({ ...ctx, manager, inTransaction: true }));
}
