import type { Ctx } from "./context.js";
import type { DataSource, EntityManager } from "typeorm";

const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs `work` in one database transaction. On SQLite TypeORM shares a single connection, so
 * concurrent transactions would nest as savepoints of each other; they are queued instead.
 */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (dataSource.options.type !== "better-sqlite3") return dataSource.transaction(work);
  const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => dataSource.transaction(work));
  sqliteQueues.set(dataSource, next);
  return next;
}

/** Runs `work` with a Ctx bound to one transaction; nested calls join the outer one. */
export function transactional<T>(ctx: Ctx, work: (ctx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.inTransaction) return work(ctx);
  return inTransaction(ctx.manager.connection, (manager) => work({ ...ctx, manager, inTransaction: true }));
}
