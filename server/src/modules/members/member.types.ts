import { Field, ID, ObjectType } from "type-graphql";
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

export function toMember(view: MemberView): Member {
  return { userId: view.user.id, email: view.user.email, name: view.user.name, role: view.membership.role, createdAt: view.membership.createdAt };
}
