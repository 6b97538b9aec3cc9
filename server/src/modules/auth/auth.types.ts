import { Field, ID, InputType, ObjectType } from "type-graphql";
import type { User } from "../members/user.entity.js";
import { OrganizationType } from "../organizations/organization.types.js";

@ObjectType({ simpleResolvers: true })
export class Me {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  name!: string;

  @Field({ description: "A platform operator: may open /system." })
  isOperator!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class SetupPayload {
  @Field(() => Me)
  user!: Me;

  @Field(() => OrganizationType)
  organization!: OrganizationType;
}

@InputType()
export class SetupInput {
  @Field()
  organizationName!: string;

  @Field({ description: "The first owner's name." })
  name!: string;

  @Field()
  email!: string;

  @Field({ description: "At least 10 characters, and not easy to guess." })
  password!: string;
}

export function toMe(user: User): Me {
  return { id: user.id, email: user.email, name: user.name, isOperator: user.isOperator };
}
