import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { text, timestamp, uuidKey, uuidRef, varchar } from "../migration-columns.js";

/**
 * Issue 17, private_key_jwt. api_clients.auth_method: CLIENT_SECRET for every client made
 * before. api_client_public_keys: a client's public JWKs, kid unique per client.
 * client_assertion_jtis: the jti of every accepted client assertion until it expires, so a
 * replay is refused on any node: the primary key (client, SHA-256 of the jti) makes the second
 * insert fail, on SQLite, MySQL and Galera alike. expires_at is epoch milliseconds, for the purge.
 */
export class ClientPublicKeys1763900000014 implements MigrationInterface {
  name = "ClientPublicKeys1763900000014";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE api_clients ADD COLUMN auth_method varchar(20) NOT NULL DEFAULT 'CLIENT_SECRET'");
    await queryRunner.createTable(
      new Table({
        name: "api_client_public_keys",
        columns: [
          uuidKey(),
          uuidRef("api_client_id"),
          varchar("kid", 128),
          varchar("key_type", 32),
          varchar("algorithm", 32),
          varchar("thumbprint", 64),
          text("jwk"),
          timestamp("created_at"),
          timestamp("expires_at", true),
        ],
        indices: [new TableIndex({ name: "uq_api_client_public_keys_client_kid", columnNames: ["api_client_id", "kid"], isUnique: true })],
        foreignKeys: [new TableForeignKey({ columnNames: ["api_client_id"], referencedTableName: "api_clients", referencedColumnNames: ["id"], onDelete: "CASCADE" })],
      }),
      true,
      true,
      true,
    );
    await queryRunner.query("CREATE TABLE client_assertion_jtis (api_client_id varchar(36) NOT NULL, jti_hash char(64) NOT NULL, expires_at bigint NOT NULL, PRIMARY KEY (api_client_id, jti_hash))");
    await queryRunner.query("CREATE INDEX ix_client_assertion_jtis_expires ON client_assertion_jtis (expires_at)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE client_assertion_jtis");
    await queryRunner.dropTable("api_client_public_keys", true);
    await queryRunner.query("ALTER TABLE api_clients DROP COLUMN auth_method");
  }
}
