import { Column, Entity, PrimaryColumn } from "typeorm";

@Entity("users")
export class User {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id!: string;

  /** Stored lower-cased; unique. */
  @Column({ type: "varchar", length: 254 })
  email!: string;

  @Column({ type: "varchar", length: 100 })
  name!: string;

  @Column({ name: "password_hash", type: "varchar", length: 255 })
  passwordHash!: string;

  @Column({ name: "created_at", type: "datetime", precision: 3 })
  createdAt!: Date;

  @Column({ name: "updated_at", type: "datetime", precision: 3 })
  updatedAt!: Date;
}
