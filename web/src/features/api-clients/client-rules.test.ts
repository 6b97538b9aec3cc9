import { describe, expect, it } from "vitest";
import { chosenIdLimits, chosenIdProblem, finalClientId, ipProblemAt, listHasProblems, redirectProblemAt } from "./client-rules";

describe("validation as you type (the server's own rules)", () => {
  it("words IP problems with the texts of the server's reasons", () => {
    expect(ipProblemAt(["10.0.0.0/8", "10.0.0.0/99"], 1)).toBe("“10.0.0.0/99” has a prefix length outside 0–32.");
    expect(ipProblemAt(["::1", "::1"], 1)).toBe("“::1” is listed twice (also at position 1).");
    expect(ipProblemAt(["2001:db8::/32"], 0)).toBeUndefined();
  });

  it("words redirect URI problems with the texts of the server's reasons", () => {
    expect(redirectProblemAt(["http://example.com/cb"], 0)).toBe("“http://example.com/cb” must use https (http is allowed only for localhost).");
    expect(redirectProblemAt(["myapp://cb"], 0)).toBeUndefined();
    expect(listHasProblems([], ["https://x.example/#f"])).toBe(true);
  });
});

describe("a chosen client id, counted on the id that is stored", () => {
  it("leaves the chosen part what the 64 characters allow after the organization's prefix", () => {
    const limits = chosenIdLimits("acme-ab-rpvn");
    expect(limits).toEqual({ min: 3, max: 51, prefix: "acme-ab-rpvn." });
    expect(finalClientId("acme-ab-rpvn", "reporting-service")).toBe("acme-ab-rpvn.reporting-service");
    expect(chosenIdProblem("a".repeat(51), limits)).toBeUndefined();
    expect(finalClientId("acme-ab-rpvn", "a".repeat(51))).toHaveLength(64);
    expect(chosenIdProblem("a".repeat(52), limits)).toEqual({ key: "error.CLIENT_ID_LENGTH", params: limits });
    expect(chosenIdProblem("ab", limits)).toEqual({ key: "error.CLIENT_ID_LENGTH", params: limits });
    expect(chosenIdProblem("Reporting", limits)?.key).toBe("error.CLIENT_ID_CHARACTERS");
  });
});
