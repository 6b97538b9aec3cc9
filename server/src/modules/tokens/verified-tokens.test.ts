import { describe, expect, it } from "vitest";
import type { AccessTokenClaims } from "./token.service.js";
import { VerifiedTokens, type VerifiedEntry } from "./verified-tokens.js";

const claims = { client_id: "c1", scope: "", org_id: null, env: "live" } as AccessTokenClaims;
const entry = (checkedAt: number, apiClientId = "a1", expiresAt = checkedAt + 3_600_000): VerifiedEntry => ({ claims, apiClientId, secretVersion: 1, issuedAt: checkedAt, expiresAt, checkedAt });

describe("VerifiedTokens", () => {
  it("remembers a verified token for less than its maximum age", () => {
    const cache = new VerifiedTokens(500);
    cache.set("t", entry(1000));
    expect(cache.get("t", 1499)?.apiClientId).toBe("a1");
    expect(cache.get("t", 1500)).toBeUndefined();
    expect(cache.get("t", 1200)).toBeUndefined();
  });

  it("forgets a token at its expiry even within the maximum age", () => {
    const cache = new VerifiedTokens(500);
    cache.set("t", entry(1000, "a1", 1100));
    expect(cache.get("t", 1099)).toBeDefined();
    expect(cache.get("t", 1100)).toBeUndefined();
  });

  it("drops the client's tokens when one of its tokens changes, and only that client's", () => {
    const cache = new VerifiedTokens(500);
    cache.set("t1", entry(1000, "a1"));
    cache.set("t2", entry(1000, "a2"));
    cache.tokensChanged("a1", 1100);
    expect(cache.get("t1", 1200)).toBeUndefined();
    expect(cache.get("t2", 1200)).toBeDefined();
  });

  it("does not remember a check that began before a change, even if it ends after", () => {
    const cache = new VerifiedTokens(500);
    cache.tokensChanged("a1", 1000);
    cache.set("t", entry(1000));
    expect(cache.get("t", 1001)).toBeUndefined();
    cache.set("t", entry(1001));
    expect(cache.get("t", 1002)).toBeDefined();
  });

  it("stays within its size by dropping the oldest entries", () => {
    const cache = new VerifiedTokens(500, 3);
    for (const token of ["a", "b", "c", "d"]) cache.set(token, entry(1000));
    expect(cache.get("a", 1001)).toBeUndefined();
    expect(cache.get("d", 1001)).toBeDefined();
    for (const id of ["x1", "x2", "x3", "x4"]) cache.tokensChanged(id, 1002);
    expect(cache.get("d", 1003)).toBeUndefined();
  });
});
