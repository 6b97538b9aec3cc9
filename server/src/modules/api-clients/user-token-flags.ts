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
