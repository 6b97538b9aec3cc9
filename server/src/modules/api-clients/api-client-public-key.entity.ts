import { Column, Entity, PrimaryColumn } from "typeorm";

/** A public key a PRIVATE_KEY_JWT client signs its client assertions with (issue 17). */
@Entity("api_client_public_keys")
export class ApiClientPublicKey {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id!: string;

  @Column({ name: "api_client_id", type: "varchar", length: 36 })
  apiClientId!: string;

  /** The JWK's own kid, or its RFC 7638 thumbprint; unique per client. */
  @Column({ type: "varchar", length: 128 })
  kid!: string;

  /** OKP/Ed25519, EC/P-256 or RSA/<bits>. */
  @Column({ name: "key_type", type: "varchar", length: 32 })
  keyType!: string;

  /** The JWS algorithms accepted with this key, space-separated ("RS256 PS256" for an RSA key without alg). */
  @Column({ type: "varchar", length: 32 })
  algorithm!: string;

  @Column({ type: "varchar", length: 64 })
  thumbprint!: string;

  /** The public JWK as JSON: only public members. */
  @Column({ type: "text" })
  jwk!: string;

  @Column({ name: "created_at", type: "datetime", precision: 3 })
  createdAt!: Date;

  /** After this moment the key no longer verifies. */
  @Column({ name: "expires_at", type: "datetime", precision: 3, nullable: true })
  expiresAt!: Date | null;
}
