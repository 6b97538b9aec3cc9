import { describe, expect, it } from "vitest";
import { withPendingEntry } from "./string-list-editor";

const noDuplicates = (values: string[], index: number) => (values.indexOf(values[index]) !== index ? "listed twice" : values[index].includes(" ") ? "has a space" : undefined);

describe("withPendingEntry", () => {
  it("keeps the list as it is when nothing is typed", () => {
    expect(withPendingEntry(["a"], "  ", noDuplicates)).toEqual({ values: ["a"] });
  });

  it("adds a valid typed entry, trimmed", () => {
    expect(withPendingEntry(["a"], " b ", noDuplicates)).toEqual({ values: ["a", "b"] });
  });

  it("refuses an invalid typed entry with its problem, never dropping it silently", () => {
    expect(withPendingEntry(["a"], "a", noDuplicates)).toEqual({ problem: "listed twice" });
    expect(withPendingEntry([], "b c", noDuplicates)).toEqual({ problem: "has a space" });
  });
});
