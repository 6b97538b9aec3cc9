import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { AppError } from "../../common/errors.js";
import type { GraphQLContext } from "../../http/graphql-context.js";
import { CreateOrganizationInput, UpdateOrganizationInput, withoutNulls } from "./organization.inputs.js";
import { collationLanguage } from "../api-clients/client-search.js";
import { OrganizationConnection, OrganizationType, toOrganizationConnection, toOrganizationType } from "./organization.types.js";

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

  @Query(() => OrganizationConnection, {
    description: "Operators, or system clients with system.organizations.read. Name order (A→Z); `search`\nmatches name, slug or id (case- and accent-folded substring).",
    complexity: ({ args, childComplexity }) => Math.min(Number(args.first ?? 25), 100) * childComplexity,
  })
  async platformOrganizations(
    @Arg("search", () => String, { nullable: true }) search: string | null,
    @Arg("first", () => Int, { defaultValue: 25 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() { app, ctx, acceptLanguage }: GraphQLContext,
  ): Promise<OrganizationConnection> {
    return toOrganizationConnection(await app.services.organizations.page(ctx, search, { first, after: after ?? null }, collationLanguage(acceptLanguage)));
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
