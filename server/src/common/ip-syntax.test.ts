import { isIP } from "node:net";
import { describe, expect, it } from "vitest";
import { ipOrCidrProblem, ipVersion } from "./ip-syntax.js";

const CASES = [
  "0.0.0.0", "255.255.255.255", "10.0.0.1", "256.0.0.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.-4", "",
  "::", "::1", "1::", "2001:db8::1", "2001:0db8:0000:0000:0000:ff00:0042:8329", "::ffff:192.0.2.1",
  "::192.0.2.1", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::1", "g::1", "1:2:3:4:5:6:7::", "::1:2:3:4:5:6:7",
  "1:2:3:4:5:6::7:8", "::ffff:999.0.0.1", ":1::", "1:::2", "a:b:c:d:e:f:1.2.3.4", "a:b:c:d:e:f:0:1.2.3.4", "localhost",
];

describe("ipVersion", () => {
  it.each(CASES)("agrees with node:net on %j", (text) => {
    expect(ipVersion(text)).toBe(isIP(text));
  });
});

it("refuses zone ids, which mean nothing in an allowlist (node:net accepts them)", () => {
  expect(ipVersion("fe80::1%eth0")).toBe(0);
  expect(ipOrCidrProblem("fe80::1%eth0")).toBe("is not an IPv4/IPv6 address or CIDR block");
});
