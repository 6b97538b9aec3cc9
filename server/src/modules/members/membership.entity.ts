import { Column, Entity, PrimaryColumn } from "typeorm";

export type MemberRole = "OWNER" | "VIEWER";

@Entity("memberships")
export class Membership {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id!: string;

  @Column({ name: "organization_id", type: "varchar", length: 36 })
  organizationId!: string;

  @Column({ name: "user_id", type: "varchar", length: 36 })
  userId!: string;

  @Column({ type: "varchar", length: 10 })
  role!: MemberRole;

  @Column({ name: "created_at", type: "datetime", precision: 3 })
  createdAt!: Date;
}
