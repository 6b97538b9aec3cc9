import { describe, expect, it } from "vitest";
import { generateInvitationToken, hasInvitationTokenShape, hashInvitationToken, invitationUrl } from "./invitation-token.js";

describe("invitation tokens", () => {
  it("are clvinv_ and 32 random bytes in base64url, different every time", () => {
    const tokens = new Set(Array.from({ length: 50 }, generateInvitationToken));
    expect(tokens.size).toBe(50);
    for (const token of tokens) {
      expect(token).toMatch(/^clvinv_[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token.slice("clvinv_".length), "base64url")).toHaveLength(32);
      expect(hasInvitationTokenShape(token)).toBe(true);
    }
  });

  it("are stored as their SHA-256 in hex", () => {
    expect(hashInvitationToken("clvinv_abc")).toBe("fe21fb069c91527dcfbd520e688cc83408b88370cdecbd3db5918ae703df88e9");
    expect(hashInvitationToken("clvinv_abc")).not.toBe(hashInvitationToken("clvinv_abd"));
  });

  it("rejects anything else by shape", () => {
    for (const token of ["", "clvinv_", `clvinv_${"A".repeat(42)}`, `clvinv_${"A".repeat(44)}`, `clv_${"A".repeat(43)}`, `clvinv_${"A".repeat(42)}=`]) {
      expect(hasInvitationTokenShape(token)).toBe(false);
    }
  });

  it("builds the admin app's link from the issuer", () => {
    expect(invitationUrl("https://clavis.example.com", "clvinv_x")).toBe("https://clavis.example.com/invitation/clvinv_x");
  });
});
