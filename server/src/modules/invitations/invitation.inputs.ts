import { Field, ID, InputType } from "type-graphql";
import { MemberRoleEnum } from "../organizations/organization.types.js";

@InputType()
export class InviteMemberInput {
  @Field(() => ID)
  organizationId!: string;

  @Field()
  email!: string;

  @Field(() => MemberRoleEnum)
  role!: keyof typeof MemberRoleEnum;
}
