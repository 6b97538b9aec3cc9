import type { TableColumnOptions } from "typeorm";

// Column builders for migrations: one place decides how each logical type is spelled,
// so the same migration produces equivalent tables on SQLite and MySQL.
export const uuidKey = (name = "id"): TableColumnOptions => ({ name, type: "varchar", length: "36", isPrimary: true });
export const uuidRef = (name: string, isNullable = false): TableColumnOptions => ({ name, type: "varchar", length: "36", isNullable });
export const varchar = (name: string, length: number, isNullable = false): TableColumnOptions => ({
  name,
  type: "varchar",
  length: String(length),
  isNullable,
});
export const text = (name: string, isNullable = false): TableColumnOptions => ({ name, type: "text", isNullable });
export const integer = (name: string): TableColumnOptions => ({ name, type: "integer" });
export const bool = (name: string): TableColumnOptions => ({ name, type: "boolean" });
export const timestamp = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: "datetime",
  precision: 3,
  isNullable,
});
