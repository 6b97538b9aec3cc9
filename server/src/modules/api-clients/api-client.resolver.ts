import { Args, Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../http/graphql-context.js";
import { ApiClientsArgs, CreateApiClientInput, UpdateApiClientInput, UpdateApiClientPermissionsArgs } from "./api-client.inputs.js";
import { collationLanguage } from "./client-search.js";
import { ApiClientConnection, ApiClientSecretPayload, ApiClientType, toApiClientConnection, toApiClientType, toSecretPayload } from "./api-client.types.js";

@Resolver()
export class ApiClientResolver {
  @Query(() => ApiClientConnection, { complexity: ({ args, childComplexity }) => Math.min(Number(args.first ?? 50), 100) * childComplexity })
  async apiClients(@Args() args: ApiClientsArgs, @Ctx() { app, ctx, acceptLanguage }: GraphQLContext): Promise<ApiClientConnection> {
    const language = collationLanguage(args.language, acceptLanguage);
    const page = await app.services.apiClients.list(ctx, args.organizationId, { first: args.first, after: args.after ?? null }, args.filter ?? {}, args.orderBy, language);
    return toApiClientConnection(page, app.services.catalog);
  }

  @Query(() => ApiClientType)
  async apiClient(@Arg("id", () => ID) id: string, @Ctx() { app, ctx }: GraphQLContext): Promise<ApiClientType> {
    return toApiClientType(await app.services.apiClients.get(ctx, id), app.services.catalog);
  }

  @Mutation(() => ApiClientSecretPayload)
  async createApiClient(@Arg("input", () => CreateApiClientInput) input: CreateApiClientInput, @Ctx() { app, ctx }: GraphQLContext): Promise<ApiClientSecretPayload> {
    return toSecretPayload(await app.services.apiClients.create(ctx, input), app.services.catalog);
  }

  @Mutation(() => ApiClientSecretPayload)
  async resetApiClientSecret(
    @Arg("id", () => ID) id: string,
    @Arg("gracePeriodSeconds", () => Int, { defaultValue: 0 }) gracePeriodSeconds: number,
    @Ctx() { app, ctx }: GraphQLContext,
  ): Promise<ApiClientSecretPayload> {
    return toSecretPayload(await app.services.apiClients.resetSecret(ctx, id, gracePeriodSeconds), app.services.catalog);
  }

  @Mutation(() => ApiClientType)
  async updateApiClientPermissions(@Args() { id, ...change }: UpdateApiClientPermissionsArgs, @Ctx() { app, ctx }: GraphQLContext): Promise<ApiClientType> {
    return toApiClientType(await app.services.apiClients.updatePermissions(ctx, id, change), app.services.catalog);
  }

  @Mutation(() => ApiClientType)
  async updateApiClient(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateApiClientInput) input: UpdateApiClientInput,
    @Ctx() { app, ctx }: GraphQLContext,
  ): Promise<ApiClientType> {
    return toApiClientType(await app.services.apiClients.update(ctx, id, input), app.services.catalog);
  }

  @Mutation(() => ApiClientType, { description: "A disabled client keeps its configuration, gets invalid_client, and its live tokens are inactive until it is enabled again." })
  async setApiClientDisabled(@Arg("id", () => ID) id: string, @Arg("disabled", () => Boolean) disabled: boolean, @Ctx() { app, ctx }: GraphQLContext): Promise<ApiClientType> {
    return toApiClientType(await app.services.apiClients.controls.setDisabled(ctx, id, disabled), app.services.catalog);
  }

  @Mutation(() => ApiClientType, { description: "Every live token of the client becomes inactive at once; the secret stays. Returns the client." })
  async revokeApiClientTokens(@Arg("id", () => ID) id: string, @Ctx() { app, ctx }: GraphQLContext): Promise<ApiClientType> {
    return toApiClientType(await app.services.apiClients.controls.revokeTokens(ctx, id), app.services.catalog);
  }

  @Mutation(() => ID, { description: "Permanent: the client's secrets and tokens stop working at once." })
  async deleteApiClient(@Arg("id", () => ID) id: string, @Ctx() { app, ctx }: GraphQLContext): Promise<string> {
    return app.services.apiClients.delete(ctx, id);
  }
}
