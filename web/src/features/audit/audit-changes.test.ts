import { describe, expect, it } from "vitest";
import en from "../../locales/en.json";
import sv from "../../locales/sv.json";
import { auditChanges, formatValue, type ValueContext } from "./audit-changes";

const catalog = [{ name: "blogs", title: { en: "Blogs", sv: "Bloggar" }, actions: [{ permission: "blogs.read", title: { en: "View", sv: "Visa" } }] }];
const context = (language: "en" | "sv"): ValueContext => {
  const messages: Record<string, string> = language === "en" ? en : sv;
  return { language, catalog, text: (key) => messages[key] ?? null };
};

describe("audit details", () => {
  it("reads changed fields as before and after, and other values as they are", () => {
    expect(auditChanges({ name: { from: "Traced", to: "Traced v2" }, allowedIps: { from: [], to: ["192.0.2.0/24"] } })).toEqual([
      { field: "name", before: "Traced", after: "Traced v2", changed: true },
      { field: "allowedIps", before: [], after: ["192.0.2.0/24"], changed: true },
    ]);
    expect(auditChanges({ added: ["blogs.write"], removed: [], permissions: ["blogs.read"], reason: "CLIENT_EXPIRED" }).map((change) => change.field)).toEqual(["added", "removed"]);
  });

  it("says values in the reader's language, with the catalog's labels", () => {
    expect(formatValue("permissions", ["blogs.read", "flows.run"], context("sv"))).toBe("Bloggar: Visa, flows.run");
    expect(formatValue("scopes", ["blogs"], context("sv"))).toBe("Bloggar");
    expect(formatValue("scopes", null, context("sv"))).toBe("Alla API:er");
    expect(formatValue("environment", "STAGING", context("sv"))).toBe("Test");
    expect(formatValue("role", "OWNER", context("sv"))).toBe("Ägare");
    expect(formatValue("gracePeriodSeconds", 3600, context("en"))).toBe("1 hour");
    expect(formatValue("gracePeriodSeconds", 86_400, context("sv"))).toBe("1 dygn");
    expect(formatValue("allowedIps", [], context("en"))).toBe("None");
    expect(formatValue("apiClientsEnabled", true, context("sv"))).toBe("Ja");
  });
});
