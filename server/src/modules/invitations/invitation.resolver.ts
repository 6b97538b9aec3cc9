import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../http/graphql-context.js";
import { setSessionCookie } from "../auth/session-cookie.js";
import { InviteMemberInput } from "./invitation.inputs.js";
import {
  AcceptInvitationPayload,
  Invitation,
  InvitationPreview,
  InviteMemberPayload,
  toAcceptInvitationPayload,
  toInvitation,
  toInvitationPreview,
  toInviteMemberPayload,
} from "./invitation.types.js";

@Resolver()
export class InvitationResolver {
  @Query(() => [Invitation], { description: "Owners only: invitations not yet accepted or withdrawn, expired ones included." })
  async invitations(@Arg("organizationId", () => ID) organizationId: string, @Ctx() { app, ctx }: GraphQLContext): Promise<Invitation[]> {
    return (await app.services.invitations.list(ctx, organizationId)).map(toInvitation);
  }

  @Mutation(() => InviteMemberPayload, { description: "Owners only. Replaces a pending invitation of the same e-mail address; the answer never says whether it has an account." })
  async inviteMember(@Arg("input", () => InviteMemberInput) input: InviteMemberInput, @Ctx() { app, ctx }: GraphQLContext): Promise<InviteMemberPayload> {
    return toInviteMemberPayload(await app.services.invitations.invite(ctx, input));
  }

  @Mutation(() => ID, { description: "Owners only: the withdrawn invitation's id; its link stops working." })
  withdrawInvitation(@Arg("id", () => ID) id: string, @Ctx() { app, ctx }: GraphQLContext): Promise<string> {
    return app.services.invitations.withdraw(ctx, id);
  }

  @Query(() => InvitationPreview, { description: "Public: what a link invites to. NOT_FOUND if it is unknown, expired, withdrawn or used." })
  async invitation(@Arg("token") token: string, @Ctx() { app, ctx }: GraphQLContext): Promise<InvitationPreview> {
    return toInvitationPreview(await app.services.invitations.preview(ctx, token));
  }

  @Mutation(() => AcceptInvitationPayload, {
    description: "Signed in as the invited e-mail address: joins. Not signed in: name and password create that account, which is then signed in.",
  })
  async acceptInvitation(
    @Arg("token") token: string,
    @Arg("name", () => String, { nullable: true }) name: string | null,
    @Arg("password", () => String, { nullable: true }) password: string | null,
    @Ctx() context: GraphQLContext,
  ): Promise<AcceptInvitationPayload> {
    const accepted = await context.app.services.invitations.accept(context.ctx, token, { name, password });
    if (accepted.sessionToken !== null) setSessionCookie(context.res, accepted.sessionToken, context.app.config.issuer.startsWith("https://"));
    return toAcceptInvitationPayload(accepted);
  }
}
