import { Column, Entity, PrimaryColumn } from "typeorm";

@Entity("access_tokens")
export class AccessToken {
  @PrimaryColumn({ type: "varchar", length: 36 })
  jti!: string;

  @Column({ name: "api_client_id", type: "varchar", length: 36 })
  apiClientId!: string;

  @Column({ name: "organization_id", type: "varchar", length: 36, nullable: true })
  organizationId!: string | null;

  /** Which secret version authenticated the request: a reset revokes tokens of older versions. */
  @Column({ name: "secret_version", type: "integer" })
  secretVersion!: number;

  @Column({ type: "text" })
  scope!: string;

  /** The platform user the token acts for; '' for the client's own tokens. */
  @Column({ type: "varchar", length: 128, default: "" })
  subject!: string;

  @Column({ name: "issued_at", type: "datetime", precision: 3 })
  issuedAt!: Date;

  @Column({ name: "expires_at", type: "datetime", precision: 3 })
  expiresAt!: Date;

  @Column({ name: "revoked_at", type: "datetime", precision: 3, nullable: true })
  revokedAt!: Date | null;
}
