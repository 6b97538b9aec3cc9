import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import { AppError } from "../common/errors.js";
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from "../db/database-outage.js";
import { recordRateLimitRefusal } from "../common/metrics.js";
import type { GraphQLContext } from "./graphql-context.js";

/**
 * A refused-for-now request is HTTP 429 with Retry-After (RFC 6585), like /token, so clients and
 * proxies back off without reading the body.
 */
export function tooManyRequestsStatus(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, errors }) {
          const refusal = errors?.map((error) => error.originalError).find((error) => error instanceof AppError && error.code === "TOO_MANY_REQUESTS") as AppError | undefined;
          if (refusal === undefined) return;
          recordRateLimitRefusal("graphql");
          response.http.status = 429;
          response.http.headers.set("retry-after", String(refusal.retryAfterSeconds ?? 60));
        },
      };
    },
  };
}

/** The code of a request refused because the database is away (HTTP 503 with Retry-After). */
export const SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";

export function serviceUnavailableError(path?: GraphQLFormattedError["path"]): GraphQLFormattedError {
  return {
    message: `The service is temporarily unavailable. Retry after ${UNAVAILABLE_RETRY_AFTER_SECONDS} seconds.`,
    ...(path === undefined ? {} : { path }),
    extensions: { code: SERVICE_UNAVAILABLE, retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS },
  };
}

/** The database is away: HTTP 503 with Retry-After, so load balancers and clients back off. */
export function serviceUnavailableStatus(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, errors }) {
          if (errors?.some((error) => isDatabaseUnavailable(error.originalError)) !== true) return;
          response.http.status = 503;
          response.http.headers.set("retry-after", String(UNAVAILABLE_RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
