import { describe, expect, it } from "vitest";
import { complexityKey } from "./graphql-limits.js";

describe("complexityKey", () => {
  it("holds the numbers and booleans that can change an estimate, and no string or input object", () => {
    const key = complexityKey("c0ffee", "List", { password: "hunter2-secret", first: 25, withSecrets: true, after: null, input: { password: "nested-secret", first: 3 } });
    expect(key).toBe("c0ffee\u0000List\u0000first=25\u0000withSecrets=true\u0000after=null");
    expect(key).not.toContain("secret");
  });

  it("tells apart requests whose page size differs", () => {
    expect(complexityKey("c0ffee", null, { first: 10 })).not.toBe(complexityKey("c0ffee", null, { first: 100 }));
    expect(complexityKey("c0ffee", null, { email: "a@b.c" })).toBe(complexityKey("c0ffee", null, { email: "x@y.z" }));
  });
});
