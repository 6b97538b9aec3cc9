import type { DataSource, EntityManager } from "typeorm";
import type { Ctx } from "./context.js";

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
  if (!isSqlite(dataSource)) return withDeadlockRetry(() => dataSource.transaction(work));
  return enqueue(dataSource, () => dataSource.transaction(work));
}

const RETRYABLE = new Set(["ER_LOCK_DEADLOCK", "ER_LOCK_WAIT_TIMEOUT"]);
// Creates and deletes take the organization row first, but resets and edits take the client row
// first and the organization's etag after, and InnoDB's gap locks on the token and secret indexes
// pick victims too when one organization's clients change at full speed: eight attempts keep that
// invisible to callers while staying bounded.
const ATTEMPTS = 8;

function isRetryable(error: unknown): boolean {
  const candidate = error as { code?: string; driverError?: { code?: string } };
  return RETRYABLE.has(candidate.driverError?.code ?? candidate.code ?? "");
}

/**
 * InnoDB picks a victim when concurrent transactions lock rows in different orders (creates,
 * deletes and token writes of one organization) and rolls that transaction back whole, so it is
 * run again. Work functions read what they need inside the transaction, so a rerun is safe.
 */
async function withDeadlockRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (!isRetryable(error) || attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * (5 + Math.random() * 20)));
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
