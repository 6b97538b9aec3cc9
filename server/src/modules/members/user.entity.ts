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

  /** Made through an invitation link by whoever held it: nothing proves the e-mail address is theirs. */
  @Column({ name: "created_by_link", type: "boolean", default: false })
  createdByLink!: boolean;

  /** A platform operator (issue 14): may manage every organization and the platform itself. */
  @Column({ name: "is_operator", type: "boolean", default: false })
  isOperator!: boolean;

  @Column({ name: "created_at", type: "datetime", precision: 3 })
  createdAt!: Date;

  @Column({ name: "updated_at", type: "datetime", precision: 3 })
  updatedAt!: Date;
}
