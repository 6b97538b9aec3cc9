import { describe, expect, it } from "vitest";
import {
  allowedIpsErrors,
  clientIdErrors,
  descriptionErrors,
  expiresAtErrors,
  nameErrors,
  redirectUriProblem,
  redirectUrisErrors,
} from "./api-client.rules.js";

describe("api client rules", () => {
  it("requires a name of 1–100 characters after trimming", () => {
    expect(nameErrors("Reporting")).toEqual([]);
    expect(nameErrors("   ")).toEqual([{ field: "name", message: "Name is required" }]);
    expect(nameErrors("x".repeat(101))).toEqual([{ field: "name", message: "Name must be at most 100 characters (got 101)" }]);
    expect(nameErrors("x".repeat(100))).toEqual([]);
  });

  it("limits the description to 1000 characters", () => {
    expect(descriptionErrors("d".repeat(1000))).toEqual([]);
    expect(descriptionErrors("d".repeat(1001))).toEqual([{ field: "description", message: "Description must be at most 1000 characters (got 1001)" }]);
  });

  it.each(["abc", "reporting-service", "a.b_c-9", "x".repeat(64)])("accepts the client id %s", (id) => {
    expect(clientIdErrors(id)).toEqual([]);
  });

  it.each(["ab", "Reporting", "has space", "x".repeat(65), "ümlaut", "a/b"])("rejects the client id %s", (id) => {
    expect(clientIdErrors(id)).toEqual([{ field: "clientId", message: "Client id must be 3–64 characters of a-z, 0-9, dot, underscore and dash" }]);
  });

  it("requires an expiry in the future", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(expiresAtErrors(new Date("2026-01-02T00:00:00Z"), now)).toEqual([]);
    expect(expiresAtErrors(now, now)).toEqual([{ field: "expiresAt", message: "Expiry must be in the future" }]);
    expect(expiresAtErrors(new Date("nope"), now)).toEqual([{ field: "expiresAt", message: "Expiry is not a valid date" }]);
  });

  it("names each bad or duplicate IP entry", () => {
    expect(allowedIpsErrors(["10.0.0.0/8", "::1"])).toEqual([]);
    expect(allowedIpsErrors(["10.0.0.0/8", "nope", "10.0.0.0/8", "1.2.3.4/40"])).toEqual([
      { field: "allowedIps[1]", message: '"nope" is not an IPv4/IPv6 address or CIDR block' },
      { field: "allowedIps[3]", message: '"1.2.3.4/40" has a prefix length outside 0–32' },
      { field: "allowedIps[2]", message: '"10.0.0.0/8" is listed twice (also at position 1)' },
    ]);
  });

  it.each([
    ["https://app.example.com/callback", null],
    ["https://app.example.com/cb?x=1", null],
    ["myapp://cb", null],
    ["com.example.app:/oauth2redirect", null],
    ["http://localhost:8080/cb", null],
    ["http://127.0.0.1/cb", null],
    ["http://example.com/cb", "must use https (http is allowed only for localhost)"],
    ["https://*.example.com/cb", "must not contain wildcards"],
    ["https://example.com/cb#frag", "must not contain a fragment"],
    ["/relative/cb", "is not an absolute URI with a scheme"],
    ["javascript:alert(1)", "must not use the javascript: scheme"],
    ["https://exa mple.com", "must not contain spaces"],
  ])("judges the redirect URI %s", (uri, problem) => {
    expect(redirectUriProblem(uri)).toBe(problem);
  });

  it("names each bad or duplicate redirect URI", () => {
    expect(redirectUrisErrors(["https://a.example/cb", "http://b.example/cb", "https://a.example/cb"])).toEqual([
      { field: "redirectUris[1]", message: '"http://b.example/cb" must use https (http is allowed only for localhost)' },
      { field: "redirectUris[2]", message: '"https://a.example/cb" is listed twice (also at position 1)' },
    ]);
  });
});
