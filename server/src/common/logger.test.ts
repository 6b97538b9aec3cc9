import { describe, expect, it } from "vitest";
import { safeError } from "./logger.js";

describe("safeError", () => {
  it("keeps class, code and stack frames of an error, never its message or properties", () => {
    const error = Object.assign(new TypeError('Variable "$password" got invalid value ["hunter2"]\n    at hunter2'), {
      code: "ER_DUP_ENTRY",
      parameters: ["hunter2"],
      cause: new Error("caused by hunter2"),
    });
    const safe = safeError(error);
    expect(JSON.stringify(safe)).not.toContain("hunter2");
    expect(safe).toMatchObject({ type: "TypeError", code: "ER_DUP_ENTRY", cause: { type: "Error" } });
    expect(safe.stack).toMatch(/^ {4}at .*logger\.test\.ts:\d+:\d+\)?$/m);
  });

  it("says only the type of a thrown non-error", () => {
    expect(safeError("hunter2")).toEqual({ type: "string" });
  });
});
