import type { IncomingMessage, ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer } from "@apollo/server";
import type { AppServices } from "../app-services.js";
import { createCtx } from "../services.js";
import { GraphQLError } from "graphql";
import { isDatabaseUnavailable, outageOf, UNAVAILABLE_RETRY_AFTER_SECONDS } from "../db/database-outage.js";
import { resolveActor } from "./graphql-actor.js";
import { SERVICE_UNAVAILABLE, serviceUnavailableError } from "./graphql-status.js";
import type { GraphQLContext } from "./graphql-context.js";
import { BodyError, readJsonBody } from "./json-body.js";
import { startRequestLog } from "./logging.js";

/**
 * /graphql on bare node:http, like the OAuth routes: Apollo's own integration API, without
 * Express's router, body parser and ETag hashing on every answer.
 */
export function graphqlRoute(app: AppServices, apollo: ApolloServer<GraphQLContext>, clientIp: (req: IncomingMessage) => string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const ip = clientIp(req);
    const requestId = startRequestLog(app.logger, req, res, ip);
    serve(app, apollo, req, res, ip, requestId).catch((error: unknown) => {
      if (error instanceof BodyError) return send(res, error.status, JSON.stringify({ error: error.error, error_description: error.message }));
      app.logger.error({ err: error, reqId: requestId }, "unexpected error in /graphql");
      send(res, 500, JSON.stringify({ error: "server_error", error_description: "Internal server error" }));
    });
  };
}

async function serve(app: AppServices, apollo: ApolloServer<GraphQLContext>, req: IncomingMessage, res: ServerResponse, ip: string, requestId: string): Promise<void> {
  const body = await readJsonBody(req);
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const url = req.url ?? "";
  const query = url.indexOf("?");
  const answer = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? "GET").toUpperCase(), headers, search: query === -1 ? "" : url.slice(query), body },
    context: async () => {
      const anonymous = createCtx(app.dataSource, { type: "ANONYMOUS" }, { ip, requestId });
      const { actor, sessionToken } = await resolveActor(app, anonymous, req).catch((error: unknown) => {
        // Apollo answers a failed context with 500 unless the error names its HTTP status.
        if (!isDatabaseUnavailable(error)) throw error;
        outageOf(app.dataSource).failed(error);
        const http = { status: 503, headers: new HeaderMap([["retry-after", String(UNAVAILABLE_RETRY_AFTER_SECONDS)]]) };
        throw new GraphQLError(serviceUnavailableError().message, { extensions: { code: SERVICE_UNAVAILABLE, http } });
      });
      return { app, ctx: { ...anonymous, actor }, requestId, ip, res, sessionToken, acceptLanguage: req.headers["accept-language"] ?? null };
    },
  });
  for (const [name, value] of answer.headers) res.setHeader(name, value);
  if (answer.body.kind === "complete") return send(res, answer.status ?? 200, answer.body.string);
  res.statusCode = answer.status ?? 200;
  for await (const chunk of answer.body.asyncIterator) res.write(chunk);
  res.end();
}

function send(res: ServerResponse, status: number, payload: string): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  if (!res.hasHeader("content-type")) res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("content-length", Buffer.byteLength(payload));
  res.statusCode = status;
  res.end(payload);
}
