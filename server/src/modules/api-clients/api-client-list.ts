import { Brackets } from "typeorm";
import type { Ctx } from "../../common/context.js";
import { checkPageSize, decodeCursor, encodeCursor, type Page, type PageArgs } from "../../common/pagination.js";
import { withSecretState } from "./api-client-secrets.js";
import { ApiClient, type Environment } from "./api-client.entity.js";
import type { ApiClientView } from "./api-client.view.js";

export type ApiClientOrder = "CREATED_ASC" | "CREATED_DESC" | "NAME_ASC" | "NAME_DESC";

export interface ApiClientFilter {
  /** Matches name, client id or description, case-insensitively. */
  search?: string | null;
  environment?: Environment | null;
  expired?: boolean | null;
}

const ORDER: Record<ApiClientOrder, { column: "created_at" | "name"; direction: "ASC" | "DESC" }> = {
  CREATED_ASC: { column: "created_at", direction: "ASC" },
  CREATED_DESC: { column: "created_at", direction: "DESC" },
  NAME_ASC: { column: "name", direction: "ASC" },
  NAME_DESC: { column: "name", direction: "DESC" },
};

/** Keyset pagination over one organization's clients; the caller has checked access. */
export async function listApiClients(ctx: Ctx, organizationId: string, page: PageArgs, filter: ApiClientFilter, orderBy: ApiClientOrder): Promise<Page<ApiClientView>> {
  checkPageSize(page.first);
  const now = new Date();
  const base = ctx.manager.createQueryBuilder(ApiClient, "c").where("c.organization_id = :organizationId", { organizationId });
  const search = filter.search?.trim().toLowerCase();
  if (search) {
    // "!" escapes LIKE wildcards: a backslash means different things to SQLite and MySQL.
    const like = `%${search.replace(/[!%_]/g, (char) => `!${char}`)}%`;
    base.andWhere(new Brackets((where) => where.where("LOWER(c.name) LIKE :like ESCAPE '!'", { like }).orWhere("LOWER(c.client_id) LIKE :like ESCAPE '!'", { like }).orWhere("LOWER(c.description) LIKE :like ESCAPE '!'", { like })));
  }
  if (filter.environment) base.andWhere("c.environment = :environment", { environment: filter.environment });
  if (filter.expired === true) base.andWhere("c.expires_at IS NOT NULL AND c.expires_at <= :now", { now });
  if (filter.expired === false) base.andWhere("(c.expires_at IS NULL OR c.expires_at > :now)", { now });
  const { column, direction } = ORDER[orderBy];
  const query = base.clone().orderBy(`c.${column}`, direction).addOrderBy("c.id", direction).take(page.first + 1);
  if (page.after !== null) {
    const [key, id] = decodeCursor(page.after);
    const value = column === "created_at" ? new Date(Number(key)) : String(key);
    const op = direction === "ASC" ? ">" : "<";
    query.andWhere(new Brackets((where) => where.where(`c.${column} ${op} :value`, { value }).orWhere(`c.${column} = :value AND c.id ${op} :id`, { value, id })));
  }
  const rows = await query.getMany();
  // A first page that holds everything is its own count.
  const totalCount = page.after === null && rows.length <= page.first ? rows.length : await base.clone().getCount();
  const views = await withSecretState(ctx, rows.slice(0, page.first));
  const items = views.map((view) => ({ cursor: encodeCursor(column === "created_at" ? view.client.createdAt.getTime() : view.client.name, view.client.id), node: view }));
  return { items, hasNextPage: rows.length > page.first, endCursor: items.at(-1)?.cursor ?? null, totalCount };
}
