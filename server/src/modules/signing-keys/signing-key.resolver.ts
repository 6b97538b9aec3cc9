import { Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../http/graphql-context.js";
import { SigningKeyService } from "./signing-key.service.js";
import { SigningKeyInfo, toSigningKeyInfo } from "./signing-key.types.js";

@Resolver()
export class SigningKeyResolver {
  @Query(() => [SigningKeyInfo], { description: "Operators only." })
  async signingKeys(@Ctx() { app, ctx }: GraphQLContext): Promise<SigningKeyInfo[]> {
    const keys = await app.services.keys.list(ctx);
    const signingKid = SigningKeyService.signingKid(keys);
    return keys.map((key) => toSigningKeyInfo(key, signingKid));
  }

  @Mutation(() => SigningKeyInfo, { description: "Operators only: a new active signing key; the old one keeps verifying until it retires." })
  async rotateSigningKey(@Ctx() { app, ctx }: GraphQLContext): Promise<SigningKeyInfo> {
    const key = await app.services.keys.rotate(ctx);
    return toSigningKeyInfo(key, key.kid);
  }
}
