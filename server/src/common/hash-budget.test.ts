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
