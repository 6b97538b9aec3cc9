import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";

interface SqliteStatement {
  all(...params: unknown[]): Record<string, unknown>[];
}

interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

type Param = string | number | boolean | null | Date;

// TypeORM writes SQLite datetimes as UTC "YYYY-MM-DD HH:MM:SS.SSS"; comparisons need the same form.
export const sqliteDate = (date: Date) => date.toISOString().replace("T", " ").replace("Z", "");

// Keyed by the connection itself: a data source destroyed and initialized again has a new one.
const statements = new WeakMap<SqliteConnection, Map<string, SqliteStatement>>();

/**
 * Plain rows from SQL written by hand (`?` placeholders, names both databases accept). On SQLite
 * the statement is prepared once on the driver: TypeORM shares that one connection, so this is
 * the same connection its own reads use. On MySQL it runs through `manager`, so inside a
 * transaction it reads on the transaction's connection.
 */
export async function selectRows(manager: EntityManager, sql: string, params: Param[]): Promise<Record<string, unknown>[]> {
  const dataSource = manager.connection;
  if (dataSource.options.type !== "better-sqlite3") return manager.query(sql, params);
  const connection = (dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
  let cache = statements.get(connection);
  if (cache === undefined) statements.set(connection, (cache = new Map()));
  let statement = cache.get(sql);
  if (statement === undefined) {
    statement = connection.prepare(sql);
    cache.set(sql, statement);
  }
  return statement.all(...params.map((param) => (param instanceof Date ? sqliteDate(param) : typeof param === "boolean" ? Number(param) : param)));
}

/**
 * Reads on hot paths: hand-written SQL through `selectRows`, and each row made an entity with
 * TypeORM's own per-column conversion (dates, JSON, booleans), so the result equals what
 * `find` returns. TypeORM's query building and hydration cost several times the statement.
 */
export async function selectEntities<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, sql: string, params: Param[]): Promise<T[]> {
  const rows = await selectRows(manager, sql, params);
  const { driver } = manager.connection;
  const { columns } = manager.connection.getMetadata(entity);
  return rows.map((row) => {
    const result: ObjectLiteral = {};
    for (const column of columns) {
      if (column.databaseName in row) result[column.propertyName] = driver.prepareHydratedValue(row[column.databaseName], column);
    }
    return result as T;
  });
}

export async function selectEntity<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, sql: string, params: Param[]): Promise<T | null> {
  return (await selectEntities(manager, entity, sql, params))[0] ?? null;
}
