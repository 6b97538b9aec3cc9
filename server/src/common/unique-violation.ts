import { QueryFailedError } from "typeorm";

/** True for a unique or primary-key violation from either driver (SQLite or MySQL/MariaDB). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; errno?: number };
  return (
    driverError.code === "SQLITE_CONSTRAINT_UNIQUE" ||
    driverError.code === "SQLITE_CONSTRAINT_PRIMARYKEY" ||
    driverError.code === "ER_DUP_ENTRY" ||
    driverError.errno === 1062
  );
}
