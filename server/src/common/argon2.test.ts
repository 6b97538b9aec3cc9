import { describe, expect, it } from "vitest";
import { Gate, hashArgon2, verifyArgon2 } from "./argon2.js";

describe("Gate", () => {
  it("runs at most its limit at once and the rest in arrival order", async () => {
    const gate = new Gate(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const tasks = [0, 1, 2, 3, 4].map((n) =>
      gate.run(async () => {
        started.push(n);
        running += 1;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running -= 1;
        return n;
      }),
    );
    for (let released = 0; released < 5; released += 1) {
      await new Promise((resolve) => setImmediate(resolve));
      releases.shift()?.();
    }
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
  });

  it("frees the slot when a task fails", async () => {
    const gate = new Gate(1);
    await expect(gate.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await gate.run(async () => "next")).toBe("next");
  });
});

describe("argon2 through the gate", () => {
  it("verifies what it hashed, and says no to anything else or a malformed hash", async () => {
    const hash = await hashArgon2("correct horse", { memoryCost: 8192, timeCost: 1, parallelism: 1 });
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyArgon2(hash, "correct horse")).toBe(true);
    expect(await verifyArgon2(hash, "wrong horse")).toBe(false);
    expect(await verifyArgon2("not a hash", "correct horse")).toBe(false);
  });
});
