import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../http/graphql-context.js";
import { ApiClientType, toApiClientType } from "../api-clients/api-client.types.js";
import { FederatedCredentialInput } from "./federated-credential.inputs.js";
import { FederatedCredentialType, toFederatedCredentialType } from "./federated-credential.types.js";

@Resolver(() => ApiClientType)
export class FederatedCredentialResolver {
  @FieldResolver(() => [FederatedCredentialType], { description: "Empty unless the client's authMethod is FEDERATED." })
  async federatedCredentials(@Root() client: ApiClientType, @Ctx() { app, ctx }: GraphQLContext): Promise<FederatedCredentialType[]> {
    if (client.authMethod !== "FEDERATED") return [];
    return (await app.services.federation.listOf(ctx, client.id)).map(toFederatedCredentialType);
  }

  @Mutation(() => ApiClientType, { description: "At most 20 per client; the issuer must be on the server's allowlist (ServerInfo.federationIssuers)." })
  async addFederatedCredential(
    @Arg("id", () => ID) id: string,
    @Arg("credential", () => FederatedCredentialInput) credential: FederatedCredentialInput,
    @Ctx() { app, ctx }: GraphQLContext,
  ): Promise<ApiClientType> {
    return toApiClientType(await app.services.federation.add(ctx, id, credential), app.services.catalog);
  }

  @Mutation(() => ApiClientType, { description: "Never the client's last one." })
  async removeFederatedCredential(@Arg("id", () => ID) id: string, @Arg("credentialId", () => ID) credentialId: string, @Ctx() { app, ctx }: GraphQLContext): Promise<ApiClientType> {
    return toApiClientType(await app.services.federation.remove(ctx, id, credentialId), app.services.catalog);
  }
}
