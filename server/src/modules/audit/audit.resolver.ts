import { Args, Ctx, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../http/graphql-context.js";
import { AuditEventConnection, AuditEventsArgs, toAuditEventConnection } from "./audit.types.js";

@Resolver()
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: "Newest first.", complexity: ({ args, childComplexity }) => Math.min(Number(args.first ?? 50), 100) * childComplexity })
  async auditEvents(@Args() args: AuditEventsArgs, @Ctx() { app, ctx }: GraphQLContext): Promise<AuditEventConnection> {
    const page = await app.services.audit.list(ctx, args.organizationId, { first: args.first, after: args.after ?? null }, { targetId: args.filter?.apiClientId, action: args.filter?.action });
    return toAuditEventConnection(page);
  }
}
