import { describe, expect, it } from "vitest";
import { exactly } from "./exact-match.js";

describe("exactly", () => {
  const row = { clientId: "acme-rcuu.svc" };

  it("keeps a row whose stored value is the given one, byte for byte", () => {
    expect(exactly(row, (r) => r.clientId, "acme-rcuu.svc")).toBe(row);
  });

  it("drops a row a case-insensitive or space-padding collation matched", () => {
    expect(exactly(row, (r) => r.clientId, "ACME-RCUU.SVC")).toBeNull();
    expect(exactly(row, (r) => r.clientId, "acme-rcuu.svc ")).toBeNull();
    expect(exactly<typeof row>(null, (r) => r.clientId, "acme-rcuu.svc")).toBeNull();
  });
});
