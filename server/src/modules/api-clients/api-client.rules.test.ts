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
    expect(nameErrors("   ")).toEqual([{ field: "name", reason: "NAME_REQUIRED", message: "Name is required" }]);
    expect(nameErrors("x".repeat(101))).toEqual([{ field: "name", reason: "NAME_TOO_LONG", params: { max: 100, length: 101 }, message: "Name must be at most 100 characters (got 101)" }]);
    expect(nameErrors("x".repeat(100))).toEqual([]);
  });

  it("limits the description to 1000 characters", () => {
    expect(descriptionErrors("d".repeat(1000))).toEqual([]);
    expect(descriptionErrors("d".repeat(1001))).toEqual([{ field: "description", reason: "DESCRIPTION_TOO_LONG", params: { max: 1000, length: 1001 }, message: "Description must be at most 1000 characters (got 1001)" }]);
  });

  it.each(["abc", "reporting-service", "a.b_c-9", "x".repeat(64)])("accepts the client id %s", (id) => {
    expect(clientIdErrors(id)).toEqual([]);
  });

  it.each(["Reporting", "has space", "ümlaut", "a/b"])("rejects the characters of the client id %s", (id) => {
    expect(clientIdErrors(id)).toEqual([
      { field: "clientId", reason: "CLIENT_ID_CHARACTERS", params: { min: 3, max: 64, prefix: "" }, message: "Client id may hold only a-z, 0-9, dot, underscore and dash (3–64 characters)" },
    ]);
  });

  it.each(["ab", "x".repeat(65)])("rejects the length of the client id %s", (id) => {
    expect(clientIdErrors(id)).toEqual([{ field: "clientId", reason: "CLIENT_ID_LENGTH", params: { min: 3, max: 64, prefix: "" }, message: "Client id must be 3–64 characters" }]);
  });

  it("counts the organization's prefix and its dot within the 64 characters stored", () => {
    const prefix = "acme-ab-rpvn";
    expect(clientIdErrors("x".repeat(51), prefix)).toEqual([]);
    expect(`${prefix}.${"x".repeat(51)}`).toHaveLength(64);
    expect(clientIdErrors("x".repeat(52), prefix)).toEqual([
      {
        field: "clientId",
        reason: "CLIENT_ID_LENGTH",
        params: { min: 3, max: 51, prefix: "acme-ab-rpvn." },
        message: "Client id must be 3–51 characters; the client id becomes acme-ab-rpvn.<your id>, at most 64 characters",
      },
    ]);
  });

  it("requires an expiry in the future", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(expiresAtErrors(new Date("2026-01-02T00:00:00Z"), now)).toEqual([]);
    expect(expiresAtErrors(now, now)).toEqual([{ field: "expiresAt", reason: "EXPIRY_IN_PAST", message: "Expiry must be in the future" }]);
    expect(expiresAtErrors(new Date("nope"), now)).toEqual([{ field: "expiresAt", reason: "EXPIRY_INVALID", message: "Expiry is not a valid date" }]);
  });

  it("names each bad or duplicate IP entry", () => {
    expect(allowedIpsErrors(["10.0.0.0/8", "::1"])).toEqual([]);
    expect(allowedIpsErrors(["10.0.0.0/8", "nope", "10.0.0.0/8", "1.2.3.4/40"])).toEqual([
      { field: "allowedIps[1]", reason: "IP_INVALID", params: { entry: "nope" }, message: '"nope" is not an IPv4/IPv6 address or CIDR block' },
      { field: "allowedIps[3]", reason: "IP_PREFIX_RANGE", params: { entry: "1.2.3.4/40", max: 32 }, message: '"1.2.3.4/40" has a prefix length outside 0–32' },
      { field: "allowedIps[2]", reason: "ENTRY_DUPLICATE", params: { entry: "10.0.0.0/8", position: 1 }, message: '"10.0.0.0/8" is listed twice (also at position 1)' },
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
      { field: "redirectUris[1]", reason: "REDIRECT_URI_HTTP", params: { entry: "http://b.example/cb" }, message: '"http://b.example/cb" must use https (http is allowed only for localhost)' },
      { field: "redirectUris[2]", reason: "ENTRY_DUPLICATE", params: { entry: "https://a.example/cb", position: 1 }, message: '"https://a.example/cb" is listed twice (also at position 1)' },
    ]);
  });
});
