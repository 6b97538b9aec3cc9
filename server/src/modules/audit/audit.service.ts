import { randomUUID } from "node:crypto";
import { Brackets, type SelectQueryBuilder } from "typeorm";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity.js";
import { actorId, actorLabel, type Ctx } from "../../common/context.js";
import { checkPageSize, cursorTime, decodeCursor, encodeCursor, type Page, type PageArgs } from "../../common/pagination.js";
import type { AccessPolicy } from "../auth/access-policy.js";
import { AuditEvent } from "./audit-event.entity.js";

export interface AuditRecord {
  organizationId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  targetLabel: string | null;
  changes?: Record<string, unknown>;
}

export interface AuditFilter {
  targetId?: string | null;
  action?: string | null;
  /** USER, CLIENT, CLI, SYSTEM or ANONYMOUS, as AuditActor.type says it. */
  actorType?: string | null;
}

// Events recorded one after another in this process (two of one change, in the same millisecond)
// get distinct, increasing times, so the trail lists them in the order they happened.
let lastRecordedAt = 0;
function nextRecordTime(): Date {
  lastRecordedAt = Math.max(Date.now(), lastRecordedAt + 1);
  return new Date(lastRecordedAt);
}

/** Writes go through ctx.manager, so an event commits or rolls back with the change it describes. */
export class AuditService {
  constructor(private readonly access: AccessPolicy) {}

  async record(ctx: Ctx, record: AuditRecord): Promise<void> {
    const event: AuditEvent = {
      id: randomUUID(),
      organizationId: record.organizationId,
      actorType: ctx.actor.type,
      actorId: actorId(ctx.actor),
      actorLabel: actorLabel(ctx.actor),
      action: record.action,
      targetType: record.targetType,
      targetId: record.targetId,
      targetLabel: record.targetLabel,
      ip: ctx.ip,
      requestId: ctx.requestId,
      changes: record.changes ?? {},
      createdAt: nextRecordTime(),
    };
    // `changes` is a JSON column: TypeORM's deep-partial type cannot see that a record fits it.
    await ctx.manager.insert(AuditEvent, event as QueryDeepPartialEntity<AuditEvent>);
  }

  /** Newest first; owners and viewers of the organization may read it, and its clients holding audit.read. */
  async list(ctx: Ctx, organizationId: string, page: PageArgs, filter: AuditFilter): Promise<Page<AuditEvent>> {
    await this.access.auditOf(ctx, organizationId);
    return this.read(ctx.manager.createQueryBuilder(AuditEvent, "e").where("e.organization_id = :organizationId", { organizationId }), page, filter);
  }

  /**
   * Operators only: events of no organization (system clients, signing keys, operators), and
   * organizations' own creation and changes, which are also in each organization's trail.
   */
  async listPlatform(ctx: Ctx, page: PageArgs, filter: AuditFilter): Promise<Page<AuditEvent>> {
    this.access.operator(ctx);
    return this.read(ctx.manager.createQueryBuilder(AuditEvent, "e").where("(e.organization_id IS NULL OR e.target_type = 'ORGANIZATION')"), page, filter);
  }

  private async read(base: SelectQueryBuilder<AuditEvent>, page: PageArgs, filter: AuditFilter): Promise<Page<AuditEvent>> {
    checkPageSize(page.first);
    if (filter.targetId) base.andWhere("e.target_id = :targetId", { targetId: filter.targetId });
    if (filter.action) base.andWhere("e.action = :action", { action: filter.action });
    // Token requests by nobody are stored as SYSTEM with the label anonymous (actorKind).
    if (filter.actorType === "ANONYMOUS") base.andWhere("e.actor_type = 'SYSTEM' AND e.actor_label = 'anonymous'");
    else if (filter.actorType === "SYSTEM") base.andWhere("e.actor_type = 'SYSTEM' AND e.actor_label <> 'anonymous'");
    else if (filter.actorType) base.andWhere("e.actor_type = :actorType", { actorType: filter.actorType });
    const totalCount = await base.clone().getCount();
    const query = base.clone().orderBy("e.created_at", "DESC").addOrderBy("e.id", "DESC").take(page.first + 1);
    if (page.after !== null) {
      const [createdAt, id] = decodeCursor(page.after);
      const at = cursorTime(createdAt);
      query.andWhere(new Brackets((where) => where.where("e.created_at < :at", { at }).orWhere("e.created_at = :at AND e.id < :id", { at, id })));
    }
    const rows = await query.getMany();
    const items = rows.slice(0, page.first).map((node) => ({ cursor: encodeCursor(node.createdAt.getTime(), node.id), node }));
    return { items, hasNextPage: rows.length > page.first, endCursor: items.at(-1)?.cursor ?? null, totalCount };
  }
}
