import { Column, Entity, PrimaryColumn } from "typeorm";

export type SigningKeyStatus = "ACTIVE" | "RETIRED";

@Entity("signing_keys")
export class SigningKey {
  @PrimaryColumn({ type: "varchar", length: 64 })
  kid!: string;

  @Column({ type: "varchar", length: 16 })
  algorithm!: string;

  @Column({ name: "public_jwk", type: "text" })
  publicJwk!: string;

  /** A private JWK, AES-256-GCM encrypted with the key-encryption key (see KeyRing). */
  @Column({ name: "private_key", type: "text" })
  privateKey!: string;

  @Column({ name: "is_encrypted", type: "boolean" })
  isEncrypted!: boolean;

  @Column({ type: "varchar", length: 16 })
  status!: SigningKeyStatus;

  @Column({ name: "created_at", type: "datetime", precision: 3 })
  createdAt!: Date;

  @Column({ name: "retired_at", type: "datetime", precision: 3, nullable: true })
  retiredAt!: Date | null;

  /** A retired key stays in the JWKS until its last token has expired. */
  @Column({ name: "publish_until", type: "datetime", precision: 3, nullable: true })
  publishUntil!: Date | null;
}
