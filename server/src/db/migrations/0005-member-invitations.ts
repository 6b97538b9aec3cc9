import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { timestamp, uuidKey, uuidRef, varchar } from "../migration-columns.js";

/**
 * member_invitations: pending invitations to join an organization. Only the SHA-256 of a link's
 * token is stored; one pending invitation per e-mail address and organization.
 */
export class MemberInvitations1763900000005 implements MigrationInterface {
  name = "MemberInvitations1763900000005";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "member_invitations",
        columns: [
          uuidKey(),
          uuidRef("organization_id"),
          varchar("email", 254),
          varchar("role", 10),
          varchar("token_hash", 64),
          uuidRef("invited_by_id", true),
          varchar("invited_by_label", 255),
          timestamp("created_at"),
          timestamp("expires_at"),
        ],
        indices: [
          new TableIndex({ name: "uq_member_invitations_token", columnNames: ["token_hash"], isUnique: true }),
          new TableIndex({ name: "uq_member_invitations_org_email", columnNames: ["organization_id", "email"], isUnique: true }),
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ["organization_id"], referencedTableName: "organizations", referencedColumnNames: ["id"], onDelete: "CASCADE" })],
      }),
      true,
      true,
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("member_invitations", true);
  }
}
