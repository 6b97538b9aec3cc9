import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../http/graphql-context.js";
import { Invitation, InviteOperatorPayload, toInviteOperatorPayload, toOperatorInvitation } from "./invitation.types.js";

/** Accepting goes through `invitation(token)` and `acceptInvitation`, as for members. */
@Resolver()
export class OperatorInvitationResolver {
  @Query(() => [Invitation], { description: "Operators only: pending operator invitations." })
  async operatorInvitations(@Ctx() { app, ctx }: GraphQLContext): Promise<Invitation[]> {
    return (await app.services.operatorInvitations.list(ctx)).map(toOperatorInvitation);
  }

  @Mutation(() => InviteOperatorPayload, { description: "Operators only: through the invitation flow (accept at /invitation/<token>)." })
  async inviteOperator(@Arg("email") email: string, @Ctx() { app, ctx }: GraphQLContext): Promise<InviteOperatorPayload> {
    return toInviteOperatorPayload(await app.services.operatorInvitations.invite(ctx, email));
  }

  @Mutation(() => ID, { description: "Operators only." })
  withdrawOperatorInvitation(@Arg("id", () => ID) id: string, @Ctx() { app, ctx }: GraphQLContext): Promise<string> {
    return app.services.operatorInvitations.withdraw(ctx, id);
  }
}
