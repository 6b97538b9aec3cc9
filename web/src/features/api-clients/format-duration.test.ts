import { describe, expect, it } from "vitest";
import { translate } from "../../lib/i18n";
import { formatDuration } from "./format-duration";

describe("formatDuration", () => {
  it("says a token lifetime in the largest whole unit, in English and Swedish", () => {
    expect(formatDuration(3600, (key, values) => translate("en", key, values))).toBe("1 hour");
    expect(formatDuration(3600, (key, values) => translate("sv", key, values))).toBe("1 timme");
    expect(formatDuration(7200, (key, values) => translate("sv", key, values))).toBe("2 timmar");
    expect(formatDuration(900, (key, values) => translate("en", key, values))).toBe("15 minutes");
    expect(formatDuration(90, (key, values) => translate("en", key, values))).toBe("90 seconds");
    expect(formatDuration(86_400, (key, values) => translate("en", key, values))).toBe("1 day");
  });
});
