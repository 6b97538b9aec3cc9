import { ArgsType, Field, ID, Int } from "type-graphql";

/** Arguments of every paged list inside one organization. */
@ArgsType()
export class OrganizationPageArgs {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => Int, { defaultValue: 50 })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
