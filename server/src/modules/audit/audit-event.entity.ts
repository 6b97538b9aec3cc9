import { Column, Entity, PrimaryColumn } from "typeorm";

/** ANONYMOUS: someone not signed in (a token request); events before 0.2 stored it as SYSTEM, "anonymous". */
export type ActorType = "USER" | "CLIENT" | "CLI" | "SYSTEM" | "ANONYMOUS";

@Entity("audit_events")
export class AuditEvent {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id!: string;

  @Column({ name: "organization_id", type: "varchar", length: 36, nullable: true })
  organizationId!: string | null;

  @Column({ name: "actor_type", type: "varchar", length: 16 })
  actorType!: ActorType;

  @Column({ name: "actor_id", type: "varchar", length: 110, nullable: true })
  actorId!: string | null;

  @Column({ name: "actor_label", type: "varchar", length: 255 })
  actorLabel!: string;

  @Column({ type: "varchar", length: 64 })
  action!: string;

  @Column({ name: "target_type", type: "varchar", length: 32 })
  targetType!: string;

  @Column({ name: "target_id", type: "varchar", length: 110, nullable: true })
  targetId!: string | null;

  @Column({ name: "target_label", type: "varchar", length: 255, nullable: true })
  targetLabel!: string | null;

  @Column({ type: "varchar", length: 45, nullable: true })
  ip!: string | null;

  @Column({ name: "request_id", type: "varchar", length: 128, nullable: true })
  requestId!: string | null;

  /** What changed, as field → value; never a secret. */
  @Column({ type: "simple-json" })
  changes!: Record<string, unknown>;

  @Column({ name: "created_at", type: "datetime", precision: 3 })
  createdAt!: Date;
}
