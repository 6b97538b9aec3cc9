import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildCatalog, CatalogError, loadCatalog } from "./permission-catalog.js";
import { grantable, organizationScopeErrors, permissionErrors, presetPermissions, roleLabel, scopeErrors, withImplications, without } from "./permission-set.js";

const catalog = loadCatalog(null);

describe("the built-in catalog", () => {
  it("holds the platform's APIs and Clavis's own", () => {
    expect(catalog.permissions).toEqual([
      "api.read",
      "api.write",
      "blogs.read",
      "blogs.create",
      "blogs.write",
      "flows.read",
      "flows.execute",
      "api-clients.read",
      "api-clients.write",
      "tokens.introspect",
      "members.read",
      "audit.read",
    ]);
  });

  it("titles actions in English and Swedish", () => {
    const blogs = catalog.apis.find((api) => api.name === "blogs");
    expect(blogs?.title).toEqual({ en: "Blogs", sv: "Bloggar" });
    expect(blogs?.actions.map((action) => action.title.sv)).toEqual(["Visa", "Skapa", "Ändra"]);
  });
});

describe("the example catalog file", () => {
  it("loads, and gains Clavis's own APIs", () => {
    const example = loadCatalog(fileURLToPath(new URL("./catalog.example.json", import.meta.url)));
    expect(example.apis.map((api) => api.name)).toEqual(["blogs", "documents", "flows", "users", "api-clients", "tokens", "members", "audit"]);
  });
});

describe("catalog validation", () => {
  const base = { actions: { read: { title: { en: "View", sv: "Visa" } } }, presets: {
    reader: { title: { en: "Reader", sv: "Läsare" }, actions: ["read"] },
    creator: { title: { en: "Creator", sv: "Skapare" }, actions: ["read"] },
    admin: { title: { en: "Admin", sv: "Admin" }, actions: "*" },
  } };

  it("rejects an API that lists an undeclared action", () => {
    expect(() => buildCatalog({ ...base, apis: [{ name: "x", title: { en: "X", sv: "X" }, actions: ["publish"] }] })).toThrow(
      new CatalogError('API "x" lists undeclared action "publish"'),
    );
  });

  it("rejects a duplicate API and a missing Swedish title", () => {
    const api = { name: "x", title: { en: "X", sv: "X" }, actions: ["read"] };
    expect(() => buildCatalog({ ...base, apis: [api, api] })).toThrow('API "x" is declared twice');
    expect(() => buildCatalog({ ...base, apis: [{ ...api, title: { en: "X" } }] })).toThrow('API "x" needs a title with en and sv');
  });

  it("reserves the system API name for system clients", () => {
    expect(() => buildCatalog({ ...base, apis: [{ name: "system", title: { en: "S", sv: "S" }, actions: ["read"] }] })).toThrow(
      new CatalogError(`API name "system" is reserved for Clavis's system clients`),
    );
  });

  it("rejects a catalog without presets", () => {
    expect(() => buildCatalog({ actions: base.actions, apis: [], presets: {} })).toThrow('preset "reader" is missing');
  });
});

