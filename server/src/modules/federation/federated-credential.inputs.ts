import { Field, InputType } from "type-graphql";

@InputType()
export class FederatedCredentialInput {
  @Field()
  name!: string;

  @Field()
  issuer!: string;

  @Field()
  audience!: string;

  @Field()
  subject!: string;
}
