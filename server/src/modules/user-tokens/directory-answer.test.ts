import { describe, expect, it } from "vitest";
import { parseDirectoryUser } from "./directory-answer.js";
import { directorySignature, isValidDirectorySignature } from "./directory-signature.js";

describe("parseDirectoryUser", () => {
  it("takes an id (a string, or a whole number as Decidim's), a username, and only allow-listed display claims", () => {
    expect(parseDirectoryUser({ id: 41, username: "alice", claims: { name: "Alice", locale: "sv", email: "a@example.com", admin: true } })).toEqual({ id: "41", username: "alice", claims: { name: "Alice", locale: "sv" } });
    expect(parseDirectoryUser({ id: "u-1" })).toEqual({ id: "u-1", username: null, claims: {} });
  });

  it("drops display claims that are not short strings", () => {
    expect(parseDirectoryUser({ id: "u-1", claims: { name: "x".repeat(201), nickname: 7 } })).toEqual({ id: "u-1", username: null, claims: {} });
  });

  it.each([[null], [[]], ["u-1"], [{}], [{ id: "" }], [{ id: " u-1" }], [{ id: "x".repeat(129) }], [{ id: 1.5 }], [{ id: "u\u0000" }], [{ id: "u", username: 3 }], [{ id: "u", claims: [] }]])(
    "is null for an answer that is not a user: %j",
    (body) => {
      expect(parseDirectoryUser(body)).toBeNull();
    },
  );
});

describe("directory request signatures", () => {
  const secret = "directory-shared-secret-0123456789-abcdef";
  const body = '{"organizationId":"o","mode":"login","username":"alice","password":"pw"}';

  it("is HMAC-SHA256 over the timestamp, a dot and the body, in hex after v1=", () => {
    // Computed independently: printf '%s' "1764000000.$body" | openssl dgst -sha256 -hmac "$secret"
    expect(directorySignature(secret, "1764000000", body)).toBe("v1=5c055939444b1cb287b90777fd809503aca0c8184123b405166197c440d22cb2");
    expect(directorySignature(secret, "1764000000", body)).not.toBe(directorySignature(secret, "1764000001", body));
  });

  it("is accepted fresh and refused stale, altered or under another secret", () => {
    const now = 1_764_000_000_000;
    const signature = directorySignature(secret, "1764000000", body);
    expect(isValidDirectorySignature(secret, "1764000000", body, signature, 60, now)).toBe(true);
    expect(isValidDirectorySignature(secret, "1764000000", body, signature, 60, now + 61_000)).toBe(false);
    expect(isValidDirectorySignature(secret, "1764000000", body.replace("alice", "bob"), signature, 60, now)).toBe(false);
    expect(isValidDirectorySignature(`${secret}x`, "1764000000", body, signature, 60, now)).toBe(false);
  });
});
