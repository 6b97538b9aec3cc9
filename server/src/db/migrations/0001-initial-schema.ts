import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { bool, integer, text, timestamp, uuidKey, uuidRef, varchar } from "../migration-columns.js";

const cascade = (columnNames: string[], referencedTableName: string, referencedColumnNames = ["id"]) =>
  new TableForeignKey({ columnNames, referencedTableName, referencedColumnNames, onDelete: "CASCADE" });

const index = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });

const TABLES: Table[] = [
  new Table({
    name: "organizations",
    columns: [
      uuidKey(),
      varchar("name", 100),
      varchar("slug", 40),
      integer("max_api_clients"),
      integer("max_tokens_per_client"),
      integer("access_token_ttl_seconds"),
      bool("api_clients_enabled"),
      integer("api_client_count"),
      timestamp("created_at"),
      timestamp("updated_at"),
    ],
    indices: [index("uq_organizations_slug", ["slug"], true), index("ix_organizations_created", ["created_at"])],
  }),
  new Table({
    name: "users",
    columns: [uuidKey(), varchar("email", 254), varchar("name", 100), varchar("password_hash", 255), timestamp("created_at"), timestamp("updated_at")],
    indices: [index("uq_users_email", ["email"], true)],
  }),
  new Table({
    name: "memberships",
    columns: [uuidKey(), uuidRef("organization_id"), uuidRef("user_id"), varchar("role", 10), timestamp("created_at")],
    indices: [index("uq_memberships_org_user", ["organization_id", "user_id"], true), index("ix_memberships_user", ["user_id"])],
    foreignKeys: [cascade(["organization_id"], "organizations"), cascade(["user_id"], "users")],
  }),
  new Table({
    name: "sessions",
    columns: [
      { ...varchar("id_hash", 64), isPrimary: true },
      uuidRef("user_id"),
      timestamp("created_at"),
      timestamp("expires_at"),
      timestamp("last_seen_at"),
      varchar("ip", 45, true),
      varchar("user_agent", 255, true),
    ],
    indices: [index("ix_sessions_user", ["user_id"]), index("ix_sessions_expires", ["expires_at"])],
    foreignKeys: [cascade(["user_id"], "users")],
  }),
  new Table({
    name: "api_clients",
    columns: [
      uuidKey(),
      uuidRef("organization_id", true),
      varchar("client_id", 110),
      varchar("local_id", 64, true),
      varchar("name", 100),
      varchar("description", 1000),
      varchar("environment", 10),
      text("permissions"),
      text("scopes", true),
      timestamp("expires_at", true),
      text("allowed_ips"),
      text("redirect_uris"),
      integer("secret_version"),
      timestamp("created_at"),
      varchar("created_by_type", 16),
      varchar("created_by_id", 110, true),
      varchar("created_by_label", 255),
      timestamp("updated_at"),
      timestamp("last_used_at", true),
      varchar("last_used_ip", 45, true),
    ],
    indices: [
      index("uq_api_clients_client_id", ["client_id"], true),
      index("uq_api_clients_org_local_id", ["organization_id", "local_id"], true),
      index("ix_api_clients_org_created", ["organization_id", "created_at", "id"]),
    ],
    foreignKeys: [cascade(["organization_id"], "organizations")],
  }),
  new Table({
    name: "api_client_secrets",
    columns: [
      uuidKey(),
      uuidRef("api_client_id"),
      integer("version"),
      varchar("hash", 255),
      varchar("hint", 8),
      timestamp("created_at"),
      timestamp("expires_at", true),
    ],
    indices: [index("uq_api_client_secrets_client_version", ["api_client_id", "version"], true)],
    foreignKeys: [cascade(["api_client_id"], "api_clients")],
  }),
  new Table({
    name: "access_tokens",
    columns: [
      uuidKey("jti"),
      uuidRef("api_client_id"),
      uuidRef("organization_id", true),
      integer("secret_version"),
      text("scope"),
      timestamp("issued_at"),
      timestamp("expires_at"),
      timestamp("revoked_at", true),
    ],
    indices: [index("ix_access_tokens_client_issued", ["api_client_id", "issued_at"]), index("ix_access_tokens_expires", ["expires_at"])],
    foreignKeys: [cascade(["api_client_id"], "api_clients")],
  }),
  new Table({
    name: "signing_keys",
    columns: [
      { ...varchar("kid", 64), isPrimary: true },
      varchar("algorithm", 16),
      text("public_jwk"),
      text("private_key"),
      bool("is_encrypted"),
      varchar("status", 16),
      timestamp("created_at"),
      timestamp("retired_at", true),
      timestamp("publish_until", true),
    ],
    indices: [index("ix_signing_keys_status", ["status"])],
  }),
  new Table({
    name: "audit_events",
    columns: [
      uuidKey(),
      uuidRef("organization_id", true),
      varchar("actor_type", 16),
      varchar("actor_id", 110, true),
      varchar("actor_label", 255),
      varchar("action", 64),
      varchar("target_type", 32),
      varchar("target_id", 110, true),
      varchar("target_label", 255, true),
      varchar("ip", 45, true),
      varchar("request_id", 128, true),
      text("changes"),
      timestamp("created_at"),
    ],
    // No foreign key to organizations: the trail outlives what it describes.
    indices: [
      index("ix_audit_events_org_created", ["organization_id", "created_at", "id"]),
      index("ix_audit_events_org_target", ["organization_id", "target_id"]),
    ],
  }),
];

export class InitialSchema1763900000001 implements MigrationInterface {
  name = "InitialSchema1763900000001";

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.createTable(table, true, true, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await queryRunner.dropTable(table.name, true);
  }
}
