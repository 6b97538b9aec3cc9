import { Column, Entity, PrimaryColumn } from "typeorm";

/** A key every process sharing the database holds alike; see ServerKeyService. */
@Entity("server_keys")
export class ServerKey {
  @PrimaryColumn({ type: "varchar", length: 64 })
  name!: string;

  /** AES-256-GCM under the key-encryption key (see KeyRing): never in the clear. */
  @Column({ type: "text" })
  value!: string;

  @Column({ name: "is_encrypted", type: "boolean" })
  isEncrypted!: boolean;

  @Column({ name: "created_at", type: "datetime", precision: 3 })
  createdAt!: Date;
}
