import { describe, expect, it } from "vitest";
import { customClaimsErrors, RESERVED_CLAIMS, tokenTtlErrors } from "./client-claims.rules.js";

const reasons = (claims: unknown) => customClaimsErrors(claims).map((error) => error.reason);

describe("custom claims rules", () => {
  it("accepts plain names, URIs and every kind of JSON value", () => {
    expect(customClaimsErrors({ tier: "gold", "a.b:c-d_e": 1, "https://acme.example/claims/x": [true, null, { y: "z" }], "urn:acme:unit": null })).toEqual([]);
  });

  it("accepts an object made without a prototype, as the GraphQL JSONObject scalar makes them", () => {
    expect(customClaimsErrors(Object.assign(Object.create(null), { tier: "gold" }))).toEqual([]);
  });

  it("refuses every reserved name in any case", () => {
    for (const name of RESERVED_CLAIMS) {
      expect(reasons({ [name]: 1 })).toEqual(["CLAIM_NAME_RESERVED"]);
      expect(reasons({ [name.toUpperCase()]: 1 })).toEqual(["CLAIM_NAME_RESERVED"]);
    }
  });

  it("refuses what is not a JSON object of JSON values", () => {
    for (const value of [null, [], "x", 1, { n: Number.NaN }, { n: Infinity }, { d: new Date() }, { u: undefined }]) expect(reasons(value)).toEqual(["CLAIMS_NOT_OBJECT"]);
  });

  it("refuses empty, spaced and control-character names and non-web URIs", () => {
    for (const name of ["", "a b", "tab\t", "é", "javascript:alert(1)", "ftp://x.example/y"]) expect(reasons({ [name]: 1 })).toEqual(["CLAIM_NAME_INVALID"]);
  });

  it("bounds nesting at three levels below a claim", () => {
    expect(reasons({ ok: [[[1]]] })).toEqual([]);
    expect(reasons({ deep: [[[[1]]]] })).toEqual(["CLAIM_TOO_DEEP"]);
  });

  it("bounds a client's lifetime from 60 seconds to its organization's", () => {
    expect(tokenTtlErrors(60, 600)).toEqual([]);
    expect(tokenTtlErrors(600, 600)).toEqual([]);
    for (const ttl of [59, 601, 60.5]) expect(tokenTtlErrors(ttl, 600).map((error) => error.reason)).toEqual(["TOKEN_TTL_RANGE"]);
  });
});
