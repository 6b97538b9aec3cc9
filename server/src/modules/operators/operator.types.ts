import { Field, ID, ObjectType } from "type-graphql";
import type { Actor } from "../../common/context.js";
import type { User } from "../members/user.entity.js";

@ObjectType({ simpleResolvers: true })
export class Operator {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  name!: string;

  @Field()
  createdAt!: Date;

  @Field()
  isMe!: boolean;
}

export function toOperator(user: User, actor: Actor): Operator {
  return { id: user.id, email: user.email, name: user.name, createdAt: user.createdAt, isMe: actor.type === "USER" && actor.userId === user.id };
}
