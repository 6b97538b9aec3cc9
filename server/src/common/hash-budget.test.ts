import { describe, expect, it } from "vitest";
import { HashBudget } from "./hash-budget.js";
import { throttleKey } from "./throttle-key.js";

describe("HashBudget", () => {
  it("grants `limit` slots per window, then says how long to wait", () => {
    const budget = new HashBudget(3, 60_000);
    expect([budget.take("a", 0), budget.take("a", 1), budget.take("a", 2)]).toEqual([null, null, null]);
    expect(budget.take("a", 1_000)).toBe(59);
    expect(budget.take("b", 1_000)).toBeNull();
    expect(budget.take("a", 60_000)).toBeNull();
  });

  it("tells how many slots a key has left, without taking one", async () => {
    const budget = new HashBudget(2, 60_000);
    expect(await budget.remaining("a", 0)).toBe(2);
    budget.take("a", 0);
    expect([await budget.remaining("a", 1), await budget.remaining("a", 2)]).toEqual([1, 1]);
    budget.take("a", 3);
    expect(await budget.remaining("a", 4)).toBe(0);
    expect(await budget.remaining("a", 60_000)).toBe(2);
  });

  it("charges by cost, so five-slot password hashes and one-slot secret checks share one budget", async () => {
    const budget = new HashBudget(10, 60_000);
    expect([budget.take("a", 0, 5), budget.take("a", 0, 1), budget.take("a", 0, 5), budget.take("a", 0, 4), budget.take("a", 0, 1)]).toEqual([null, null, 60, null, 60]);
    expect(await budget.remaining("a", 0)).toBe(0);
  });

  it("spends per address, or refuses with TOO_MANY_REQUESTS and the seconds to wait", async () => {
    const budget = new HashBudget(5, 60_000);
    await budget.spend("2001:db8::1", 5, 0);
    await expect(budget.spend("2001:db8::2", 1, 30_000)).rejects.toThrow(expect.objectContaining({ code: "TOO_MANY_REQUESTS", retryAfterSeconds: 30, message: "Too many requests from your address. Try again in 30 seconds." }));
    expect(() => budget.spend("2001:db8:0:1::1", 5, 30_000)).not.toThrow();
  });
});

describe("throttleKey", () => {
  it("keeps IPv4 addresses whole and counts IPv6 by /64", () => {
    expect(throttleKey("203.0.113.9")).toBe("203.0.113.9");
    expect(throttleKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(throttleKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(throttleKey("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(throttleKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(throttleKey("::1")).toBe("0:0:0:0::/64");
    expect(throttleKey(null)).toBe("unknown");
  });
});
