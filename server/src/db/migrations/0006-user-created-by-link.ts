import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * users.created_by_link: the account was made by whoever held an invitation link, so nothing
 * proves its owner controls its e-mail address (Clavis sends no mail). Operators are kept from
 * adding such an account to another organization. Plain ALTER TABLE, as in 0002.
 */
export class UserCreatedByLink1763900000006 implements MigrationInterface {
  name = "UserCreatedByLink1763900000006";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE users ADD COLUMN created_by_link boolean NOT NULL DEFAULT 0");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE users DROP COLUMN created_by_link");
  }
}
