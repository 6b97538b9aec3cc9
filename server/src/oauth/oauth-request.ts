import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppServices } from "../app-services.js";
import type { Ctx } from "../common/context.js";
import { recordRateLimitRefusal } from "../common/metrics.js";
import { createCtx } from "../services.js";
import type { ClientCredentials } from "./client-credentials.js";
import { InvalidClient, TooManyAttempts, UnauthorizedClient } from "./oauth-errors.js";
import type { ClientState } from "../modules/tokens/client-state-cache.js";

export type OAuthHandler = (req: IncomingMessage, res: ServerResponse, ctx: Ctx) => Promise<void>;

export const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };

export function anonymousCtx(app: AppServices, ip: string, requestId: string): Ctx {
  return createCtx(app.dataSource, { type: "ANONYMOUS" }, { ip, requestId });
}

/** The authenticated client, or the RFC error that says no (never which half was wrong). */
export async function authenticateClient(app: AppServices, ctx: Ctx, credentials: ClientCredentials): Promise<{ state: ClientState; secretVersion: number }> {
  const outcome = "assertion" in credentials ? await app.services.clientAuth.authenticateAssertion(ctx, credentials.clientId, credentials.assertion) : await app.services.clientAuth.authenticate(ctx, credentials.clientId, credentials.secret);
  if (outcome.ok) return outcome;
  switch (outcome.kind) {
    case "throttled":
      recordRateLimitRefusal(outcome.why === "failures" ? "failed_authentications" : "hash_budget");
      throw new TooManyAttempts(outcome.retryAfterSeconds, outcome.why);
    case "unauthorized":
      throw new UnauthorizedClient(outcome.message);
    case "invalid":
      throw new InvalidClient(credentials.usedBasic);
  }
}
