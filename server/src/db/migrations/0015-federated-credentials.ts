import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { timestamp, uuidKey, uuidRef, varchar } from "../migration-columns.js";

/**
 * federated_credentials (issue 17): the external issuers, audiences and subjects whose tokens
 * authenticate a client instead of a secret. They go with their client.
 */
export class FederatedCredentials1763900000015 implements MigrationInterface {
  name = "FederatedCredentials1763900000015";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "federated_credentials",
        columns: [uuidKey(), uuidRef("api_client_id"), varchar("name", 100), varchar("issuer", 255), varchar("audience", 255), varchar("subject", 255), timestamp("created_at")],
        indices: [new TableIndex({ name: "idx_federated_credentials_client", columnNames: ["api_client_id"] })],
        foreignKeys: [new TableForeignKey({ columnNames: ["api_client_id"], referencedTableName: "api_clients", referencedColumnNames: ["id"], onDelete: "CASCADE" })],
      }),
      true,
      true,
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("federated_credentials", true);
  }
}
