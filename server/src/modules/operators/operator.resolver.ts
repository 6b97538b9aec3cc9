import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../http/graphql-context.js";
import { Operator, toOperator } from "./operator.types.js";

@Resolver()
export class OperatorResolver {
  @Query(() => [Operator], { description: "Operators only." })
  async operators(@Ctx() { app, ctx }: GraphQLContext): Promise<Operator[]> {
    return (await app.services.operators.list(ctx)).map((user) => toOperator(user, ctx.actor));
  }

  @Mutation(() => ID, { description: "Operators only: the removed user's id (the user stays, without the role). Never the last operator." })
  removeOperator(@Arg("userId", () => ID) userId: string, @Ctx() { app, ctx }: GraphQLContext): Promise<string> {
    return app.services.operators.remove(ctx, userId);
  }
}
