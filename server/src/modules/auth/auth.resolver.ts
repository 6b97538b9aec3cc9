import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../http/graphql-context.js";
import { toOrganizationType } from "../organizations/organization.types.js";
import { Me, SetupInput, SetupPayload, toMe } from "./auth.types.js";
import { clearSessionCookie, setSessionCookie } from "./session-cookie.js";

const isHttps = (context: GraphQLContext) => context.app.config.issuer.startsWith("https://");

@Resolver()
export class AuthResolver {
  @Query(() => Boolean, { description: "True until the first user exists: the admin app then shows its setup screen." })
  setupRequired(@Ctx() { app, ctx }: GraphQLContext): Promise<boolean> {
    return app.services.auth.needsSetup(ctx);
  }

  @Query(() => Me, { nullable: true, description: "The signed-in user, or null." })
  async me(@Ctx() { app, ctx }: GraphQLContext): Promise<Me | null> {
    if (ctx.actor.type !== "USER") return null;
    const user = await app.services.auth.currentUser(ctx);
    return user === null ? null : toMe(user);
  }

  @Mutation(() => SetupPayload, { description: "First run only: creates the first organization and its owner, and signs in." })
  async setup(@Arg("input", () => SetupInput) input: SetupInput, @Ctx() context: GraphQLContext): Promise<SetupPayload> {
    const { user, organization, token } = await context.app.services.auth.setup(context.ctx, input);
    setSessionCookie(context.res, token, isHttps(context));
    return { user: toMe(user), organization: toOrganizationType(organization, "OWNER") };
  }

  @Mutation(() => Me)
  async login(@Arg("email") email: string, @Arg("password") password: string, @Ctx() context: GraphQLContext): Promise<Me> {
    const { user, token } = await context.app.services.auth.login(context.ctx, email, password);
    setSessionCookie(context.res, token, isHttps(context));
    return toMe(user);
  }

  @Mutation(() => Boolean)
  async logout(@Ctx() context: GraphQLContext): Promise<boolean> {
    if (context.sessionToken !== null) await context.app.services.auth.logout(context.ctx, context.sessionToken);
    clearSessionCookie(context.res, isHttps(context));
    return true;
  }
}
