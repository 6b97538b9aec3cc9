import { Column, Entity, PrimaryColumn } from "typeorm";

@Entity("organizations")
export class Organization {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id!: string;

  @Column({ type: "varchar", length: 100 })
  name!: string;

  /** Short immutable key that prefixes chosen client ids, so tenants never collide or learn each other's ids. */
  @Column({ type: "varchar", length: 40 })
  slug!: string;

  @Column({ name: "max_api_clients", type: "integer" })
  maxApiClients!: number;

  @Column({ name: "max_tokens_per_client", type: "integer" })
  maxTokensPerClient!: number;

  @Column({ name: "access_token_ttl_seconds", type: "integer" })
  accessTokenTtlSeconds!: number;

  @Column({ name: "api_clients_enabled", type: "boolean" })
  apiClientsEnabled!: boolean;

  /** Kept by conditional UPDATEs so the client limit holds under concurrency. */
  @Column({ name: "api_client_count", type: "integer" })
  apiClientCount!: number;

  /** A new random value with every change to the organization's clients: cached lists compare it. */
  @Column({ name: "clients_etag", type: "varchar", length: 36, default: "" })
  clientsEtag!: string;

  @Column({ name: "created_at", type: "datetime", precision: 3 })
  createdAt!: Date;

  @Column({ name: "updated_at", type: "datetime", precision: 3 })
  updatedAt!: Date;
}