describe("permission sets", () => {
  it("adds implied permissions: Change grants View", () => {
    expect(withImplications(catalog, ["blogs.write", "flows.execute"])).toEqual(["blogs.read", "blogs.write", "flows.read", "flows.execute"]);
  });

  it("revoking View also revokes what implies it", () => {
    expect(without(catalog, ["blogs.read", "blogs.create", "blogs.write", "api.read"], ["blogs.read"])).toEqual(["api.read"]);
    expect(without(catalog, ["blogs.read", "blogs.write"], ["blogs.write"])).toEqual(["blogs.read"]);
  });

  it("computes presets over the client's scopes", () => {
    expect(presetPermissions(catalog, "reader", ["blogs", "flows"])).toEqual(["blogs.read", "flows.read"]);
    expect(presetPermissions(catalog, "creator", ["blogs", "flows"])).toEqual(["blogs.read", "blogs.create", "flows.read"]);
    expect(presetPermissions(catalog, "admin", ["blogs"])).toEqual(["blogs.read", "blogs.create", "blogs.write"]);
    expect(presetPermissions(catalog, "admin", null)).toEqual(catalog.permissions.filter((permission) => !["members.read", "audit.read"].includes(permission)));
  });

  it("leaves the personal data of members and the audit trail out of every preset: granted only by name", () => {
    for (const preset of ["reader", "creator", "admin"] as const) {
      expect(presetPermissions(catalog, preset, null).filter((permission) => permission.startsWith("members.") || permission.startsWith("audit."))).toEqual([]);
    }
    expect(roleLabel(catalog, [...presetPermissions(catalog, "reader", null), "audit.read"], null)).toBe("custom");
  });

  it("labels a set by the preset it equals, else custom", () => {
    expect(roleLabel(catalog, ["flows.read", "blogs.read"], ["blogs", "flows"])).toBe("reader");
    expect(roleLabel(catalog, presetPermissions(catalog, "admin", null), null)).toBe("admin");
    expect(roleLabel(catalog, ["blogs.read"], null)).toBe("custom");
    expect(roleLabel(catalog, [], null)).toBe("custom");
  });

  it("lists the valid permissions when one is unknown", () => {
    expect(permissionErrors(catalog, ["blogs.publish", "blogs.read"], ["blogs"], "permissions")).toEqual([
      { field: "permissions", reason: "PERMISSIONS_UNKNOWN", params: { permissions: "blogs.publish" }, message: 'Unknown permission "blogs.publish". Valid permissions: blogs.read, blogs.create, blogs.write' },
    ]);
  });

  it("rejects permissions outside the client's scopes", () => {
    expect(permissionErrors(catalog, ["flows.read", "blogs.read"], ["blogs"], "grant")).toEqual([
      { field: "grant", reason: "PERMISSIONS_OUTSIDE_SCOPES", params: { permissions: "flows.read", scopes: "blogs" }, message: "Outside the client's scopes (blogs): flows.read" },
    ]);
    expect(grantable(catalog, ["tokens"])).toEqual(["tokens.introspect"]);
  });

  it("keeps system permissions and the system scope to system clients", () => {
    const systemOnly = "system permissions are for system clients only (clients of no organization, made with the clavis CLI)";
    expect(permissionErrors(catalog, ["system.organizations.write", "blogs.read"], null, "grant")).toEqual([{ field: "grant", reason: "PERMISSIONS_SYSTEM_ONLY", params: { permissions: "system.organizations.write" }, message: `system.organizations.write: ${systemOnly}` }]);
    expect(permissionErrors(catalog, ["system.organizations.read"], [], "set")).toEqual([{ field: "set", reason: "PERMISSIONS_SYSTEM_ONLY", params: { permissions: "system.organizations.read" }, message: `system.organizations.read: ${systemOnly}` }]);
    expect(permissionErrors(catalog, ["system.organizations.write", "tokens.introspect"], ["system"], "grant")).toEqual([]);
    expect(permissionErrors(catalog, ["tokens.introspect"], null, "grant")).toEqual([]);
    expect(organizationScopeErrors(catalog, ["blogs", "system"])).toEqual([
      { field: "scopes", reason: "SCOPE_SYSTEM_ONLY", message: "The system scope is for system clients only (clients of no organization, made with the clavis CLI)" },
    ]);
    expect(organizationScopeErrors(catalog, null)).toEqual([]);
    expect(organizationScopeErrors(catalog, ["blogs"])).toEqual([]);
  });

  it("rejects unknown and empty scopes", () => {
    expect(scopeErrors(catalog, ["blogs", "nope"])).toEqual([
      { field: "scopes", reason: "SCOPES_UNKNOWN", params: { scopes: "nope" }, message: "Unknown scope nope. Valid scopes: api, blogs, flows, api-clients, tokens, members, audit" },
    ]);
    expect(scopeErrors(catalog, [])).toEqual([{ field: "scopes", reason: "SCOPES_EMPTY", message: "Give at least one scope, or leave scopes out to allow every API" }]);
  });
});
