import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";

describe("metrics configuration", () => {
  it("serves /metrics nowhere by default, and a metrics listener on loopback when only a port is given", () => {
    expect(loadConfig({}).metrics).toEqual({ port: null, host: "127.0.0.1", token: null });
    expect(loadConfig({ CLAVIS_METRICS_PORT: "9464" }).metrics).toEqual({ port: 9464, host: "127.0.0.1", token: null });
  });

  it("refuses a metrics port that is the public port or not a port", () => {
    expect(() => loadConfig({ PORT: "4000", CLAVIS_METRICS_PORT: "4000" })).toThrow("Configuration error: CLAVIS_METRICS_PORT must differ from PORT: the metrics listener is meant to stay off the public port");
    expect(() => loadConfig({ CLAVIS_METRICS_PORT: "70000" })).toThrow('Configuration error: CLAVIS_METRICS_PORT must be a whole number from 0 to 65535 (got "70000")');
  });

  it("refuses a metrics token shorter than 32 characters, without echoing it", () => {
    const attempt = () => loadConfig({ CLAVIS_METRICS_TOKEN: "short-token" });
    expect(attempt).toThrow("Configuration error: CLAVIS_METRICS_TOKEN must be at least 32 characters (try: openssl rand -hex 32)");
  });
});
