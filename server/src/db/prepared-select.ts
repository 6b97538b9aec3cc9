import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { EntityMetadata } from "typeorm/metadata/EntityMetadata.js";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata.js";
import { isSqlite } from "../common/transaction.js";

interface SqliteStatement {
  all(...params: unknown[]): unknown[];
  raw(toggle: boolean): SqliteStatement;
  columns(): { name: string }[];
}

interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

type Param = string | number | boolean | null | Date;

// TypeORM writes SQLite datetimes as UTC "YYYY-MM-DD HH:MM:SS.SSS"; comparisons need the same form.
export const sqliteDate = (date: Date) => date.toISOString().replace("T", " ").replace("Z", "");

// Keyed by the connection itself: a data source destroyed and initialized again has a new one.
const statements = new WeakMap<SqliteConnection, Map<string, SqliteStatement>>();
const resultColumns = new WeakMap<SqliteStatement, ColumnMetadata[]>();

function sqliteStatement(manager: EntityManager, sql: string, raw: boolean): SqliteStatement {
  const connection = (manager.connection.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
  let cache = statements.get(connection);
  if (cache === undefined) statements.set(connection, (cache = new Map()));
  const key = `${raw ? "raw" : "objects"}:${sql}`;
  let statement = cache.get(key);
  if (statement === undefined) {
    statement = connection.prepare(sql).raw(raw);
    cache.set(key, statement);
  }
  return statement;
}

const sqliteParams = (params: Param[]) => params.map((param) => (param instanceof Date ? sqliteDate(param) : typeof param === "boolean" ? Number(param) : param));

/**
 * Plain rows from SQL written by hand (`?` placeholders, names both databases accept). On SQLite
 * the statement is prepared once on the driver: TypeORM shares that one connection, so this is
 * the same connection its own reads use. On MySQL it runs through `manager`, so inside a
 * transaction it reads on the transaction's connection.
 */
export async function selectRows(manager: EntityManager, sql: string, params: Param[]): Promise<Record<string, unknown>[]> {
  if (!isSqlite(manager.connection)) return manager.query(sql, params);
  return sqliteStatement(manager, sql, false).all(...sqliteParams(params)) as Record<string, unknown>[];
}

/**
 * Reads on hot paths: hand-written SQL as in `selectRows`, and each row made an entity with
 * TypeORM's own per-column conversion (dates, JSON, booleans), so the result equals what
 * `find` returns. TypeORM's query building and hydration cost several times the statement.
 */
export async function selectEntities<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, sql: string, params: Param[]): Promise<T[]> {
  const metadata = manager.connection.getMetadata(entity);
  const hydrate = (column: ColumnMetadata, value: unknown) => manager.connection.driver.prepareHydratedValue(value, column);
  if (!isSqlite(manager.connection)) {
    const rows: Record<string, unknown>[] = await manager.query(sql, params);
    const present = metadata.columns.filter((column) => rows.length > 0 && column.databaseName in rows[0]);
    return rows.map((row) => Object.fromEntries(present.map((column) => [column.propertyName, hydrate(column, row[column.databaseName])])) as T);
  }
  // Rows as arrays: the driver builds them at half the cost of objects.
  const statement = sqliteStatement(manager, sql, true);
  const columns = resultColumnsOf(statement, metadata);
  return (statement.all(...sqliteParams(params)) as unknown[][]).map((values) => {
    const result: ObjectLiteral = {};
    for (let i = 0; i < columns.length; i += 1) result[columns[i].propertyName] = hydrate(columns[i], values[i]);
    return result as T;
  });
}

/** The entity column behind each result column of a statement, worked out once per statement. */
function resultColumnsOf(statement: SqliteStatement, metadata: EntityMetadata): ColumnMetadata[] {
  let columns = resultColumns.get(statement);
  if (columns === undefined) {
    columns = statement.columns().map(({ name }) => {
      const column = metadata.findColumnWithDatabaseName(name);
      if (column === undefined) throw new Error(`${name} is not a column of ${metadata.tableName}`);
      return column;
    });
    resultColumns.set(statement, columns);
  }
  return columns;
}

export async function selectEntity<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, sql: string, params: Param[]): Promise<T | null> {
  return (await selectEntities(manager, entity, sql, params))[0] ?? null;
}
