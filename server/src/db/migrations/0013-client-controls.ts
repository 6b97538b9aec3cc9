import type { MigrationInterface, QueryRunner } from "typeorm";
import { isSqlite } from "../../common/transaction.js";

/**
 * Issue 17, per-client controls. access_token_ttl_seconds: null keeps the organization's
 * lifetime. disabled: off for every client made before. custom_claims: a JSON object, null for
 * none (MySQL gives TEXT no default). tokens_revoked_at: when "Revoke all tokens" was last used.
 * Plain ALTER TABLE, as in 0009.
 */
export class ClientControls1763900000013 implements MigrationInterface {
  name = "ClientControls1763900000013";

  async up(queryRunner: QueryRunner): Promise<void> {
    const datetime = isSqlite(queryRunner.connection) ? "datetime" : "datetime(3)";
    await queryRunner.query("ALTER TABLE api_clients ADD COLUMN access_token_ttl_seconds integer NULL");
    await queryRunner.query("ALTER TABLE api_clients ADD COLUMN disabled boolean NOT NULL DEFAULT 0");
    await queryRunner.query("ALTER TABLE api_clients ADD COLUMN custom_claims text NULL");
    await queryRunner.query(`ALTER TABLE api_clients ADD COLUMN tokens_revoked_at ${datetime} NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE api_clients DROP COLUMN tokens_revoked_at");
    await queryRunner.query("ALTER TABLE api_clients DROP COLUMN custom_claims");
    await queryRunner.query("ALTER TABLE api_clients DROP COLUMN disabled");
    await queryRunner.query("ALTER TABLE api_clients DROP COLUMN access_token_ttl_seconds");
  }
}
