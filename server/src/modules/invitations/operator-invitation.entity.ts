import { Column, Entity, PrimaryColumn } from "typeorm";

/** A pending invitation to become an operator; deleted when accepted, withdrawn or replaced. */
@Entity("operator_invitations")
export class OperatorInvitation {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id!: string;

  /** Normalized (lower-cased); one pending operator invitation per e-mail address. */
  @Column({ type: "varchar", length: 254 })
  email!: string;

  /** SHA-256 (hex) of the link's token. */
  @Column({ name: "token_hash", type: "varchar", length: 64 })
  tokenHash!: string;

  @Column({ name: "invited_by_id", type: "varchar", length: 36, nullable: true })
  invitedById!: string | null;

  @Column({ name: "invited_by_label", type: "varchar", length: 255 })
  invitedByLabel!: string;

  @Column({ name: "created_at", type: "datetime", precision: 3 })
  createdAt!: Date;

  @Column({ name: "expires_at", type: "datetime", precision: 3 })
  expiresAt!: Date;
}
