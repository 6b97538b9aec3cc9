import type { Ctx } from "../common/context.js";
import { ChangeEvent } from "./change-event.entity.js";

export type ChangeTopic = "api_client" | "organization";

/** Records that `subject` changed, in the caller's transaction, for other processes' caches. */
export async function publishChange(ctx: Ctx, topic: ChangeTopic, subject: string): Promise<void> {
  await ctx.manager.insert(ChangeEvent, { topic, subject, createdAt: new Date() });
}
