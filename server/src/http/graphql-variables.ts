import {
  coerceInputValue,
  GraphQLError,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
  valueFromAST,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
} from "graphql";
import type { FieldError } from "../common/errors.js";

const MAX_PROBLEMS = 20;
const NAME = "[_A-Za-z][_0-9A-Za-z]*";
const TYPE = "[_A-Za-z0-9!\\[\\]]+";
// graphql-js writes the offending value into most coercion messages ("String cannot represent a
// non string value: [\"hunter2\"]"). Only these shapes, which name types and fields alone, are
// passed on; the first group, when present, is the field the message is about.
const STRUCTURAL = [
  new RegExp(`^Field "(${NAME})" is not defined by type "${NAME}"\\.`),
  new RegExp(`^Field "(${NAME})" of required type "${TYPE}" was not provided\\.`),
  new RegExp(`^Field "${NAME}" must be non-null\\.`),
  new RegExp(`^Expected type "${NAME}" to be an object\\.`),
  new RegExp(`^Exactly one key must be specified for OneOf type "${NAME}"\\.`),
  new RegExp(`^Expected non-nullable type "${TYPE}" not to be null\\.`),
];

class TooManyProblems extends Error {}

/**
 * The operation's variables coerced to their declared types, as execution would. A value that
 * does not fit is the caller's error: BAD_USER_INPUT with HTTP 400 (GraphQL over HTTP), with
 * messages that name the variable, the path and the expected type but never echo a value (a
 * password sent as a list must not come back in the answer) and suggest no field names.
 */
export function coerceVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, inputs: Record<string, unknown>): Record<string, unknown> {
  const coerced: Record<string, unknown> = {};
  const problems: { node: VariableDefinitionNode; field: FieldError }[] = [];
  const report = (node: VariableDefinitionNode, field: string, message: string) => {
    problems.push({ node, field: { field, reason: "INVALID_VARIABLES", message } });
    if (problems.length >= MAX_PROBLEMS) throw new TooManyProblems();
  };
  try {
    for (const node of operation.variableDefinitions ?? []) {
      const name = node.variable.name.value;
      // Validation has checked that every variable's type exists and is an input type.
      const type = typeFromAST(schema, node.type) as GraphQLInputType;
      if (!Object.hasOwn(inputs, name)) {
        if (node.defaultValue !== undefined) coerced[name] = valueFromAST(node.defaultValue, type);
        else if (isNonNullType(type)) report(node, name, `A value of type "${String(type)}" is required.`);
        continue;
      }
      if (inputs[name] === null && isNonNullType(type)) {
        report(node, name, `A value of type "${String(type)}" is required.`);
        continue;
      }
      coerced[name] = coerceInputValue(inputs[name], type, (path, _value, error) => report(node, ...describe(name, type, path, error.message)), true);
    }
  } catch (error) {
    if (!(error instanceof TooManyProblems)) throw error;
  }
  if (problems.length === 0) return coerced;
  const [first] = problems;
  const name = first.node.variable.name.value;
  const message =
    problems.length === 1 ? `Variable "$${name}" is invalid${first.field.field === name ? "" : ` at "${first.field.field}"`}: ${first.field.message}` : `${problems.length} variable values are invalid`;
  return badVariables(message, first.node, problems.map((problem) => problem.field));
}

function badVariables(message: string, node: VariableDefinitionNode, fields: FieldError[]): never {
  throw new GraphQLError(message, { nodes: node, extensions: { code: "BAD_USER_INPUT", reason: "INVALID_VARIABLES", params: {}, fields, http: { status: 400 } } });
}

function describe(name: string, type: GraphQLInputType, path: readonly (string | number)[], message: string): [string, string] {
  const at = name + path.map((key) => (typeof key === "number" ? `[${key}]` : `.${key}`)).join("");
  for (const shape of STRUCTURAL) {
    const match = shape.exec(message);
    if (match !== null) return [match[1] === undefined ? at : `${at}.${match[1]}`, match[0]];
  }
  const expected = typeAt(type, path);
  return [at, `Expected a value of type "${String(isNonNullType(expected) ? expected.ofType : expected)}".`];
}

function typeAt(type: GraphQLInputType, path: readonly (string | number)[]): GraphQLInputType {
  let current = type;
  for (const key of path) {
    const inner = isNonNullType(current) ? current.ofType : current;
    if (typeof key === "number" && isListType(inner)) current = inner.ofType;
    else if (typeof key === "string" && isInputObjectType(inner)) current = inner.getFields()[key]?.type ?? current;
  }
  return current;
}
