import { buildSchema, parse, type GraphQLError, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { coerceVariables } from "./graphql-variables.js";

const schema = buildSchema(`
  enum Role { OWNER VIEWER }
  input MemberInput { email: String! password: String role: Role tags: [String!] }
  type Query { ok(input: MemberInput, first: Int, secret: String): Boolean }
`);
const operation = parse(`query($input: MemberInput, $first: Int = 50, $secret: String!) { ok(input: $input, first: $first, secret: $secret) }`)
  .definitions[0] as OperationDefinitionNode;

function refusal(variables: Record<string, unknown>) {
  try {
    coerceVariables(schema, operation, variables);
  } catch (error) {
    const { message, extensions } = error as GraphQLError;
    return { message, code: extensions.code, fields: extensions.fields, http: extensions.http };
  }
  throw new Error("expected a refusal");
}

describe("coerceVariables", () => {
  it("returns the coerced values, defaults included", () => {
    expect(coerceVariables(schema, operation, { secret: "s", input: { email: "a@b.c", tags: "one" } })).toEqual({
      input: { email: "a@b.c", tags: ["one"] },
      first: 50,
      secret: "s",
    });
  });

  it("names variable, path and expected type, never the value", () => {
    const SECRET = "hunter2-secret";
    const cases = [
      { secret: [SECRET] },
      { secret: { SECRET } },
      { secret: "s", first: SECRET },
      { secret: "s", first: 2 ** 40 },
      { secret: "s", input: { email: "a@b.c", role: SECRET } },
      { secret: "s", input: { email: "a@b.c", tags: [SECRET, 5] } },
      { secret: "s", input: SECRET },
    ];
    for (const variables of cases) {
      const { message, code, fields, http } = refusal(variables);
      expect({ code, http }).toEqual({ code: "BAD_USER_INPUT", http: { status: 400 } });
      expect(JSON.stringify({ message, fields })).not.toContain(SECRET);
      expect(JSON.stringify({ message, fields })).not.toContain(String(2 ** 40));
    }
    expect(refusal({ secret: "s", input: { email: "a@b.c", tags: ["a", 5] } }).fields).toEqual([{ field: "input.tags[1]", reason: "INVALID_VARIABLES", message: 'Expected a value of type "String".' }]);
    expect(refusal({ secret: "s", input: { email: "a@b.c", role: "OWNR" } }).message).toBe('Variable "$input" is invalid at "input.role": Expected a value of type "Role".');
  });

  it("suggests no field names", () => {
    expect(refusal({ secret: "s", input: { email: "a@b.c", pasword: "x" } })).toMatchObject({
      message: 'Variable "$input" is invalid at "input.pasword": Field "pasword" is not defined by type "MemberInput".',
    });
  });

  it("refuses a missing or null required variable", () => {
    expect(refusal({}).fields).toEqual([{ field: "secret", reason: "INVALID_VARIABLES", message: 'A value of type "String!" is required.' }]);
    expect(refusal({ secret: null }).message).toBe('Variable "$secret" is invalid: A value of type "String!" is required.');
  });

  it("stops listing problems after twenty", () => {
    const { message, fields } = refusal({ secret: "s", input: { email: "a@b.c", tags: Array.from({ length: 1000 }, (_, i) => i) } });
    expect(message).toBe("20 variable values are invalid");
    expect(fields).toHaveLength(20);
  });
});
