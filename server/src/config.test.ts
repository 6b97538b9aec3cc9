import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("loadConfig accepted the environment");
}

describe("loadConfig", () => {
  it("uses documented defaults for an empty environment", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      host: "0.0.0.0",
      database: { kind: "sqlite", path: resolve("data/clavis.sqlite") },
      issuer: "http://localhost:4000",
      trustProxy: false,
      keyEncryptionKey: null,
      catalogPath: null,
      logLevel: "info",
      tenantHeader: "x-tenant-id",
      apiClientsDefault: true,
    });
  });

  it("derives the default issuer from PORT", () => {
    expect(loadConfig({ PORT: "8080" }).issuer).toBe("http://localhost:8080");
  });

  it("parses a mysql URL with encoded credentials", () => {
    const config = loadConfig({ DATABASE_URL: "mysql://clavis:p%40ss%3Aword@db.internal:3307/clavis_prod" });
    expect(config.database).toEqual({ kind: "mysql", host: "db.internal", port: 3307, user: "clavis", password: "p@ss:word", database: "clavis_prod", hosts: [{ host: "db.internal", port: 3307 }] });
  });

  it("takes several hosts of one cluster, in order, each with its own or the default port", () => {
    const config = loadConfig({ DATABASE_URL: "mysql://clavis:p%40ss@g1.internal:3306,g2.internal:3307,[::1]/clavis" });
    expect(config.database).toEqual({
      kind: "mysql",
      host: "g1.internal",
      port: 3306,
      user: "clavis",
      password: "p@ss",
      database: "clavis",
      hosts: [{ host: "g1.internal", port: 3306 }, { host: "g2.internal", port: 3307 }, { host: "::1", port: 3306 }],
    });
  });

  it("rejects a host list entry that is not host or host:port, without echoing the URL", () => {
    const error = errorOf({ DATABASE_URL: "mysql://u:hunter2secret@g1:3306,g2:notaport/db" });
    expect(error.message).toBe("Configuration error: DATABASE_URL has a host list entry that is not host or host:port (expected mysql://user:password@h1:3306,h2:3306/database)");
  });

  it("defaults the mysql port to 3306", () => {
    expect(loadConfig({ DATABASE_URL: "mysql://u:p@localhost/db" }).database).toMatchObject({ port: 3306 });
  });

  it("rejects an unknown database scheme naming the variable", () => {
    const error = errorOf({ DATABASE_URL: "postgres://u:secretpw@host/db" });
    expect(error.variable).toBe("DATABASE_URL");
    expect(error.message).toBe(
      'Configuration error: DATABASE_URL must be sqlite:<file> or mysql://user:password@host:3306/database (got scheme "postgres")',
    );
  });

  it("never echoes a database password in its error", () => {
    const error = errorOf({ DATABASE_URL: "mysql://u:hunter2secret@host:3306/" });
    expect(error.message).toBe("Configuration error: DATABASE_URL must name one database after the host, e.g. mysql://user:password@host:3306/clavis");
    expect(error.message).not.toContain("hunter2secret");
  });

  it("rejects a mysql URL without a user", () => {
    expect(errorOf({ DATABASE_URL: "mysql://host:3306/db" }).message).toContain("DATABASE_URL has no user name");
  });

  it("rejects an empty sqlite path", () => {
    expect(errorOf({ DATABASE_URL: "sqlite:" }).message).toContain("DATABASE_URL must name a file");
  });

  it.each([
    [{ PORT: "http" }, "PORT", 'Configuration error: PORT must be a whole number from 0 to 65535 (got "http")'],
    [{ PORT: "70000" }, "PORT", 'Configuration error: PORT must be a whole number from 0 to 65535 (got "70000")'],
    [{ CLAVIS_ISSUER: "not a url" }, "CLAVIS_ISSUER", 'Configuration error: CLAVIS_ISSUER must be an absolute http(s) URL (got "not a url")'],
    [{ CLAVIS_ISSUER: "ftp://x" }, "CLAVIS_ISSUER", 'Configuration error: CLAVIS_ISSUER must use http or https (got "ftp:")'],
    [{ CLAVIS_ISSUER: "https://id.example.com?x=1" }, "CLAVIS_ISSUER", "Configuration error: CLAVIS_ISSUER must not have a query or fragment"],
    [{ CLAVIS_TRUST_PROXY: "10.0.0.0/33" }, "CLAVIS_TRUST_PROXY", 'bad entry "10.0.0.0/33"'],
    [{ CLAVIS_TRUST_PROXY: "yes-please" }, "CLAVIS_TRUST_PROXY", 'bad entry "yes-please"'],
    [{ CLAVIS_KEY_ENCRYPTION_KEY: "short" }, "CLAVIS_KEY_ENCRYPTION_KEY", "must be at least 32 characters"],
    [{ CLAVIS_CATALOG: "/no/such/catalog.json" }, "CLAVIS_CATALOG", "names a file that does not exist"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL", 'Configuration error: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")'],
    [{ CLAVIS_TENANT_HEADER: "x tenant" }, "CLAVIS_TENANT_HEADER", "must be an HTTP header name"],
    [{ CLAVIS_API_CLIENTS_DEFAULT: "maybe" }, "CLAVIS_API_CLIENTS_DEFAULT", "must be one of on, off"],
  ])("rejects %j naming %s", (env, variable, message) => {
    const error = errorOf(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(message);
  });

  it("accepts a trust-proxy hop count, CIDR list and named ranges", () => {
    expect(loadConfig({ CLAVIS_TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ CLAVIS_TRUST_PROXY: "10.0.0.0/8, fd00::/8,loopback" }).trustProxy).toEqual(["10.0.0.0/8", "fd00::/8", "loopback"]);
    expect(loadConfig({ CLAVIS_TRUST_PROXY: "off" }).trustProxy).toBe(false);
  });

  it("normalises the issuer and tenant header", () => {
    const config = loadConfig({ CLAVIS_ISSUER: "https://auth.example.com/", CLAVIS_TENANT_HEADER: "X-iBinder-TenantId" });
    expect(config.issuer).toBe("https://auth.example.com");
    expect(config.tenantHeader).toBe("x-ibinder-tenantid");
  });

  it("reads the user directory (issue 15): a URL and a secret of 32 characters or more, a 3 s deadline by default", () => {
    expect(loadConfig({}).userDirectory).toBeNull();
    expect(loadConfig({}).impersonationTtlSeconds).toBe(900);
    const secret = "s".repeat(32);
    expect(loadConfig({ CLAVIS_USER_DIRECTORY_URL: "https://platform.example.com/clavis/users", CLAVIS_USER_DIRECTORY_SECRET: secret }).userDirectory).toEqual({
      url: "https://platform.example.com/clavis/users",
      secret,
      timeoutMs: 3000,
    });
    expect(loadConfig({ CLAVIS_USER_DIRECTORY_URL: "http://127.0.0.1:9/u", CLAVIS_USER_DIRECTORY_SECRET: secret, CLAVIS_USER_DIRECTORY_TIMEOUT_MS: "500", CLAVIS_IMPERSONATION_TOKEN_TTL: "300" })).toMatchObject({
      userDirectory: { timeoutMs: 500 },
      impersonationTtlSeconds: 300,
    });
  });

  it.each([
    [{ CLAVIS_USER_DIRECTORY_URL: "https://p.example.com/u" }, "CLAVIS_USER_DIRECTORY_SECRET"],
    [{ CLAVIS_USER_DIRECTORY_URL: "https://p.example.com/u", CLAVIS_USER_DIRECTORY_SECRET: "short" }, "CLAVIS_USER_DIRECTORY_SECRET"],
    [{ CLAVIS_USER_DIRECTORY_SECRET: "s".repeat(32) }, "CLAVIS_USER_DIRECTORY_SECRET"],
    [{ CLAVIS_USER_DIRECTORY_URL: "ftp://p.example.com/u", CLAVIS_USER_DIRECTORY_SECRET: "s".repeat(32) }, "CLAVIS_USER_DIRECTORY_URL"],
    [{ CLAVIS_USER_DIRECTORY_URL: "https://user:pw@p.example.com/u", CLAVIS_USER_DIRECTORY_SECRET: "s".repeat(32) }, "CLAVIS_USER_DIRECTORY_URL"],
    [{ CLAVIS_USER_DIRECTORY_URL: "https://p.example.com/u", CLAVIS_USER_DIRECTORY_SECRET: "s".repeat(32), CLAVIS_USER_DIRECTORY_TIMEOUT_MS: "60000" }, "CLAVIS_USER_DIRECTORY_TIMEOUT_MS"],
    [{ CLAVIS_IMPERSONATION_TOKEN_TTL: "10" }, "CLAVIS_IMPERSONATION_TOKEN_TTL"],
  ])("refuses a bad user-directory setting %#, naming the variable and never the secret", (env, variable) => {
    const error = errorOf(env as Record<string, string>);
    expect(error.variable).toBe(variable);
    expect(error.message).not.toContain("s".repeat(32));
    expect(error.message).not.toContain(":pw@");
  });

  it("reads the federation issuer allowlist (issue 17): https issuers, exactly as written, empty by default", () => {
    expect(loadConfig({}).federationIssuers).toEqual([]);
    expect(loadConfig({ CLAVIS_FEDERATION_ISSUERS: " https://token.actions.githubusercontent.com , https://k8s.example.com/issuer/ ,https://token.actions.githubusercontent.com" }).federationIssuers).toEqual([
      "https://token.actions.githubusercontent.com",
      "https://k8s.example.com/issuer/",
    ]);
  });

  it.each([
    ["http://token.actions.githubusercontent.com"],
    ["https://token.actions.githubusercontent.com,not a url"],
    ["https://user:pw@issuer.example.com"],
    ["https://issuer.example.com/?tenant=1"],
    ["https://issuer.example.com/#x"],
    [`https://issuer.example.com/${"a".repeat(250)}`],
  ])("refuses a federation issuer list that is not https issuer URLs: %s", (value) => {
    expect(errorOf({ CLAVIS_FEDERATION_ISSUERS: value }).variable).toBe("CLAVIS_FEDERATION_ISSUERS");
  });
});
