import type { MigrationInterface, QueryRunner } from "typeorm";
import { isSqlite } from "../../common/transaction.js";

/**
 * api_clients.search_text: name, client id and description case folded for every script, so
 * "åsa" finds "Åsa" on SQLite too (its LOWER folds ASCII only). The service writes it with each
 * change; this fills it for the clients already there. On MySQL and MariaDB the column compares
 * bytes (the text is folded already; a case- or accent-insensitive collation would let "asa"
 * find "Åsa" there and not on SQLite). The folding is restated here, as it was when this ran.
 */
export class ClientSearchText1763900000007 implements MigrationInterface {
  name = "ClientSearchText1763900000007";

  async up(queryRunner: QueryRunner): Promise<void> {
    const type = isSqlite(queryRunner.connection) ? "text" : `text CHARACTER SET utf8mb4 COLLATE ${await binaryCollation(queryRunner)}`;
    // MySQL gives TEXT no default: rows are filled below, and every insert names the column.
    await queryRunner.query(`ALTER TABLE api_clients ADD COLUMN search_text ${type} NULL`);
    const rows: { id: string; name: string; client_id: string; description: string }[] = await queryRunner.query("SELECT id, name, client_id, description FROM api_clients");
    for (const row of rows) {
      await queryRunner.query("UPDATE api_clients SET search_text = ? WHERE id = ?", [[row.name, row.client_id, row.description].map(fold).join("\u001f"), row.id]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE api_clients DROP COLUMN search_text");
  }
}

function fold(text: string): string {
  return text.normalize("NFKC").toUpperCase().toLowerCase();
}

async function binaryCollation(queryRunner: QueryRunner): Promise<string> {
  const rows: { Collation: string }[] = await queryRunner.query("SHOW COLLATION WHERE Collation IN ('utf8mb4_nopad_bin', 'utf8mb4_0900_bin')");
  const names = rows.map((row) => row.Collation);
  return ["utf8mb4_nopad_bin", "utf8mb4_0900_bin"].find((name) => names.includes(name)) ?? "utf8mb4_bin";
}
