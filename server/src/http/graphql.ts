import { ApolloServer } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { lexicographicSortSchema, printSchema, type GraphQLFormattedError, type GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { AppError } from "../common/errors.js";
import type { Logger } from "../common/logger.js";
import { RESOLVERS } from "./resolvers.js";
import type { GraphQLContext } from "./graphql-context.js";
import { complexityLimit, depthLimit, MAX_QUERY_COMPLEXITY, MAX_QUERY_DEPTH } from "./graphql-limits.js";
import { isDatabaseUnavailable, type DatabaseOutage } from "../db/database-outage.js";
import { SERVICE_UNAVAILABLE, serviceUnavailableError, serviceUnavailableStatus, tooManyRequestsStatus } from "./graphql-status.js";
import { persistedQueriesRefused } from "./graphql-persisted-queries.js";

export function buildClavisSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: RESOLVERS, validate: false, emitSchemaFile: false });
}

export async function createApollo(schema: GraphQLSchema, logger: Logger, outage: DatabaseOutage | null = null): Promise<ApolloServer<GraphQLContext>> {
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    csrfPrevention: true,
    // Shutdown is ours (http/server.ts): Apollo would re-raise SIGTERM before in-flight requests finish.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    // No "Did you mean …?" in validation errors: they would list fields with introspection off (production).
    hideSchemaDetailsFromClientErrors: true,
    persistedQueries: false,
    validationRules: [depthLimit(MAX_QUERY_DEPTH)],
    // No HTTP caching of GraphQL answers here, so the per-field cache-control bookkeeping is off.
    // No landing page: Apollo's loads a script from its CDN into Clavis's origin, outside the CSP.
    plugins: [complexityLimit(MAX_QUERY_COMPLEXITY), tooManyRequestsStatus(), serviceUnavailableStatus(), ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled(), persistedQueriesRefused()],
    formatError: (formatted, error) => formatError(formatted, error, logger, outage),
  });
  await apollo.start();
  return apollo;
}

/** The one place GraphQL errors are shaped: AppErrors keep code and fields; the unexpected is hidden. */
function formatError(formatted: GraphQLFormattedError, error: unknown, logger: Logger, outage: DatabaseOutage | null): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (isDatabaseUnavailable(original) || formatted.extensions?.code === SERVICE_UNAVAILABLE) {
    outage?.failed(original);
    return serviceUnavailableError(formatted.path);
  }
  if (original instanceof AppError) {
    const extensions: Record<string, unknown> = { code: original.code, reason: original.reason, params: original.params };
    if (original.fields.length > 0) extensions.fields = original.fields;
    if (original.retryAfterSeconds !== null) extensions.retryAfterSeconds = original.retryAfterSeconds;
    return { message: original.message, path: formatted.path, locations: formatted.locations, extensions };
  }
  if (formatted.extensions?.code === "INTERNAL_SERVER_ERROR") {
    logger.error({ err: original, path: formatted.path }, "unexpected GraphQL error");
    return { message: "Internal server error", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
  }
  // The option above covers validation only; no other error may suggest names either.
  return { ...formatted, message: formatted.message.replace(/ ?Did you mean(.+?)\?$/, "") };
}

/** The SDL committed as schema.graphql: sorted, so it changes only when the schema does. */
export function printClavisSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
