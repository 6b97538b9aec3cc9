import { SYSTEM_PERMISSIONS } from "./system-clients.graphql";

/** As the server has it (permission-set.ts): changing organizations includes reading them. */
const IMPLIES: Record<string, string[]> = { "system.organizations.write": ["system.organizations.read"] };

/**
 * The chosen permissions after ticking or clearing one: ticking adds what it implies, clearing
 * removes what implies it, so the boxes never show a set the server would widen. Catalog order.
 */
export function toggleSystemPermission(chosen: string[], permission: string, on: boolean): string[] {
  const next = new Set(chosen);
  if (on) [permission, ...(IMPLIES[permission] ?? [])].forEach((added) => next.add(added));
  else {
    next.delete(permission);
    for (const [wider, implied] of Object.entries(IMPLIES)) if (implied.includes(permission)) next.delete(wider);
  }
  return SYSTEM_PERMISSIONS.filter((candidate) => next.has(candidate));
}
