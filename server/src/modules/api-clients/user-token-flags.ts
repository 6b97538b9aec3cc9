import type { Ctx } from "../../common/context.js";
import { appError } from "../../common/errors.js";
import { ApiClient } from "./api-client.entity.js";

export interface UserTokenFlags {
  allowLogin: boolean;
  allowImpersonate: boolean;
}

const FLAGS: (keyof UserTokenFlags)[] = ["allowLogin", "allowImpersonate"];

/**
 * Issue 15: owners (the caller has passed the write check) and operators set the flags freely.
 * A client never changes its own, and changes another client's flag only if it has that flag
 * itself, so no token can widen what clients may do with platform users.
 */
export async function assertMaySetFlags(ctx: Ctx, targetId: string | null, before: UserTokenFlags, after: UserTokenFlags): Promise<void> {
  const actor = ctx.actor;
  const changed = FLAGS.filter((flag) => before[flag] !== after[flag]);
  if (changed.length === 0 || actor.type !== "CLIENT") return;
  if (targetId === actor.apiClientId) throw appError("FORBIDDEN", "USER_TOKEN_FLAGS_OWN", "An API client cannot change its own allowLogin or allowImpersonate");
  const own = await ctx.manager.findOneBy(ApiClient, { id: actor.apiClientId });
  const missing = changed.filter((flag) => own === null || !own[flag]);
  if (missing.length > 0) throw appError("FORBIDDEN", "USER_TOKEN_FLAGS_NOT_HELD", `An API client may change ${missing.join(" and ")} of another client only if it has ${missing.length === 1 ? "that flag" : "those flags"} itself`, { flags: missing.join(", ") });
}

/**
 * A new secret hands the caller everything the client may do, its flags included: a client
 * resets the secret of another client with allowLogin or allowImpersonate only if it has each
 * such flag itself (its own secret it may always reset). Owners and operators are not limited.
 */
export async function assertMayTakeFlags(ctx: Ctx, target: { id: string } & UserTokenFlags): Promise<void> {
  const actor = ctx.actor;
  if (actor.type !== "CLIENT" || target.id === actor.apiClientId) return;
  const held = FLAGS.filter((flag) => target[flag]);
  if (held.length === 0) return;
  const own = await ctx.manager.findOneBy(ApiClient, { id: actor.apiClientId });
  const missing = held.filter((flag) => own === null || !own[flag]);
  if (missing.length > 0) throw appError("FORBIDDEN", "USER_TOKEN_FLAGS_RESET_NOT_HELD", `An API client may reset the secret of a client with ${missing.join(" and ")} only if it has ${missing.length === 1 ? "that flag" : "those flags"} itself`, { flags: missing.join(", ") });
}
