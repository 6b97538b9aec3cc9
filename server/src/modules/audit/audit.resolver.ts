import { Args, Ctx, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../http/graphql-context.js";
import { AuditEventConnection, AuditEventsArgs, PlatformAuditEventsArgs, toAuditEventConnection } from "./audit.types.js";

@Resolver()
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: "Newest first.", complexity: ({ args, childComplexity }) => Math.min(Number(args.first ?? 50), 100) * childComplexity })
  async auditEvents(@Args() args: AuditEventsArgs, @Ctx() { app, ctx }: GraphQLContext): Promise<AuditEventConnection> {
    const page = await app.services.audit.list(ctx, args.organizationId, { first: args.first, after: args.after ?? null }, { targetId: args.filter?.apiClientId, action: args.filter?.action });
    return toAuditEventConnection(page);
  }

  @Query(() => AuditEventConnection, {
    description:
      "Operators only. Audit events of no organization (operator and system-client actions on the\nplatform: organizations created/changed, system clients, keys rotated, operators invited/removed),\nnewest first. Operator actions inside an organization are in that organization's own trail.",
    complexity: ({ args, childComplexity }) => Math.min(Number(args.first ?? 50), 100) * childComplexity,
  })
  async platformAuditEvents(@Args() args: PlatformAuditEventsArgs, @Ctx() { app, ctx }: GraphQLContext): Promise<AuditEventConnection> {
    const page = await app.services.audit.listPlatform(ctx, { first: args.first, after: args.after ?? null }, { action: args.filter?.action, actorType: args.filter?.actorType });
    return toAuditEventConnection(page);
  }
}
