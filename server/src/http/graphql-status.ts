import type { ApolloServerPlugin } from "@apollo/server";
import { AppError } from "../common/errors.js";
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
