import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppServices } from "../app-services.js";
import { startRequestLog } from "../http/logging.js";
import { introspectRoute } from "./introspect.route.js";
import { jwksRoute } from "./jwks.route.js";
import { metadataRoute } from "./metadata.route.js";
import { isDatabaseUnavailable, outageOf, UNAVAILABLE_RETRY_AFTER_SECONDS } from "../db/database-outage.js";
import { OAuthError, sendOAuthError, TemporarilyUnavailable } from "./oauth-errors.js";
import { anonymousCtx, type OAuthHandler } from "./oauth-request.js";
import { revokeRoute } from "./revoke.route.js";
import { tokenRoute } from "./token.route.js";
import { countTokenRequests } from "./token-metrics.js";

export type RawHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The one OAuth route table. These run on bare node:http, ahead of Express: /token is the
 * hottest path and needs none of Express's layers.
 */
export function oauthRoutes(app: AppServices, clientIp: (req: IncomingMessage) => string): (req: IncomingMessage) => RawHandler | null {
  const table = new Map<string, OAuthHandler>([
    ["POST /token", countTokenRequests(tokenRoute(app))],
    ["POST /introspect", introspectRoute(app)],
    ["POST /revoke", revokeRoute(app)],
    ["GET /.well-known/jwks.json", jwksRoute(app)],
    ["GET /.well-known/oauth-authorization-server", metadataRoute(app)],
  ]);
  const paths = new Set([...table.keys()].map((key) => key.slice(key.indexOf(" ") + 1)));
  const onUnexpected = (error: unknown) => app.logger.error({ err: error }, "unexpected error in an OAuth route");
  const outage = outageOf(app.dataSource);
  const fail = (res: ServerResponse, error: unknown) => {
    if (!isDatabaseUnavailable(error)) return sendOAuthError(res, error, onUnexpected);
    outage.failed(error);
    sendOAuthError(res, new TemporarilyUnavailable(UNAVAILABLE_RETRY_AFTER_SECONDS), onUnexpected);
  };
  return (req) => {
    const url = req.url ?? "";
    const query = url.indexOf("?");
    const path = query === -1 ? url : url.slice(0, query);
    if (!paths.has(path)) return null;
    const handler = table.get(`${req.method} ${path}`);
    return (request, res) => {
      const ip = clientIp(request);
      const requestId = startRequestLog(app.logger, request, res, ip);
      if (handler === undefined) {
        request.resume();
        res.setHeader("allow", [...table.keys()].filter((key) => key.endsWith(` ${path}`)).map((key) => key.split(" ")[0]).join(", "));
        sendOAuthError(res, new OAuthError("invalid_request", `${request.method} is not allowed on ${path}`, 405), onUnexpected);
        return;
      }
      handler(request, res, anonymousCtx(app, ip, requestId)).catch((error: unknown) => fail(res, error));
    };
  };
}
