import { describe, expect, it } from "vitest";
import { FailureThrottle, MAX_IN_FLIGHT } from "./failure-throttle.js";

const limits = { perAddress: 6, perAccountAndAddress: 2, perAccount: 4, windowMs: 60_000 };

/** `n` failed attempts for `account` from `address`, one after another; the answers of `begin`. */
function fail(throttle: FailureThrottle, account: string, address: string, n: number, now = 0): (number | null)[] {
  return Array.from({ length: n }, () => {
    const wait = throttle.begin(account, address, now);
    if (wait === null) throttle.failed(account, address, now);
    return wait;
  });
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
    expect(fail(throttle, "owner", "c", 2, 10)).toEqual([null, 60]);
    expect(throttle.begin("owner", "d", 10)).toBeNull();
    throttle.succeeded("owner", "d");
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

  it("never counts checks in flight against their caller, even while the account is under attack", () => {
    const throttle = new FailureThrottle(limits);
    fail(throttle, "owner", "x", 2);
    fail(throttle, "owner", "y", 2);
    const concurrent = Array.from({ length: 15 }, () => throttle.begin("owner", "home"));
    expect(concurrent).toEqual(Array(15).fill(null));
    for (let n = 0; n < 15; n += 1) throttle.succeeded("owner", "home");
    expect(throttle.begin("owner", "home")).toBeNull();
  });

  it("caps the checks in flight for one account from one address", () => {
    const throttle = new FailureThrottle(limits);
    for (let n = 0; n < MAX_IN_FLIGHT; n += 1) expect(throttle.begin("owner", "a")).toBeNull();
    expect(throttle.begin("owner", "a")).toBe(1);
    expect(throttle.begin("owner", "b")).toBeNull();
    throttle.withdrawn("owner", "a");
    expect(throttle.begin("owner", "a")).toBeNull();
  });
});
