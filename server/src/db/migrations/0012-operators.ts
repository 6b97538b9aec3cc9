import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { timestamp, uuidKey, uuidRef, varchar } from "../migration-columns.js";

/**
 * Issue 14, operators. users.is_operator: the platform role, apart from any membership (so no
 * organization's owner can grant or lose it). operator_invitations: invitations of no
 * organization, with the member invitations' rules (only the SHA-256 of a link's token is kept,
 * one pending invitation per e-mail address). Existing databases get no operator here: the CLI
 * (`clavis operator create`) names the first one. Plain ALTER TABLE, as in 0002.
 */
export class Operators1763900000012 implements MigrationInterface {
  name = "Operators1763900000012";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE users ADD COLUMN is_operator boolean NOT NULL DEFAULT 0");
    await queryRunner.createTable(
      new Table({
        name: "operator_invitations",
        columns: [uuidKey(), varchar("email", 254), varchar("token_hash", 64), uuidRef("invited_by_id", true), varchar("invited_by_label", 255), timestamp("created_at"), timestamp("expires_at")],
        indices: [
          new TableIndex({ name: "uq_operator_invitations_token", columnNames: ["token_hash"], isUnique: true }),
          new TableIndex({ name: "uq_operator_invitations_email", columnNames: ["email"], isUnique: true }),
        ],
      }),
      true,
      true,
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("operator_invitations", true);
    await queryRunner.query("ALTER TABLE users DROP COLUMN is_operator");
  }
}
