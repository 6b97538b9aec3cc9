import { JSONObjectResolver } from "graphql-scalars";
import { ArgsType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import type { Page } from "../../common/pagination.js";
import { OrganizationPageArgs } from "../../http/types/organization-page.args.js";
import { PageInfo } from "../../http/types/page-info.types.js";
import type { AuditEvent } from "./audit-event.entity.js";
import { actorKind, auditReason } from "./audit-reasons.js";

@ObjectType({ simpleResolvers: true })
export class AuditActor {
  @Field({ description: "USER, CLIENT, CLI, SYSTEM or ANONYMOUS (someone not signed in, such as a token request)." })
  type!: string;

  @Field(() => String, { nullable: true, description: "A user id or a client id." })
  id!: string | null;

  @Field({ description: "An e-mail address, a client id, cli, system or anonymous." })
  label!: string;
}

@ObjectType("AuditEvent", { simpleResolvers: true })
export class AuditEventType {
  @Field(() => ID)
  id!: string;

  @Field({ description: "e.g. api_client.created, api_client.secret_reset, member.added" })
  action!: string;

  @Field(() => AuditActor)
  actor!: AuditActor;

  @Field()
  targetType!: string;

  @Field(() => String, { nullable: true })
  targetId!: string | null;

  @Field(() => String, { nullable: true })
  targetLabel!: string | null;

  @Field(() => String, { nullable: true })
  ip!: string | null;

  @Field(() => JSONObjectResolver, { description: "What changed; never a secret. A changed field is { from, to }." })
  changes!: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: "Why, as a stable code, where the action has one: token.refused gives CLIENT_EXPIRED or IP_NOT_ALLOWED." })
  reason!: string | null;

  @Field()
  createdAt!: Date;
}

@ObjectType({ simpleResolvers: true })
export class AuditEventEdge {
  @Field()
  cursor!: string;

  @Field(() => AuditEventType)
  node!: AuditEventType;
}

@ObjectType({ simpleResolvers: true })
export class AuditEventConnection {
  @Field(() => [AuditEventEdge])
  edges!: AuditEventEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@InputType()
export class AuditEventFilterInput {
  @Field(() => ID, { nullable: true, description: "Only events about this API client (its id)." })
  apiClientId?: string | null;

  @Field(() => String, { nullable: true })
  action?: string | null;
}

@ArgsType()
export class AuditEventsArgs extends OrganizationPageArgs {
  @Field(() => AuditEventFilterInput, { nullable: true })
  filter?: AuditEventFilterInput | null;
}

@InputType()
export class PlatformAuditFilterInput {
  @Field(() => String, { nullable: true })
  action?: string | null;

  @Field(() => String, { nullable: true, description: "USER, CLIENT, CLI, SYSTEM or ANONYMOUS" })
  actorType?: string | null;
}

@ArgsType()
export class PlatformAuditEventsArgs {
  @Field(() => Int, { defaultValue: 50 })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => PlatformAuditFilterInput, { nullable: true })
  filter?: PlatformAuditFilterInput | null;
}

export function toAuditEventType(event: AuditEvent): AuditEventType {
  return {
    id: event.id,
    action: event.action,
    actor: { type: actorKind(event.actorType, event.actorLabel), id: event.actorId, label: event.actorLabel },
    targetType: event.targetType,
    targetId: event.targetId,
    targetLabel: event.targetLabel,
    ip: event.ip,
    changes: event.changes,
    reason: auditReason(event.changes),
    createdAt: event.createdAt,
  };
}

export function toAuditEventConnection(page: Page<AuditEvent>): AuditEventConnection {
  return {
    edges: page.items.map((item) => ({ cursor: item.cursor, node: toAuditEventType(item.node) })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount: page.totalCount,
  };
}
