import { describe, expect, it } from "vitest";
import { clientSearchText, collationLanguage, foldForSearch, searchPattern } from "./client-search.js";

describe("client search", () => {
  it("folds case across Unicode, and composed and decomposed letters alike", () => {
    expect(foldForSearch("Contact: ÅSA Öberg")).toBe("contact: åsa öberg");
    expect(foldForSearch("A\u030asa")).toBe(foldForSearch("Åsa"));
    expect(foldForSearch("Straße")).toBe("strasse");
    expect(foldForSearch("ΣΊΣΥΦΟΣ")).toBe(foldForSearch("σίσυφος"));
  });

  it("keeps fields apart and escapes LIKE wildcards", () => {
    expect(clientSearchText({ name: "Ärende", clientId: "abc", description: "Åsa" })).toBe("ärende\u001fabc\u001fåsa");
    expect(searchPattern("  ÄRENDE ")).toBe("%ärende%");
    expect(searchPattern("50%_!")).toBe("%50!%!_!!%");
    expect(searchPattern("   ")).toBeNull();
  });

  it("sorts for a known language, from an argument or an Accept-Language header", () => {
    expect(collationLanguage("sv")).toBe("sv");
    expect(collationLanguage(null, "sv-SE,sv;q=0.9,en;q=0.8")).toBe("sv-SE");
    expect(collationLanguage(undefined, "*;q=0.5, en-GB")).toBe("en-GB");
    expect(collationLanguage("not a tag", undefined)).toBe("en");
  });
});
