/**
 * MySQL and MariaDB compare strings under the column's collation: a `utf8mb4_unicode_ci` column
 * ignores letter case and (PAD SPACE) trailing spaces. Identifiers must match byte for byte on
 * every database, so a row found by a looser comparison counts as not found.
 */
export function exactly<T>(row: T | null, stored: (row: T) => string, given: string): T | null {
  return row !== null && stored(row) === given ? row : null;
}
