import { formatDate } from "../../lib/format";
import type { Language } from "../../lib/i18n";
import type { AuditCatalogApi } from "./audit.graphql";

/** One line of an event's details: a field with its value, or its value before and after. */
export interface AuditChange {
  field: string;
  before?: unknown;
  after: unknown;
  changed: boolean;
}

const isFromTo = (value: unknown): value is { from: unknown; to: unknown } => typeof value === "object" && value !== null && !Array.isArray(value) && "from" in value && "to" in value;

/**
 * The lines of `changes` as stored, whatever the event's age: a changed field is { from, to },
 * anything else a value. The reason is shown apart; the full permission list is left out where
 * what was added and removed says it.
 */
export function auditChanges(changes: Record<string, unknown>): AuditChange[] {
  return Object.entries(changes)
    .filter(([field]) => field !== "reason" && !(field === "permissions" && ("added" in changes || "removed" in changes)))
    .map(([field, value]) => (isFromTo(value) ? { field, before: value.from, after: value.to, changed: true } : { field, after: value, changed: false }));
}

export interface ValueContext {
  language: Language;
  catalog: AuditCatalogApi[];
  /** A text of the app's own, or null when it has none for `key`. */
  text(key: string, values?: Record<string, string | number>): string | null;
}

const PERMISSION_FIELDS = new Set(["permissions", "added", "removed"]);
const DURATION_FIELDS = new Set(["gracePeriodSeconds", "accessTokenTtlSeconds", "expiresIn"]);
const ROLE_VALUES: Record<string, string> = { OWNER: "role.owner", VIEWER: "role.viewer", reader: "role.reader", creator: "role.creator", admin: "role.admin" };
const ENVIRONMENT_VALUES: Record<string, string> = { LIVE: "env.live", STAGING: "env.staging" };
const MODE_VALUES: Record<string, string> = { login: "audit.value.modeLogin", impersonate: "audit.value.modeImpersonate" };

/** A stored value as a reader of `language` would say it: labels from the catalog, dates, durations. */
export function formatValue(field: string, value: unknown, context: ValueContext): string {
  const { language, catalog, text } = context;
  if (value === null || value === undefined || value === "") {
    if (field === "scopes") return text("audit.value.allApis") ?? "—";
    if (field === "expiresAt") return text("audit.value.never") ?? "—";
    return "—";
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return text("audit.value.none") ?? "—";
    return value.map((item) => formatValue(field, item, context)).join(", ");
  }
  if (typeof value === "boolean") return text(value ? "audit.value.yes" : "audit.value.no") ?? String(value);
  if (typeof value === "number") {
    if (DURATION_FIELDS.has(field)) return value === 0 ? (text("audit.value.noTime") ?? "0") : duration(value, language);
    return new Intl.NumberFormat(language).format(value);
  }
  if (typeof value !== "string") return JSON.stringify(value);
  if (PERMISSION_FIELDS.has(field)) return permissionLabel(value, catalog, language);
  // A token's scope: permissions separated by spaces (RFC 6749 §3.3).
  if (field === "scope") return value.split(" ").map((permission) => permissionLabel(permission, catalog, language)).join(", ");
  if (field === "mode" && MODE_VALUES[value] !== undefined) return text(MODE_VALUES[value]) ?? value;
  if (field === "scopes") return catalog.find((api) => api.name === value)?.title[language] ?? value;
  if (field === "role" && ROLE_VALUES[value] !== undefined) return text(ROLE_VALUES[value]) ?? value;
  if (field === "environment" && ENVIRONMENT_VALUES[value] !== undefined) return text(ENVIRONMENT_VALUES[value]) ?? value;
  if (field === "expiresAt" && !Number.isNaN(Date.parse(value))) return formatDate(value, language);
  if (field === "secretHint") return `…${value}`;
  return value;
}

function permissionLabel(permission: string, catalog: AuditCatalogApi[], language: Language): string {
  for (const api of catalog) {
    const action = api.actions.find((candidate) => candidate.permission === permission);
    if (action !== undefined) return `${api.title[language]}: ${action.title[language]}`;
  }
  return permission;
}

/** 3600 → "1 hour" / "1 timme": the largest whole unit. */
function duration(seconds: number, language: Language): string {
  const units: [Intl.NumberFormatOptions["unit"], number][] = [["day", 86_400], ["hour", 3600], ["minute", 60], ["second", 1]];
  const [unit, size] = units.find(([, length]) => seconds % length === 0) ?? ["second", 1];
  return new Intl.NumberFormat(language, { style: "unit", unit, unitDisplay: "long" }).format(seconds / size);
}
