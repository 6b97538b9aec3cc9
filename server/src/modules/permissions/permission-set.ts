import type { FieldError } from "../../common/errors.js";
import { PERSONAL_DATA_APIS } from "./default-catalog.js";
import type { PermissionCatalog, PresetName } from "./permission-catalog.js";

export type RoleLabel = PresetName | "custom";

/** `blogs.read` → `blogs`: the API part of a permission is its scope. */
export function scopeOf(permission: string): string {
  const dot = permission.indexOf(".");
  return dot === -1 ? permission : permission.slice(0, dot);
}

/**
 * Platform-level permissions, held only by system clients (clients of no organization, made
 * with the CLI): they manage organizations and see nothing inside any of them.
 */
export const SYSTEM_SCOPE = "system";
export const SYSTEM_PERMISSIONS = ["system.organizations.read", "system.organizations.write", "tokens.introspect"];
const SYSTEM_IMPLIES = new Map([["system.organizations.write", ["system.organizations.read"]]]);

/** The permissions a client may ever hold: those of its scopes, or the whole catalog. */
export function grantable(catalog: PermissionCatalog, scopes: string[] | null): string[] {
  if (scopes?.includes(SYSTEM_SCOPE)) return SYSTEM_PERMISSIONS;
  return scopes === null ? catalog.permissions : catalog.permissions.filter((permission) => scopes.includes(scopeOf(permission)));
}

function impliedBy(catalog: PermissionCatalog, permission: string): string[] {
  return catalog.implies.get(permission) ?? SYSTEM_IMPLIES.get(permission) ?? [];
}

/** Sorted into catalog order with every implication added ("Change" grants "View"). */
export function withImplications(catalog: PermissionCatalog, permissions: Iterable<string>): string[] {
  const result = new Set<string>();
  for (const permission of permissions) {
    result.add(permission);
    for (const implied of impliedBy(catalog, permission)) result.add(implied);
  }
  return [...catalog.permissions, ...SYSTEM_PERMISSIONS.filter((permission) => !catalog.permissions.includes(permission))].filter((permission) => result.has(permission));
}

/** Removes `revoked` and whatever implies them, so the result stays closed under implication. */
export function without(catalog: PermissionCatalog, current: string[], revoked: string[]): string[] {
  const gone = new Set(revoked);
  return current.filter((permission) => !gone.has(permission) && !impliedBy(catalog, permission).some((implied) => gone.has(implied)));
}

export function presetPermissions(catalog: PermissionCatalog, name: PresetName, scopes: string[] | null): string[] {
  const preset = catalog.presets.find((candidate) => candidate.name === name);
  if (preset === undefined) return [];
  const inScope = grantable(catalog, scopes).filter((permission) => !PERSONAL_DATA_APIS.includes(scopeOf(permission)));
  if (preset.actions === "*") return inScope;
  const actions = preset.actions;
  return withImplications(
    catalog,
    inScope.filter((permission) => actions.includes(permission.slice(scopeOf(permission).length + 1))),
  );
}

const labels = new WeakMap<PermissionCatalog, Map<string, RoleLabel>>();

/** reader/creator/admin when the permissions equal that preset over the client's scopes. */
export function roleLabel(catalog: PermissionCatalog, permissions: string[], scopes: string[] | null): RoleLabel {
  let known = labels.get(catalog);
  if (known === undefined) labels.set(catalog, (known = new Map()));
  const key = `${[...permissions].sort().join(" ")}|${scopes === null ? "*" : [...scopes].sort().join(" ")}`;
  let label = known.get(key);
  if (label === undefined) {
    label = computeRoleLabel(catalog, permissions, scopes);
    if (known.size >= 10_000) known.clear();
    known.set(key, label);
  }
  return label;
}

function computeRoleLabel(catalog: PermissionCatalog, permissions: string[], scopes: string[] | null): RoleLabel {
  if (permissions.length === 0) return "custom";
  const key = [...permissions].sort().join(" ");
  for (const preset of catalog.presets) {
    if ([...presetPermissions(catalog, preset.name, scopes)].sort().join(" ") === key) return preset.name;
  }
  return "custom";
}

const SYSTEM_ONLY = "system clients only (clients of no organization, made with the clavis CLI)";

/** True for the scope and permissions only system clients may hold, whatever the catalog says. */
export function isSystemOnly(scopeOrPermission: string): boolean {
  return scopeOrPermission === SYSTEM_SCOPE || scopeOrPermission.startsWith(`${SYSTEM_SCOPE}.`);
}

/**
 * Unknown permissions (with the valid list), system permissions for a client that is not a
 * system client (one whose scopes are not the system scope), and those outside the client's scopes.
 */
export function permissionErrors(catalog: PermissionCatalog, permissions: string[], scopes: string[] | null, field: string): FieldError[] {
  const errors: FieldError[] = [];
  const allowed = grantable(catalog, scopes);
  const known = (permission: string) => catalog.permissions.includes(permission) || SYSTEM_PERMISSIONS.includes(permission);
  const unknown = permissions.filter((permission) => !known(permission));
  if (unknown.length > 0) {
    const list = unknown.map((permission) => `"${permission}"`).join(", ");
    errors.push({ field, reason: "PERMISSIONS_UNKNOWN", params: { permissions: unknown.join(", ") }, message: `Unknown permission${unknown.length > 1 ? "s" : ""} ${list}. Valid permissions: ${allowed.join(", ")}` });
  }
  const systemOnly = scopes?.includes(SYSTEM_SCOPE) === true ? [] : permissions.filter((permission) => known(permission) && isSystemOnly(permission));
  if (systemOnly.length > 0) errors.push({ field, reason: "PERMISSIONS_SYSTEM_ONLY", params: { permissions: systemOnly.join(", ") }, message: `${systemOnly.join(", ")}: system permissions are for ${SYSTEM_ONLY}` });
  const outside = permissions.filter((permission) => known(permission) && !allowed.includes(permission) && !systemOnly.includes(permission));
  if (outside.length > 0) {
    errors.push({ field, reason: "PERMISSIONS_OUTSIDE_SCOPES", params: { permissions: outside.join(", "), scopes: (scopes ?? []).join(", ") }, message: `Outside the client's scopes (${(scopes ?? []).join(", ")}): ${outside.join(", ")}` });
  }
  return errors;
}

/** An organization client's scopes: APIs of the catalog, never the system scope. */
export function organizationScopeErrors(catalog: PermissionCatalog, scopes: string[] | null): FieldError[] {
  if (scopes === null) return [];
  if (scopes.includes(SYSTEM_SCOPE)) return [{ field: "scopes", reason: "SCOPE_SYSTEM_ONLY", message: `The system scope is for ${SYSTEM_ONLY}` }];
  return scopeErrors(catalog, scopes);
}

/** Unknown scope names among `scopes`. */
export function scopeErrors(catalog: PermissionCatalog, scopes: string[]): FieldError[] {
  const names = catalog.apis.map((api) => api.name);
  const unknown = scopes.filter((scope) => !names.includes(scope));
  if (scopes.length === 0) return [{ field: "scopes", reason: "SCOPES_EMPTY", message: "Give at least one scope, or leave scopes out to allow every API" }];
  return unknown.length === 0 ? [] : [{ field: "scopes", reason: "SCOPES_UNKNOWN", params: { scopes: unknown.join(", ") }, message: `Unknown scope${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}. Valid scopes: ${names.join(", ")}` }];
}
