import type { Ctx } from "../../common/context.js";
import { checkPageSize, decodeCursor, encodeCursor, type Page, type PageArgs } from "../../common/pagination.js";
import { selectEntities, selectRows } from "../../db/prepared-select.js";
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

type Param = string | number | Date;

/**
 * Keyset pagination over one organization's clients; the caller has checked access. The SQL is
 * assembled from fixed fragments only (values are always parameters), so each filter shape is
 * one prepared statement.
 */
export async function listApiClients(ctx: Ctx, organizationId: string, page: PageArgs, filter: ApiClientFilter, orderBy: ApiClientOrder): Promise<Page<ApiClientView>> {
  checkPageSize(page.first);
  const now = new Date();
  const where = ["c.organization_id = ?"];
  const params: Param[] = [organizationId];
  const search = filter.search?.trim().toLowerCase();
  if (search) {
    // "!" escapes LIKE wildcards: a backslash means different things to SQLite and MySQL.
    const like = `%${search.replace(/[!%_]/g, (char) => `!${char}`)}%`;
    where.push("(LOWER(c.name) LIKE ? ESCAPE '!' OR LOWER(c.client_id) LIKE ? ESCAPE '!' OR LOWER(c.description) LIKE ? ESCAPE '!')");
    params.push(like, like, like);
  }
  if (filter.environment) {
    where.push("c.environment = ?");
    params.push(filter.environment);
  }
  if (filter.expired === true) where.push("c.expires_at IS NOT NULL AND c.expires_at <= ?");
  if (filter.expired === false) where.push("(c.expires_at IS NULL OR c.expires_at > ?)");
  if (typeof filter.expired === "boolean") params.push(now);
  const filtered = { where: [...where], params: [...params] };
  const { column, direction } = ORDER[orderBy];
  if (page.after !== null) {
    const [key, id] = decodeCursor(page.after);
    const value = column === "created_at" ? new Date(Number(key)) : String(key);
    const op = direction === "ASC" ? ">" : "<";
    where.push(`(c.${column} ${op} ? OR (c.${column} = ? AND c.id ${op} ?))`);
    params.push(value, value, id);
  }
  const sql = `SELECT c.* FROM api_clients c WHERE ${where.join(" AND ")} ORDER BY c.${column} ${direction}, c.id ${direction} LIMIT ?`;
  const rows = await selectEntities(ctx.manager, ApiClient, sql, [...params, page.first + 1]);
  // A first page that holds everything is its own count.
  const totalCount = page.after === null && rows.length <= page.first ? rows.length : await countOf(ctx, filtered.where, filtered.params);
  const views = await withSecretState(ctx, rows.slice(0, page.first));
  const items = views.map((view) => ({ cursor: encodeCursor(column === "created_at" ? view.client.createdAt.getTime() : view.client.name, view.client.id), node: view }));
  return { items, hasNextPage: rows.length > page.first, endCursor: items.at(-1)?.cursor ?? null, totalCount };
}

async function countOf(ctx: Ctx, where: string[], params: Param[]): Promise<number> {
  const [row] = await selectRows(ctx.manager, `SELECT COUNT(*) AS n FROM api_clients c WHERE ${where.join(" AND ")}`, params);
  // MySQL's COUNT is a BIGINT, which the driver hands over as a string.
  return Number(row.n);
}
