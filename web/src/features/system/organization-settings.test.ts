import { describe, expect, it } from "vitest";
import { NEW_ORGANIZATION, toSettings } from "./organization-settings";

describe("organization settings from the form", () => {
  it("turns typed limits into whole numbers and trims the name", () => {
    expect(toSettings({ ...NEW_ORGANIZATION, name: "  Acme  ", maxApiClients: " 25 " })).toEqual({ settings: { name: "Acme", apiClientsEnabled: false, maxApiClients: 25, maxTokensPerClient: 10, accessTokenTtlSeconds: 3600 } });
  });

  it("names every limit that is empty, fractional or not a number", () => {
    expect(toSettings({ ...NEW_ORGANIZATION, maxApiClients: "", maxTokensPerClient: "1.5", accessTokenTtlSeconds: "1h" })).toEqual({ notWhole: ["maxApiClients", "maxTokensPerClient", "accessTokenTtlSeconds"] });
  });

  it("leaves out-of-range numbers to the server, which names the allowed range", () => {
    expect(toSettings({ ...NEW_ORGANIZATION, maxApiClients: "-1" })).toEqual({ settings: expect.objectContaining({ maxApiClients: -1 }) });
  });
});
