import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { AppError } from "../../common/errors.js";
import type { GraphQLContext } from "../../http/graphql-context.js";
import { OrganizationType, toOrganizationType } from "./organization.types.js";

@Resolver()
export class OrganizationResolver {
  @Query(() => OrganizationType)
  async organization(@Arg("id", () => ID) id: string, @Ctx() { app, ctx }: GraphQLContext): Promise<OrganizationType> {
    const { organization, role } = await app.services.organizations.get(ctx, id);
    return toOrganizationType(organization, role);
  }

  @Query(() => [OrganizationType], { description: "The signed-in user's organizations, by name." })
  async myOrganizations(@Ctx() { app, ctx }: GraphQLContext): Promise<OrganizationType[]> {
    if (ctx.actor.type !== "USER") throw new AppError("UNAUTHENTICATED", "Sign in to list your organizations");
    const rows = await app.services.organizations.listForUser(ctx, ctx.actor.userId);
    return rows.map(({ organization, role }) => toOrganizationType(organization, role));
  }
}
