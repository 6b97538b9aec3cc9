import { describe, expect, it } from "vitest";
import { toggleSystemPermission } from "./system-permissions";

describe("choosing system permissions", () => {
  it("adds reading organizations with changing them", () => {
    expect(toggleSystemPermission([], "system.organizations.write", true)).toEqual(["system.organizations.read", "system.organizations.write"]);
  });

  it("takes away changing organizations with reading them", () => {
    expect(toggleSystemPermission(["system.organizations.read", "system.organizations.write", "tokens.introspect"], "system.organizations.read", false)).toEqual(["tokens.introspect"]);
  });

  it("keeps reading when only changing is taken away, in catalog order", () => {
    expect(toggleSystemPermission(["tokens.introspect", "system.organizations.write", "system.organizations.read"], "system.organizations.write", false)).toEqual(["system.organizations.read", "tokens.introspect"]);
  });
});
