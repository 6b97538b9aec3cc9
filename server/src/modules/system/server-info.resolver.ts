import { Ctx, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../http/graphql-context.js";
import { serverInfo } from "./server-info.js";
import { ServerInfo } from "./server-info.types.js";

@Resolver()
export class ServerInfoResolver {
  @Query(() => ServerInfo)
  serverInfo(@Ctx() context: GraphQLContext): ServerInfo {
    return serverInfo(context.app.config);
  }
}
