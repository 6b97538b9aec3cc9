import { Field, ID, ObjectType } from "type-graphql";
import type { FederatedCredential } from "./federated-credential.entity.js";

@ObjectType("FederatedCredential", { simpleResolvers: true, description: "Tokens of an external OIDC issuer with this audience and subject authenticate the client." })
export class FederatedCredentialType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: "e.g. https://token.actions.githubusercontent.com — must be on the operator's allowlist." })
  issuer!: string;

  @Field()
  audience!: string;

  @Field({ description: "Exact match, no wildcards, e.g. repo:acme/app:ref:refs/heads/main" })
  subject!: string;

  @Field()
  createdAt!: Date;
}

export function toFederatedCredentialType(row: FederatedCredential): FederatedCredentialType {
  return { id: row.id, name: row.name, issuer: row.issuer, audience: row.audience, subject: row.subject, createdAt: row.createdAt };
}
