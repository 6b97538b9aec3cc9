import type { Ctx } from "../../common/context.js";
import { AppError, badInput, type FieldError } from "../../common/errors.js";
import type { PermissionCatalog } from "../permissions/permission-catalog.js";
import { permissionErrors, withImplications, without } from "../permissions/permission-set.js";
import type { ApiClient } from "./api-client.entity.js";

export interface PermissionChange {
  grant?: string[] | null;
  revoke?: string[] | null;
  set?: string[] | null;
}

/** `set` replaces; `grant` then `revoke` adjust; implications are kept in both directions. */
export function resolvePermissionChange(catalog: PermissionCatalog, client: Pick<ApiClient, "permissions" | "scopes">, change: PermissionChange): string[] {
  const { grant, revoke, set } = change;
  if (set == null && grant == null && revoke == null) throw badInput([{ field: "set", reason: "PERMISSION_CHANGE_MISSING", message: "Give set, or grant and/or revoke" }]);
  if (set != null && (grant != null || revoke != null)) throw badInput([{ field: "set", reason: "PERMISSION_CHANGE_BOTH", message: "Use either set, or grant and revoke, not both" }]);
  const errors: FieldError[] = [
    ...permissionErrors(catalog, set ?? [], client.scopes, "set"),
    ...permissionErrors(catalog, grant ?? [], client.scopes, "grant"),
    ...permissionErrors(catalog, revoke ?? [], client.scopes, "revoke"),
  ];
  if (errors.length > 0) throw badInput(errors);
  const base = set != null ? withImplications(catalog, set) : client.permissions;
  return without(catalog, withImplications(catalog, [...base, ...(grant ?? [])]), revoke ?? []);
}

export function changeSummary(before: string[], after: string[]): { added: string[]; removed: string[] } {
  return { added: after.filter((p) => !before.includes(p)), removed: before.filter((p) => !after.includes(p)) };
}

/** A client acting through the API can never hand out a permission it does not hold itself. */
export function assertCanGrant(ctx: Ctx, permissions: string[]): void {
  if (ctx.actor.type !== "CLIENT") return;
  const held = ctx.actor.permissions;
  const missing = permissions.filter((permission) => !held.includes(permission));
  if (missing.length > 0) throw new AppError("FORBIDDEN", `A client cannot grant permissions it does not hold itself: ${missing.join(", ")}`);
}
