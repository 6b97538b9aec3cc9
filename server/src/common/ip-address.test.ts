import { describe, expect, it } from "vitest";
import { ipAllowlist } from "./ip-address.js";
import { ipOrCidrProblem } from "./ip-syntax.js";

describe("ipOrCidrProblem", () => {
  it.each(["203.0.113.7", "10.0.0.0/8", "0.0.0.0/0", "::1", "2001:db8::/32", "fe80::1/128"])("accepts %s", (entry) => {
    expect(ipOrCidrProblem(entry)).toBeNull();
  });

  it.each([
    ["10.0.0.0/33", "has a prefix length outside 0–32"],
    ["2001:db8::/129", "has a prefix length outside 0–128"],
    ["10.0.0.0/x", "has a prefix length outside 0–32"],
    ["256.1.1.1", "is not an IPv4/IPv6 address or CIDR block"],
    ["example.com", "is not an IPv4/IPv6 address or CIDR block"],
    ["10.0.0.0/8/8", "is not an IPv4/IPv6 address or CIDR block"],
    ["", "is not an IPv4/IPv6 address or CIDR block"],
  ])("rejects %s", (entry, problem) => {
    expect(ipOrCidrProblem(entry)).toBe(problem);
  });
});

describe("ipAllowlist", () => {
  it("allows everyone when empty", () => {
    expect(ipAllowlist([])("198.51.100.1")).toBe(true);
  });

  it("matches IPv4 blocks and single addresses, including IPv4-mapped IPv6", () => {
    const allowed = ipAllowlist(["10.0.0.0/8", "203.0.113.7"]);
    expect(allowed("10.200.3.4")).toBe(true);
    expect(allowed("::ffff:10.1.1.1")).toBe(true);
    expect(allowed("203.0.113.7")).toBe(true);
    expect(allowed("203.0.113.8")).toBe(false);
    expect(allowed("11.0.0.1")).toBe(false);
  });

  it("matches IPv6 blocks", () => {
    const allowed = ipAllowlist(["2001:db8::/32", "::1"]);
    expect(allowed("2001:db8:1::5")).toBe(true);
    expect(allowed("::1")).toBe(true);
    expect(allowed("2001:db9::1")).toBe(false);
    expect(allowed("127.0.0.1")).toBe(false);
  });

  it("refuses an address it cannot parse", () => {
    expect(ipAllowlist(["10.0.0.0/8"])("garbage")).toBe(false);
  });
});
