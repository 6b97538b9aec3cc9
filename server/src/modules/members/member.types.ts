import { Field, ID, InputType, ObjectType } from "type-graphql";
import { MemberRoleEnum } from "../organizations/organization.types.js";
import type { MemberView } from "./member.service.js";

@ObjectType({ simpleResolvers: true })
export class Member {
  @Field(() => ID)
  userId!: string;

  @Field()
  email!: string;

  @Field()
  name!: string;

  @Field(() => MemberRoleEnum)
  role!: keyof typeof MemberRoleEnum;

  @Field()
  createdAt!: Date;
}

@InputType()
export class AddMemberInput {
  @Field(() => ID)
  organizationId!: string;

  @Field()
  email!: string;

  @Field(() => MemberRoleEnum)
  role!: keyof typeof MemberRoleEnum;

  @Field(() => String, { nullable: true, description: "Needed when no user has this e-mail yet." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "The new user's first password, when no user has this e-mail yet." })
  password?: string | null;
}

export function toMember(view: MemberView): Member {
  return { userId: view.user.id, email: view.user.email, name: view.user.name, role: view.membership.role, createdAt: view.membership.createdAt };
}
