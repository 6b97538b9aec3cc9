import { describe, expect, it } from "vitest";
import { composeClientId, generateClientId } from "./client-id.js";

describe("client ids", () => {
  it("joins slug and chosen id with a dot, which no slug contains", () => {
    expect(composeClientId("acme-rcuu", "team-jxmk-billing")).toBe("acme-rcuu.team-jxmk-billing");
    expect(composeClientId("acme-rcuu-team-jxmk", "billing")).toBe("acme-rcuu-team-jxmk.billing");
  });

  it("fits the longest slug and chosen id in the 110-character column", () => {
    expect(composeClientId("a".repeat(40), "b".repeat(64))).toHaveLength(105);
  });

  it("generates 24 characters of a-z and 0-9: never a dot, so never the form of a chosen id", () => {
    expect(generateClientId()).toMatch(/^[a-z0-9]{24}$/);
  });
});
