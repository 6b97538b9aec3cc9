import type { MigrationInterface, QueryRunner } from "typeorm";
import { isSqlite } from "../../common/transaction.js";

/** The identifier columns, restated exactly as 0001 made them but for the collation. */
const COLUMNS = [
  { table: "api_clients", column: "client_id", type: "varchar(110)", nullable: false },
  { table: "api_clients", column: "local_id", type: "varchar(64)", nullable: true },
  { table: "organizations", column: "slug", type: "varchar(40)", nullable: false },
];

/**
 * On MySQL and MariaDB, client ids and slugs compare byte for byte: a binary collation that
 * also counts trailing spaces (NO PAD), so `MYORG-SVC` and `myorg-svc ` are other ids. MariaDB
 * calls it utf8mb4_nopad_bin, MySQL 8 utf8mb4_0900_bin; only where neither exists, utf8mb4_bin
 * (which pads; the code's exact comparison covers the rest). MODIFY keeps the unique indexes,
 * and a binary collation only tells more values apart, so no existing row can clash. SQLite
 * compares binary already: nothing to do. Columns already binary are left alone, so running
 * this twice changes nothing.
 */
export class ExactIdentifiers1763900000003 implements MigrationInterface {
  name = "ExactIdentifiers1763900000003";

  async up(queryRunner: QueryRunner): Promise<void> {
    if (isSqlite(queryRunner.connection)) return;
    const collation = await binaryCollation(queryRunner);
    await setCollation(queryRunner, collation);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (isSqlite(queryRunner.connection)) return;
    const [{ collation }] = await queryRunner.query("SELECT DEFAULT_COLLATION_NAME AS collation FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()");
    await setCollation(queryRunner, collation);
  }
}

async function binaryCollation(queryRunner: QueryRunner): Promise<string> {
  const rows: { Collation: string }[] = await queryRunner.query("SHOW COLLATION WHERE Collation IN ('utf8mb4_nopad_bin', 'utf8mb4_0900_bin')");
  const names = rows.map((row) => row.Collation);
  return ["utf8mb4_nopad_bin", "utf8mb4_0900_bin"].find((name) => names.includes(name)) ?? "utf8mb4_bin";
}

async function setCollation(queryRunner: QueryRunner, collation: string): Promise<void> {
  for (const { table, column, type, nullable } of COLUMNS) {
    const [current] = await queryRunner.query(
      "SELECT COLLATION_NAME AS collation FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?",
      [table, column],
    );
    if (current?.collation === collation) continue;
    await queryRunner.query(`ALTER TABLE ${table} MODIFY ${column} ${type} CHARACTER SET utf8mb4 COLLATE ${collation} ${nullable ? "NULL" : "NOT NULL"}`);
  }
}
