import { Ctx, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../http/graphql-context.js";
import { serverInfo } from "./server-info.js";
import { ServerInfo } from "./server-info.types.js";

@Resolver()
export class ServerInfoResolver {
  @Query(() => ServerInfo)
  serverInfo(@Ctx() context: GraphQLContext): ServerInfo {
    const info = serverInfo(context.app.config);
    // Which CI systems and clusters are trusted is the deployment's business, not any visitor's.
    return context.ctx.actor.type === "ANONYMOUS" ? { ...info, federationIssuers: [] } : info;
  }
}
