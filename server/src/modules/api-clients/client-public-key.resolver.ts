import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../http/graphql-context.js";
import { ClientPublicKeyInput } from "./api-client.inputs.js";
import { ApiClientType, ClientPublicKeyType, toApiClientType, toClientPublicKeyType } from "./api-client.types.js";

@Resolver(() => ApiClientType)
export class ClientPublicKeyResolver {
  @FieldResolver(() => [ClientPublicKeyType], { description: "Empty unless PRIVATE_KEY_JWT." })
  async publicKeys(@Root() client: ApiClientType, @Ctx() { app, ctx }: GraphQLContext): Promise<ClientPublicKeyType[]> {
    return (await app.services.clientKeys.list(ctx, client)).map(toClientPublicKeyType);
  }

  @Mutation(() => ApiClientType, { description: "At most 10 keys. The key verifies at once." })
  async addApiClientPublicKey(@Arg("id", () => ID) id: string, @Arg("key", () => ClientPublicKeyInput) key: ClientPublicKeyInput, @Ctx() { app, ctx }: GraphQLContext): Promise<ApiClientType> {
    return toApiClientType(await app.services.clientKeys.add(ctx, id, key), app.services.catalog);
  }

  @Mutation(() => ApiClientType, { description: "Never the last key. The key stops verifying at once." })
  async removeApiClientPublicKey(@Arg("id", () => ID) id: string, @Arg("keyId", () => ID) keyId: string, @Ctx() { app, ctx }: GraphQLContext): Promise<ApiClientType> {
    return toApiClientType(await app.services.clientKeys.remove(ctx, id, keyId), app.services.catalog);
  }
}
