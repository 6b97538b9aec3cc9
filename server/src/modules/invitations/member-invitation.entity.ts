import { Column, Entity, PrimaryColumn } from "typeorm";
import type { MemberRole } from "../members/membership.entity.js";

/** A pending invitation; deleted when accepted, withdrawn or replaced by a new one. */
@Entity("member_invitations")
export class MemberInvitation {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id!: string;

  @Column({ name: "organization_id", type: "varchar", length: 36 })
  organizationId!: string;

  /** Normalized (lower-cased); one pending invitation per e-mail and organization. */
  @Column({ type: "varchar", length: 254 })
  email!: string;

  @Column({ type: "varchar", length: 10 })
  role!: MemberRole;

  /** SHA-256 (hex) of the link's token: a leaked table does not yield usable links. */
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
