import { Arg, Ctx, Int, Mutation, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../http/graphql-context.js";

@Resolver()
export class AccountResolver {
  @Mutation(() => Boolean, { description: "Signed-in users only. Checks the current password, sets the new one and signs out every other session of the user." })
  async changePassword(
    @Arg("currentPassword") currentPassword: string,
    @Arg("newPassword", { description: "At least 10 characters, and not easy to guess." }) newPassword: string,
    @Ctx() { app, ctx, sessionToken }: GraphQLContext,
  ): Promise<boolean> {
    await app.services.account.changePassword(ctx, sessionToken, currentPassword, newPassword);
    return true;
  }

  @Mutation(() => Int, { description: "Signed-in users only. Ends every other session of the user; returns how many were ended." })
  signOutOtherSessions(@Ctx() { app, ctx, sessionToken }: GraphQLContext): Promise<number> {
    return app.services.account.signOutOtherSessions(ctx, sessionToken);
  }
}
