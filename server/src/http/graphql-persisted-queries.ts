import type { ApolloServerPlugin } from "@apollo/server";

/**
 * Automatic persisted queries are off (`persistedQueries: false` in graphql.ts): the admin app and
 * the documented clients send whole queries, and APQ would let any anonymous caller store query
 * text in the server's memory. Apollo answers a persisted-query request with
 * PERSISTED_QUERY_NOT_SUPPORTED but HTTP 200; it is a request error, so 400 (GraphQL over HTTP).
 */
export function persistedQueriesRefused(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, errors }) {
          if (errors?.some((error) => error.extensions.code === "PERSISTED_QUERY_NOT_SUPPORTED")) response.http.status = 400;
        },
      };
    },
  };
}
