import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * organizations.clients_etag: a new random value with every change to the organization's
 * clients, so a cached client list is checked against the database on every read. Plain
 * ALTER TABLE, which both databases take as is: TypeORM's SQLite addColumn copies the table.
 */
export class ClientsEtag1763900000002 implements MigrationInterface {
  name = "ClientsEtag1763900000002";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE organizations ADD COLUMN clients_etag varchar(36) NOT NULL DEFAULT ''");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE organizations DROP COLUMN clients_etag");
  }
}
