import "reflect-metadata";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildClavisSchema, printClavisSchema } from "./graphql.js";

describe("schema.graphql", () => {
  it("matches the schema the resolvers build (run `npm run schema` after changing them)", async () => {
    const committed = readFileSync(new URL("../../../schema.graphql", import.meta.url), "utf8");
    expect(printClavisSchema(await buildClavisSchema())).toBe(committed);
  });
});
