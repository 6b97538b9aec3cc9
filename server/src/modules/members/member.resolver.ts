import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../http/graphql-context.js";
import { MemberRoleEnum } from "../organizations/organization.types.js";
import { Member, toMember } from "./member.types.js";

@Resolver()
export class MemberResolver {
  @Query(() => [Member])
  async members(@Arg("organizationId", () => ID) organizationId: string, @Ctx() { app, ctx }: GraphQLContext): Promise<Member[]> {
    return (await app.services.members.list(ctx, organizationId)).map(toMember);
  }

  @Mutation(() => Member)
  async updateMemberRole(
    @Arg("organizationId", () => ID) organizationId: string,
    @Arg("userId", () => ID) userId: string,
    @Arg("role", () => MemberRoleEnum) role: keyof typeof MemberRoleEnum,
    @Ctx() { app, ctx }: GraphQLContext,
  ): Promise<Member> {
    return toMember(await app.services.members.updateRole(ctx, organizationId, userId, role));
  }

  @Mutation(() => ID, { description: "The removed user's id. The last owner cannot be removed." })
  removeMember(@Arg("organizationId", () => ID) organizationId: string, @Arg("userId", () => ID) userId: string, @Ctx() { app, ctx }: GraphQLContext): Promise<string> {
    return app.services.members.remove(ctx, organizationId, userId);
  }
}
