import { Field, InputType } from "type-graphql";

@InputType()
export class CreateSystemClientInput {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [String], { description: "system.organizations.read, system.organizations.write, tokens.introspect" })
  permissions!: string[];

  @Field(() => Date, { nullable: true })
  expiresAt?: Date | null;
}
