import { checkPageSize, decodeCursor, encodeCursor, type Page, type PageArgs } from "../../common/pagination.js";
import { foldForSearch } from "../api-clients/client-search.js";
import type { Organization } from "./organization.entity.js";

/** Case folded as client search folds, and accents dropped: "malmo" finds "Malmö". */
export function foldAccents(text: string): string {
  return foldForSearch(text).normalize("NFD").replace(/\p{M}/gu, "");
}

export function organizationMatches(organization: Organization, search: string): boolean {
  const needle = foldAccents(search.trim());
  return needle === "" || [organization.name, organization.slug, organization.id].some((field) => foldAccents(field).includes(needle));
}

/**
 * One page of organizations by name, as the language sorts names (then id), after a cursor of
 * the last (name, id) seen. The platform has organizations in the thousands at most, so the
 * folding and ordering happen here, the same on every database.
 */
export function organizationPage(all: Organization[], search: string | null, page: PageArgs, language: string): Page<Organization> {
  checkPageSize(page.first);
  const collator = new Intl.Collator(language, { numeric: true });
  const compare = (a: { name: string; id: string }, b: { name: string; id: string }) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const matching = all.filter((organization) => search == null || organizationMatches(organization, search)).sort(compare);
  let start = 0;
  if (page.after !== null) {
    const [name, id] = decodeCursor(page.after);
    const last = { name: String(name), id };
    start = matching.findIndex((organization) => compare(organization, last) > 0);
    if (start === -1) start = matching.length;
  }
  const rows = matching.slice(start, start + page.first + 1);
  const items = rows.slice(0, page.first).map((node) => ({ cursor: encodeCursor(node.name, node.id), node }));
  return { items, hasNextPage: rows.length > page.first, endCursor: items.at(-1)?.cursor ?? null, totalCount: matching.length };
}
