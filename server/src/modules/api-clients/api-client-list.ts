import type { Ctx } from "../../common/context.js";
import { checkPageSize, cursorTime, decodeCursor, encodeCursor, type Page, type PageArgs } from "../../common/pagination.js";
import { selectEntities, selectRows } from "../../db/prepared-select.js";
import { secretsOf, secretState } from "./api-client-secrets.js";
import { ApiClient, type Environment } from "./api-client.entity.js";
import type { ApiClientView } from "./api-client.view.js";
import type { ClientListCache } from "./client-list-cache.js";
import { searchPattern } from "./client-search.js";

export type ApiClientOrder = "CREATED_ASC" | "CREATED_DESC" | "NAME_ASC" | "NAME_DESC";

export interface ApiClientFilter {
  /** Matches name, client id or description, case-insensitively in every script. */
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

/** How a page is read: the SQL's rows, at most `first + 1` of them, in order. */
type PageReader = (ctx: Ctx, where: string[], params: Param[]) => Promise<ApiClient[]>;

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
  /** The language names are sorted for (NAME_ASC, NAME_DESC): a BCP 47 tag Intl knows. */
  language = "en",
): Promise<Page<ApiClientView>> {
  checkPageSize(page.first);
  const where = ["c.organization_id = ?"];
  const params: Param[] = [organization.id];
  const like = searchPattern(filter.search);
  if (like !== null) {
    where.push("c.search_text LIKE ? ESCAPE '!'");
    params.push(like);
  }
  if (filter.environment) {
    where.push("c.environment = ?");
    params.push(filter.environment);
  }
  if (filter.expired === true) where.push("c.expires_at IS NOT NULL AND c.expires_at <= ?");
  if (filter.expired === false) where.push("(c.expires_at IS NULL OR c.expires_at > ?)");
  if (typeof filter.expired === "boolean") params.push(new Date());
  const { column, direction } = ORDER[orderBy];
  const read = column === "name" ? byName(page, direction, language) : byCreation(page, direction);
  // An expiry filter compares with the clock, so its answer is not kept.
  const key = cache === null || typeof filter.expired === "boolean" ? null : `${orderBy}\u0000${language}\u0000${where.join(" AND ")}\u0000${JSON.stringify([...params, page])}`;
  let list = key === null ? undefined : cache?.get(key, organization.clientsEtag);
  if (list === undefined) {
    const rows = await read(ctx, where, params);
    // A first page that holds everything is its own count.
    const totalCount = page.after === null && rows.length <= page.first ? rows.length : await countOf(ctx, where, params);
    const shown = rows.slice(0, page.first);
    const cursors = shown.map((client) => encodeCursor(column === "created_at" ? client.createdAt.getTime() : client.name, client.id));
    list = { rows, secrets: await secretsOf(ctx, shown), cursors, totalCount };
    if (key !== null) cache?.set(key, organization.clientsEtag, list);
  }
  const { cursors } = list;
  const items = secretState(list.rows.slice(0, page.first), list.secrets).map((view, i) => ({ cursor: cursors[i], node: view }));
  return { items, hasNextPage: list.rows.length > page.first, endCursor: items.at(-1)?.cursor ?? null, totalCount: list.totalCount };
}

/** Keyset pagination in SQL, by creation time and id. */
function byCreation(page: PageArgs, direction: "ASC" | "DESC"): PageReader {
  return (ctx, filterWhere, filterParams) => {
    const where = [...filterWhere];
    const params = [...filterParams];
    if (page.after !== null) {
      const [key, id] = decodeCursor(page.after);
      const at = cursorTime(key);
      const op = direction === "ASC" ? ">" : "<";
      where.push(`(c.created_at ${op} ? OR (c.created_at = ? AND c.id ${op} ?))`);
      params.push(at, at, id);
    }
    params.push(page.first + 1);
    return selectEntities(ctx.manager, ApiClient, `SELECT c.* FROM api_clients c WHERE ${where.join(" AND ")} ORDER BY c.created_at ${direction}, c.id ${direction} LIMIT ?`, params);
  };
}

/**
 * By name as the language sorts it (Swedish puts Å Ä Ö after Z; English "Ärende" beside
 * "Arende", "alpha" before "Zeta"), which neither database does portably. An organization has
 * at most a few hundred clients, so its matching clients are sorted here, then paged by the
 * cursor's name and id: a row added or removed between pages moves nothing else.
 */
function byName(page: PageArgs, direction: "ASC" | "DESC", language: string): PageReader {
  const collator = new Intl.Collator(language, { numeric: true });
  const sign = direction === "ASC" ? 1 : -1;
  const compare = (a: { name: string; id: string }, b: { name: string; id: string }) => sign * (collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return async (ctx, where, params) => {
    const rows = await selectEntities(ctx.manager, ApiClient, `SELECT c.* FROM api_clients c WHERE ${where.join(" AND ")}`, params);
    rows.sort(compare);
    let start = 0;
    if (page.after !== null) {
      const [name, id] = decodeCursor(page.after);
      const after = { name: String(name), id };
      start = rows.findIndex((row) => compare(row, after) > 0);
      if (start === -1) start = rows.length;
    }
    return rows.slice(start, start + page.first + 1);
  };
}

async function countOf(ctx: Ctx, where: string[], params: Param[]): Promise<number> {
  const [row] = await selectRows(ctx.manager, `SELECT COUNT(*) AS n FROM api_clients c WHERE ${where.join(" AND ")}`, params);
  // MySQL's COUNT is a BIGINT, which the driver hands over as a string.
  return Number(row.n);
}
