import type { ClientState } from "./client-state-cache.js";

/** RFC 6749 §3.3: the requested scope must be a subset of the client's permissions; none asks for all. */
export function grantedScope(state: ClientState, requested: string | undefined): { scope: string[] } | { problem: string } {
  const held = state.client.permissions;
  if (requested === undefined || requested.trim() === "") {
    return held.length === 0 ? { problem: "This client holds no permissions: grant it some first" } : { scope: held };
  }
  const asked = [...new Set(requested.trim().split(/ +/))];
  const missing = asked.filter((permission) => !held.includes(permission));
  if (missing.length > 0) return { problem: `The client does not hold ${missing.join(", ")}` };
  return { scope: held.filter((permission) => asked.includes(permission)) };
}
