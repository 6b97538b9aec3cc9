import { Column, Entity, PrimaryColumn } from "typeorm";

export type Environment = "LIVE" | "STAGING";

/** How the client authenticates at /token; fixed at creation (issue 17). */
export type ClientAuthMethod = "CLIENT_SECRET" | "PRIVATE_KEY_JWT" | "FEDERATED";

@Entity("api_clients")
export class ApiClient {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id!: string;

  /** Null for platform-level system clients. */
  @Column({ name: "organization_id", type: "varchar", length: 36, nullable: true })
  organizationId!: string | null;

  /** The OAuth client id: globally unique and immutable. */
  @Column({ name: "client_id", type: "varchar", length: 110 })
  clientId!: string;

  /** The part of a chosen client id the owner typed; unique within the organization. */
  @Column({ name: "local_id", type: "varchar", length: 64, nullable: true })
  localId!: string | null;

  @Column({ type: "varchar", length: 100 })
  name!: string;

  @Column({ type: "varchar", length: 1000 })
  description!: string;

  /** Name, client id and description case folded for search (client-search.ts); written with them. */
  @Column({ name: "search_text", type: "text", nullable: true })
  searchText!: string | null;

  @Column({ type: "varchar", length: 10 })
  environment!: Environment;

  @Column({ type: "simple-json" })
  permissions!: string[];

  @Column({ type: "simple-json", nullable: true })
  scopes!: string[] | null;

  @Column({ name: "expires_at", type: "datetime", precision: 3, nullable: true })
  expiresAt!: Date | null;

  @Column({ name: "allowed_ips", type: "simple-json" })
  allowedIps!: string[];

  @Column({ name: "redirect_uris", type: "simple-json" })
  redirectUris!: string[];

  /** Bumped on every secret reset; caches of verified secrets are keyed by it. */
  @Column({ name: "secret_version", type: "integer" })
  secretVersion!: number;

  /** May get tokens for a platform user by that user's username and password (issue 15). */
  @Column({ name: "allow_login", type: "boolean", default: false })
  allowLogin!: boolean;

  /** May get tokens acting for a platform user on its own word (issue 15). */
  @Column({ name: "allow_impersonate", type: "boolean", default: false })
  allowImpersonate!: boolean;

  @Column({ name: "auth_method", type: "varchar", length: 20, default: "CLIENT_SECRET" })
  authMethod!: ClientAuthMethod;

  @Column({ name: "created_at", type: "datetime", precision: 3 })
  createdAt!: Date;

  @Column({ name: "created_by_type", type: "varchar", length: 16 })
  createdByType!: string;

  @Column({ name: "created_by_id", type: "varchar", length: 110, nullable: true })
  createdById!: string | null;

  @Column({ name: "created_by_label", type: "varchar", length: 255 })
  createdByLabel!: string;

  @Column({ name: "updated_at", type: "datetime", precision: 3 })
  updatedAt!: Date;

  @Column({ name: "last_used_at", type: "datetime", precision: 3, nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: "last_used_ip", type: "varchar", length: 45, nullable: true })
  lastUsedIp!: string | null;
}
