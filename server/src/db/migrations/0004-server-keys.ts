import { Table, type MigrationInterface, type QueryRunner } from "typeorm";
import { bool, text, timestamp, varchar } from "../migration-columns.js";

/**
 * server_keys: keys every process sharing the database must hold alike (the key of client-secret
 * digests), encrypted with the key-encryption key, which is never stored in the database.
 */
export class ServerKeys1763900000004 implements MigrationInterface {
  name = "ServerKeys1763900000004";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "server_keys",
        columns: [{ ...varchar("name", 64), isPrimary: true }, text("value"), bool("is_encrypted"), timestamp("created_at")],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("server_keys");
  }
}
