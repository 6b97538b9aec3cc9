import type { Ctx } from "../../common/context.js";
import { checkPageSize, cursorTime, decodeCursor, encodeCursor, type Page, type PageArgs } from "../../common/pagination.js";
import { selectEntities, selectRows } from "../../db/prepared-select.js";
import { secretsOf, secretState } from "./api-client-secrets.js";
import { ApiClient, type Environment } from "./api-client.entity.js";
import type { ApiClientView } from "./api-client.view.js";
import type { ClientListCache } from "./client-list-cache.js";

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

/** The organization as just read for the access check: its clients etag dates what is read next. */
export interface ListedOrganization {
  id: string;
  clientsEtag: string;
}

/**
 * Keyset pagination over one organization's clients; the caller has checked access. The SQL is
 * assembled from fixed fragments only (values are always parameters), so each filter shape is
 * one prepared statement. With a cache, an unchanged list (same etag) is not read again.
 */
export async function listApiClients(
  ctx: Ctx,
  organization: ListedOrganization,
  page: PageArgs,
  filter: ApiClientFilter,
  orderBy: ApiClientOrder,
  cache: ClientListCache | null,
): Promise<Page<ApiClientView>> {
  checkPageSize(page.first);
  const where = ["c.organization_id = ?"];
  const params: Param[] = [organization.id];
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
  if (typeof filter.expired === "boolean") params.push(new Date());
  const filtered = { where: [...where], params: [...params] };
  const { column, direction } = ORDER[orderBy];
  if (page.after !== null) {
    const [key, id] = decodeCursor(page.after);
    const value = column === "created_at" ? cursorTime(key) : String(key);
    const op = direction === "ASC" ? ">" : "<";
    where.push(`(c.${column} ${op} ? OR (c.${column} = ? AND c.id ${op} ?))`);
    params.push(value, value, id);
  }
  params.push(page.first + 1);
  const sql = `SELECT c.* FROM api_clients c WHERE ${where.join(" AND ")} ORDER BY c.${column} ${direction}, c.id ${direction} LIMIT ?`;
  // An expiry filter compares with the clock, so its answer is not kept.
  const key = cache === null || typeof filter.expired === "boolean" ? null : `${sql}\u0000${JSON.stringify(params)}`;
  let list = key === null ? undefined : cache?.get(key, organization.clientsEtag);
  if (list === undefined) {
    const rows = await selectEntities(ctx.manager, ApiClient, sql, params);
    // A first page that holds everything is its own count.
    const totalCount = page.after === null && rows.length <= page.first ? rows.length : await countOf(ctx, filtered.where, filtered.params);
    const shown = rows.slice(0, page.first);
    const cursors = shown.map((client) => encodeCursor(column === "created_at" ? client.createdAt.getTime() : client.name, client.id));
    list = { rows, secrets: await secretsOf(ctx, shown), cursors, totalCount };
    if (key !== null) cache?.set(key, organization.clientsEtag, list);
  }
  const { cursors } = list;
  const items = secretState(list.rows.slice(0, page.first), list.secrets).map((view, i) => ({ cursor: cursors[i], node: view }));
  return { items, hasNextPage: list.rows.length > page.first, endCursor: items.at(-1)?.cursor ?? null, totalCount: list.totalCount };
}

async function countOf(ctx: Ctx, where: string[], params: Param[]): Promise<number> {
  const [row] = await selectRows(ctx.manager, `SELECT COUNT(*) AS n FROM api_clients c WHERE ${where.join(" AND ")}`, params);
  // MySQL's COUNT is a BIGINT, which the driver hands over as a string.
  return Number(row.n);
}
