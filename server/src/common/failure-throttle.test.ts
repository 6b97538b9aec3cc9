import { describe, expect, it } from "vitest";
import { FailureThrottle } from "./failure-throttle.js";

const limits = { perAddress: 6, perAccountAndAddress: 2, perAccount: 4, windowMs: 60_000 };

/** `n` failed attempts for `account` from `address`; the answers of `begin`. */
function fail(throttle: FailureThrottle, account: string, address: string, n: number, now = 0): (number | null)[] {
  return Array.from({ length: n }, () => throttle.begin(account, address, now));
}

describe("FailureThrottle", () => {
  it("refuses an account from an address after its failures there, and nowhere else", () => {
    const throttle = new FailureThrottle(limits);
    expect(fail(throttle, "owner", "a", 3, 1_000)).toEqual([null, null, 60]);
    expect(throttle.begin("owner", "b", 1_000)).toBeNull();
    expect(throttle.begin("other", "a", 1_000)).toBeNull();
    expect(throttle.begin("owner", "a", 61_000)).toBeNull();
  });

  it("refuses an address after its failures for any accounts", () => {
    const throttle = new FailureThrottle({ ...limits, perAccount: 100 });
    for (let n = 0; n < 3; n += 1) expect(fail(throttle, `account-${n}`, "a", 2)).toEqual([null, null]);
    expect(throttle.begin("account-9", "a", 30_000)).toBe(30);
    expect(throttle.begin("account-9", "b", 30_000)).toBeNull();
  });

  it("under attack lets each address that has not failed for the account try, and refuses those that have", () => {
    const throttle = new FailureThrottle(limits);
    fail(throttle, "owner", "a", 2);
    fail(throttle, "owner", "b", 2);
    expect(throttle.begin("owner", "c", 10)).toBeNull();
    expect(throttle.begin("owner", "c", 10)).toBe(60);
    expect(throttle.begin("owner", "d", 10)).toBeNull();
    throttle.succeeded("owner", "d", 10);
    expect(throttle.begin("owner", "d", 10)).toBeNull();
  });

  it("takes back a success or a withdrawn attempt, so only failures count", () => {
    const throttle = new FailureThrottle(limits);
    for (let n = 0; n < 10; n += 1) {
      expect(throttle.begin("owner", "a")).toBeNull();
      throttle.succeeded("owner", "a");
      expect(throttle.begin("owner", "b")).toBeNull();
      throttle.withdrawn("owner", "b");
    }
    expect(fail(throttle, "owner", "a", 2)).toEqual([null, null]);
  });

  it("clears an address's failures for an account when it succeeds there", () => {
    const throttle = new FailureThrottle(limits);
    fail(throttle, "owner", "a", 1);
    throttle.begin("owner", "a");
    throttle.succeeded("owner", "a");
    expect(fail(throttle, "owner", "a", 2)).toEqual([null, null]);
  });
});
