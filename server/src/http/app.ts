import express, { type ErrorRequestHandler, type Express } from "express";
import type { AppServices } from "../app-services.js";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isDatabaseUnavailable, outageOf, UNAVAILABLE_RETRY_AFTER_SECONDS } from "../db/database-outage.js";
import { createApollo, buildClavisSchema } from "./graphql.js";
import { graphqlRoute } from "./graphql-route.js";
import { healthRoutes } from "./health.route.js";
import { requestLogger } from "./logging.js";
import { webSecurityHeaders } from "./security-headers.js";
import { jsonNotFound } from "./not-found.js";
import { webStatic } from "./web-static.js";

export interface HttpApp {
  handler: Express;
  /** /graphql, served ahead of Express. */
  graphql: (req: IncomingMessage, res: ServerResponse) => void;
  stop(): Promise<void>;
}

export async function createHttpApp(app: AppServices, clientIp: (req: IncomingMessage) => string): Promise<HttpApp> {
  const apollo = await createApollo(await buildClavisSchema(), app.logger, outageOf(app.dataSource));
  const handler = express();
  handler.disable("x-powered-by");
  handler.set("trust proxy", app.config.trustProxy);
  handler.use(requestLogger(app.logger));
  handler.use(webSecurityHeaders(app.config.issuer));
  handler.use(healthRoutes(app.dataSource));
  const web = webStatic(app.config.webDistPath);
  if (web !== null) handler.use(web);
  handler.use(jsonNotFound);
  handler.use(jsonErrors(app));
  return { handler, graphql: graphqlRoute(app, apollo, clientIp), stop: () => apollo.stop() };
}

/** Middleware errors become JSON with their status; the rest is a bare 500. */
function jsonErrors(app: AppServices): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (isDatabaseUnavailable(err)) {
      outageOf(app.dataSource).failed(err);
      if (!res.headersSent) res.status(503).set("retry-after", String(UNAVAILABLE_RETRY_AFTER_SECONDS)).json({ error: "temporarily_unavailable", error_description: "The database is unavailable" });
      return;
    }
    const status = typeof err?.status === "number" && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) app.logger.error({ err, reqId: res.locals.requestId }, "unhandled request error");
    const body =
      status === 404
        ? { error: "not_found", error_description: "Not found" }
        : status === 500
          ? { error: "server_error", error_description: "Internal server error" }
          : { error: "invalid_request", error_description: String(err.expose ? err.message : "Bad request") };
    if (!res.headersSent) res.status(status).json(body);
  };
}
