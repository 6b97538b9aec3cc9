import type { MigrationInterface, QueryRunner } from "typeorm";
import { isSqlite } from "../../common/transaction.js";

/**
 * Issue 15, user tokens. api_clients.allow_login and allow_impersonate, off for every client
 * made before. access_tokens.subject: the platform user a token acts for, '' for a client's own
 * tokens, so the per-client limit counts per (client, user) with one indexed query. On MySQL the
 * subject compares byte for byte (utf8mb4_bin), as user ids are the platform's, not ours. Plain
 * ALTER TABLE, as in 0002.
 */
export class UserTokens1763900000009 implements MigrationInterface {
  name = "UserTokens1763900000009";

  async up(queryRunner: QueryRunner): Promise<void> {
    const binary = isSqlite(queryRunner.connection) ? "" : " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
    await queryRunner.query("ALTER TABLE api_clients ADD COLUMN allow_login boolean NOT NULL DEFAULT 0");
    await queryRunner.query("ALTER TABLE api_clients ADD COLUMN allow_impersonate boolean NOT NULL DEFAULT 0");
    await queryRunner.query(`ALTER TABLE access_tokens ADD COLUMN subject varchar(128)${binary} NOT NULL DEFAULT ''`);
    await queryRunner.query("CREATE INDEX ix_access_tokens_client_subject ON access_tokens (api_client_id, subject, issued_at)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(isSqlite(queryRunner.connection) ? "DROP INDEX ix_access_tokens_client_subject" : "DROP INDEX ix_access_tokens_client_subject ON access_tokens");
    await queryRunner.query("ALTER TABLE access_tokens DROP COLUMN subject");
    await queryRunner.query("ALTER TABLE api_clients DROP COLUMN allow_impersonate");
    await queryRunner.query("ALTER TABLE api_clients DROP COLUMN allow_login");
  }
}
