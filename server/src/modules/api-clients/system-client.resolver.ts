import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../http/graphql-context.js";
import { ApiClientSecretPayload, ApiClientType, toApiClientType, toSecretPayload } from "./api-client.types.js";
import { CreateSystemClientInput } from "./system-client.inputs.js";

/** Clients of no organization (issue 14); the other client operations serve them too. */
@Resolver()
export class SystemClientResolver {
  @Query(() => [ApiClientType], { description: "Operators only: API clients of no organization (system clients), newest first." })
  async systemClients(@Ctx() { app, ctx }: GraphQLContext): Promise<ApiClientType[]> {
    return (await app.services.apiClients.listSystem(ctx)).map((view) => toApiClientType(view, app.services.catalog));
  }

  @Mutation(() => ApiClientSecretPayload, { description: "Operators only." })
  async createSystemClient(@Arg("input", () => CreateSystemClientInput) input: CreateSystemClientInput, @Ctx() { app, ctx }: GraphQLContext): Promise<ApiClientSecretPayload> {
    return toSecretPayload(await app.services.apiClients.createSystem(ctx, input), app.services.catalog);
  }
}
