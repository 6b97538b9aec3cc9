import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { AppError } from "../../common/errors.js";
import type { GraphQLContext } from "../../http/graphql-context.js";
import { CreateOrganizationInput, UpdateOrganizationInput, withoutNulls } from "./organization.inputs.js";
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

  @Query(() => [OrganizationType], { description: "Every organization: system clients with system.organizations.read." })
  async organizations(@Ctx() { app, ctx }: GraphQLContext): Promise<OrganizationType[]> {
    return (await app.services.organizations.listAll(ctx)).map((organization) => toOrganizationType(organization));
  }

  @Mutation(() => OrganizationType, { description: "System clients with system.organizations.write." })
  async createOrganization(@Arg("input", () => CreateOrganizationInput) input: CreateOrganizationInput, @Ctx() { app, ctx }: GraphQLContext): Promise<OrganizationType> {
    return toOrganizationType(await app.services.organizations.create(ctx, { ...withoutNulls(input), name: input.name }));
  }

  @Mutation(() => OrganizationType, { description: "System clients with system.organizations.write." })
  async updateOrganization(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateOrganizationInput) input: UpdateOrganizationInput,
    @Ctx() { app, ctx }: GraphQLContext,
  ): Promise<OrganizationType> {
    return toOrganizationType(await app.services.organizations.update(ctx, id, withoutNulls(input)));
  }
}
