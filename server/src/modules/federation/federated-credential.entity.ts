import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * Trust in an external OIDC issuer's tokens (issue 17): a token whose `iss` is `issuer`, whose
 * `aud` contains `audience` and whose `sub` is exactly `subject` authenticates the client.
 */
@Entity("federated_credentials")
export class FederatedCredential {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id!: string;

  @Column({ name: "api_client_id", type: "varchar", length: 36 })
  apiClientId!: string;

  @Column({ type: "varchar", length: 100 })
  name!: string;

  @Column({ type: "varchar", length: 255 })
  issuer!: string;

  @Column({ type: "varchar", length: 255 })
  audience!: string;

  @Column({ type: "varchar", length: 255 })
  subject!: string;

  @Column({ name: "created_at", type: "datetime", precision: 3 })
  createdAt!: Date;
}
