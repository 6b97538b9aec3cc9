import { Column, Entity, PrimaryColumn } from "typeorm";

@Entity("sessions")
export class Session {
  /** SHA-256 of the cookie value: a leaked table does not yield usable sessions. */
  @PrimaryColumn({ name: "id_hash", type: "varchar", length: 64 })
  idHash!: string;

  @Column({ name: "user_id", type: "varchar", length: 36 })
  userId!: string;

  @Column({ name: "created_at", type: "datetime", precision: 3 })
  createdAt!: Date;

  @Column({ name: "expires_at", type: "datetime", precision: 3 })
  expiresAt!: Date;

  @Column({ name: "last_seen_at", type: "datetime", precision: 3 })
  lastSeenAt!: Date;

  @Column({ type: "varchar", length: 45, nullable: true })
  ip!: string | null;

  @Column({ name: "user_agent", type: "varchar", length: 255, nullable: true })
  userAgent!: string | null;
}
