import { describe, expect, it } from "vitest";
import { pathOf } from "./logging.js";

describe("the logged path", () => {
  it("drops the query string", () => {
    expect(pathOf("/token?client_secret=x")).toBe("/token");
  });

  it("hides the token of an invitation link, whatever follows it", () => {
    expect(pathOf(`/invitation/clvinv_${"A".repeat(43)}`)).toBe("/invitation/[token]");
    expect(pathOf("/invitation/anything/else?x=1")).toBe("/invitation/[token]/else");
    expect(pathOf("/organization/1/members")).toBe("/organization/1/members");
  });
});
