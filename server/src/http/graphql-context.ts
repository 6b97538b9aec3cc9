import type { ServerResponse } from "node:http";
import type { AppServices } from "../app-services.js";
import type { Ctx } from "../common/context.js";

export interface GraphQLContext {
  app: AppServices;
  /** Who is calling, resolved once per request. */
  ctx: Ctx;
  requestId: string;
  ip: string;
  res: ServerResponse;
  sessionToken: string | null;
  /** The request's Accept-Language header, for answers sorted by language. */
  acceptLanguage: string | null;
}
