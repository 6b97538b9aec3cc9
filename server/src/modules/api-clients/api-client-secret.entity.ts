import { Column, Entity, PrimaryColumn } from "typeorm";

/** A client holds one secret, or two while a rotation's grace period runs. */
@Entity("api_client_secrets")
export class ApiClientSecret {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id!: string;

  @Column({ name: "api_client_id", type: "varchar", length: 36 })
  apiClientId!: string;

  @Column({ type: "integer" })
  version!: number;

  /** `hmac-sha256:v1:…` (Clavis-format secrets) or `$argon2id$…` (chosen ones); never the secret. */
  @Column({ type: "varchar", length: 255 })
  hash!: string;

  /** Last four characters, for display only. */
  @Column({ type: "varchar", length: 8 })
  hint!: string;

  @Column({ name: "created_at", type: "datetime", precision: 3 })
  createdAt!: Date;

  /** Set when a reset with a grace period replaces this secret. */
  @Column({ name: "expires_at", type: "datetime", precision: 3, nullable: true })
  expiresAt!: Date | null;
}
