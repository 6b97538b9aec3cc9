import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * throttle_counters: the failure throttle's and the hash budget's windows, shared by every node
 * on MySQL/MariaDB (common/shared-counters.ts), so N nodes do not give N times the guesses.
 * Keys are SHA-256 digests: no e-mail address or client address is stored. SQLite has one
 * process and keeps its windows in memory; the table exists there too, unused, so both
 * databases have one schema.
 */
export class ThrottleCounters1763900000011 implements MigrationInterface {
  name = "ThrottleCounters1763900000011";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE throttle_counters (counter_key char(64) NOT NULL PRIMARY KEY, used integer NOT NULL, reset_at bigint NOT NULL)");
    await queryRunner.query("CREATE INDEX idx_throttle_counters_reset_at ON throttle_counters (reset_at)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE throttle_counters");
  }
}
