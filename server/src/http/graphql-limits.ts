import type { ApolloServerPlugin } from "@apollo/server";
import {
  GraphQLError,
  Kind,
  type ASTNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import { createRequire } from "node:module";
import { coerceVariables } from "./graphql-variables.js";

// Its ESM build imports graphql/index.mjs, a second copy of graphql beside the CommonJS one the
// schema is built with ("another module or realm"); the CommonJS build shares ours.
const { fieldExtensionsEstimator, getComplexity, simpleEstimator } = createRequire(import.meta.url)(
  "graphql-query-complexity",
) as typeof import("graphql-query-complexity");

export const MAX_QUERY_DEPTH = 10;
export const MAX_QUERY_COMPLEXITY = 2000;

/** Rejects operations nested deeper than `maxDepth` fields (fragments are followed). */
export function depthLimit(maxDepth: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const depthOf = (selectionSet: SelectionSetNode | undefined, seen: Set<string>): number => {
      if (selectionSet === undefined) return 0;
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value === "__typename") continue;
          deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, seen));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
        } else if (!seen.has(selection.name.value)) {
          const fragment = fragments.get(selection.name.value);
          deepest = Math.max(deepest, depthOf(fragment?.selectionSet, new Set([...seen, selection.name.value])));
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(node: ASTNode) {
        if (node.kind !== Kind.OPERATION_DEFINITION) return;
        const depth = depthOf(node.selectionSet, new Set());
        if (depth > maxDepth) {
          context.reportError(new GraphQLError(`Query depth ${depth} exceeds the maximum of ${maxDepth}`, { nodes: [node] }));
        }
      },
    };
  };
}

/**
 * The key under which an operation's estimate is kept: its query hash (never its text, which may
 * hold literals), operation name, and the variables that can change the estimate. Those are the
 * numbers (`first`) and booleans (`@include(if:)`); strings and input objects never count, so a
 * password sent as a variable is never kept here.
 */
export function complexityKey(queryHash: string, operationName: string | null, variables: Record<string, unknown>): string {
  let key = `${queryHash}\u0000${operationName ?? ""}`;
  for (const [name, value] of Object.entries(variables)) {
    if (typeof value === "number" || typeof value === "boolean" || value === null) key += `\u0000${name}=${String(value)}`;
  }
  return key;
}

/**
 * Estimates each operation's cost before it runs; lists count by their `first` argument. The
 * variables are coerced first (bad ones are the caller's error, see coerceVariables), and the
 * estimate is reused for requests that share a complexityKey.
 */
export function complexityLimit(maxComplexity: number): ApolloServerPlugin {
  const known = new Map<string, number>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation, queryHash }) {
          // No such operation in the document: execution answers that (400) before anything runs.
          if (operation === undefined) return;
          const variables = coerceVariables(schema, operation, request.variables ?? {});
          const key = complexityKey(queryHash, request.operationName ?? null, variables);
          let complexity = known.get(key);
          if (complexity === undefined) {
            complexity = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
            if (known.size >= 1000) known.clear();
            known.set(key, complexity);
          }
          if (complexity > maxComplexity) {
            throw new GraphQLError(`Query complexity ${complexity} exceeds the maximum of ${maxComplexity}`, {
              extensions: { code: "QUERY_TOO_COMPLEX", http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
