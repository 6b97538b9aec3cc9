import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

/**
 * A feed of changes that in-process caches must honour: every server process polls it, so a
 * reset or delete made through one process reaches the caches of all of them.
 */
@Entity("change_events")
export class ChangeEvent {
  @PrimaryGeneratedColumn({ type: "integer" })
  seq!: number;

  @Column({ type: "varchar", length: 32 })
  topic!: string;

  @Column({ type: "varchar", length: 110 })
  subject!: string;

  @Column({ name: "created_at", type: "datetime", precision: 3 })
  createdAt!: Date;
}
