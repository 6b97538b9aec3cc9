import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { ipOrCidrProblem } from "./common/ip-syntax.js";

export type DatabaseConfig =
  | { kind: "sqlite"; path: string }
  | { kind: "mysql"; host: string; port: number; user: string; password: string; database: string; hosts: DatabaseHost[] };

/** One server of a MySQL/MariaDB URL; several (a Galera cluster) are tried in order. */
export interface DatabaseHost {
  host: string;
  port: number;
}

export type TrustProxy = false | number | string[];

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

/** Where /metrics is served (docs/metrics.md); with neither set, nowhere. */
export interface MetricsConfig {
  /** A listener of its own, serving /metrics without a token; null for none. */
  port: number | null;
  host: string;
  /** The bearer token that opens /metrics on the main port; null keeps it 404 there. */
  token: string | null;
}

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  issuer: string;
  trustProxy: TrustProxy;
  metrics: MetricsConfig;
  keyEncryptionKey: string | null;
  catalogPath: string | null;
  logLevel: LogLevel;
  tenantHeader: string;
  apiClientsDefault: boolean;
  webDistPath: string;
  /** The platform's user directory for user tokens (issue 15); null when not configured. */
  userDirectory: UserDirectoryConfig | null;
  /** Impersonation tokens live at most this long (or the organization's lifetime if shorter). */
  impersonationTtlSeconds: number;
  /** CLAVIS_FEDERATION_ISSUERS (issue 17): the only issuers federated credentials may name, and the only ones ever fetched. */
  federationIssuers: string[];
}

export interface UserDirectoryConfig {
  url: string;
  /** Signs every request (HMAC-SHA256); never logged. */
  secret: string;
  timeoutMs: number;
}

/** A bad environment variable; `main` prints the message alone, without a stack. */
export class ConfigError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`Configuration error: ${variable} ${detail}`);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS: LogLevel[] = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
const PROXY_NAMES = ["loopback", "linklocal", "uniquelocal"];
const HEADER_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Reads and validates the environment once; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const port = parsePort(env.PORT);
  return {
    port,
    host: nonEmpty(env, "HOST") ?? "0.0.0.0",
    database: parseDatabaseUrl(nonEmpty(env, "DATABASE_URL") ?? "sqlite:data/clavis.sqlite"),
    issuer: parseIssuer(nonEmpty(env, "CLAVIS_ISSUER") ?? `http://localhost:${port}`),
    trustProxy: parseTrustProxy(nonEmpty(env, "CLAVIS_TRUST_PROXY")),
    metrics: parseMetrics(env, port),
    keyEncryptionKey: parseKeyEncryptionKey(nonEmpty(env, "CLAVIS_KEY_ENCRYPTION_KEY")),
    catalogPath: parseCatalogPath(nonEmpty(env, "CLAVIS_CATALOG")),
    logLevel: parseChoice(env, "LOG_LEVEL", LOG_LEVELS, "info"),
    tenantHeader: parseTenantHeader(nonEmpty(env, "CLAVIS_TENANT_HEADER")),
    apiClientsDefault: parseChoice(env, "CLAVIS_API_CLIENTS_DEFAULT", ["on", "off"], "on") === "on",
    webDistPath: resolve(nonEmpty(env, "CLAVIS_WEB_DIST") ?? "web/dist"),
    userDirectory: parseUserDirectory(env),
    impersonationTtlSeconds: parseBoundedInteger(env, "CLAVIS_IMPERSONATION_TOKEN_TTL", 60, 86_400, 900),
    federationIssuers: parseFederationIssuers(nonEmpty(env, "CLAVIS_FEDERATION_ISSUERS")),
  };
}

function nonEmpty(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return 4000;
  const port = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || port > 65535) {
    throw new ConfigError("PORT", `must be a whole number from 0 to 65535 (got "${raw}")`);
  }
  return port;
}

/** Never echoes the URL back: it may hold a password. */
export function parseDatabaseUrl(raw: string): DatabaseConfig {
  if (raw.startsWith("sqlite:")) {
    const path = raw.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
    if (path === "" || path === "//") {
      throw new ConfigError("DATABASE_URL", "must name a file after sqlite:, e.g. sqlite:data/clavis.sqlite");
    }
    return { kind: "sqlite", path: path === ":memory:" ? path : resolve(path) };
  }
  if (raw.startsWith("mysql://") || raw.startsWith("mariadb://")) return parseMysqlUrl(raw);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1];
  const got = scheme === undefined ? "no scheme" : `scheme "${scheme}"`;
  throw new ConfigError(
    "DATABASE_URL",
    `must be sqlite:<file> or mysql://user:password@host:3306/database (got ${got})`,
  );
}

/**
 * mysql://user:password@h1:3306,h2:3307,h3/database: the hosts of a Galera cluster, tried in
 * order (see db/host-failover.ts). WHATWG URLs take one host, so the list is cut out first.
 */
function splitHosts(raw: string): { single: string; hosts: string[] } {
  const scheme = raw.indexOf("://") + 3;
  const pathStart = raw.indexOf("/", scheme);
  const authority = raw.slice(scheme, pathStart === -1 ? raw.length : pathStart);
  const at = authority.lastIndexOf("@");
  const hosts = authority.slice(at + 1).split(",");
  if (hosts.length === 1) return { single: raw, hosts };
  return { single: raw.slice(0, scheme + at + 1) + hosts[0] + (pathStart === -1 ? "" : raw.slice(pathStart)), hosts };
}

function parseHost(text: string): DatabaseHost {
  let url: URL;
  try {
    url = new URL(`mysql://${text}`);
  } catch {
    throw new ConfigError("DATABASE_URL", "has a host list entry that is not host or host:port (expected mysql://user:password@h1:3306,h2:3306/database)");
  }
  if (url.hostname === "" || url.username !== "" || url.pathname !== "") {
    throw new ConfigError("DATABASE_URL", "has a host list entry that is not host or host:port (expected mysql://user:password@h1:3306,h2:3306/database)");
  }
  return { host: url.hostname.replace(/^\[|\]$/g, ""), port: url.port === "" ? 3306 : Number(url.port) };
}

function parseMysqlUrl(raw: string): DatabaseConfig {
  const { single, hosts } = splitHosts(raw);
  let url: URL;
  try {
    url = new URL(single);
  } catch {
    throw new ConfigError("DATABASE_URL", "is not a valid mysql:// URL (expected mysql://user:password@host:3306/database)");
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (url.hostname === "") throw new ConfigError("DATABASE_URL", "has no host (expected mysql://user:password@host:3306/database)");
  if (database === "" || database.includes("/")) {
    throw new ConfigError("DATABASE_URL", "must name one database after the host, e.g. mysql://user:password@host:3306/clavis");
  }
  if (url.username === "") throw new ConfigError("DATABASE_URL", "has no user name (expected mysql://user:password@host:3306/database)");
  const first = { host: url.hostname.replace(/^\[|\]$/g, ""), port: url.port === "" ? 3306 : Number(url.port) };
  return {
    kind: "mysql",
    ...first,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database,
    hosts: [first, ...hosts.slice(1).map(parseHost)],
  };
}

function parseIssuer(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError("CLAVIS_ISSUER", `must be an absolute http(s) URL (got "${raw}")`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigError("CLAVIS_ISSUER", `must use http or https (got "${url.protocol}")`);
  }
  // RFC 8414 §2: the issuer has no query or fragment.
  if (url.search !== "" || url.hash !== "") {
    throw new ConfigError("CLAVIS_ISSUER", "must not have a query or fragment");
  }
  return url.href.replace(/\/+$/, "");
}

function parseTrustProxy(raw: string | undefined): TrustProxy {
  if (raw === undefined || ["off", "false", "0", "no"].includes(raw.toLowerCase())) return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) throw new ConfigError("CLAVIS_TRUST_PROXY", "hop count must be at most 10");
    return hops;
  }
  const entries = raw.split(",").map((entry) => entry.trim()).filter((entry) => entry !== "");
  for (const entry of entries) {
    if (!PROXY_NAMES.includes(entry) && ipOrCidrProblem(entry) !== null) {
      throw new ConfigError(
        "CLAVIS_TRUST_PROXY",
        `must be off, a hop count, or a comma-separated list of addresses/CIDR blocks (bad entry "${entry}")`,
      );
    }
  }
  return entries;
}

function parseMetrics(env: Env, mainPort: number): MetricsConfig {
  const rawPort = nonEmpty(env, "CLAVIS_METRICS_PORT");
  const port = rawPort === undefined ? null : Number(rawPort);
  if (port !== null && (!/^\d+$/.test(rawPort ?? "") || port > 65535)) {
    throw new ConfigError("CLAVIS_METRICS_PORT", `must be a whole number from 0 to 65535 (got "${rawPort}")`);
  }
  if (port !== null && port !== 0 && port === mainPort) {
    throw new ConfigError("CLAVIS_METRICS_PORT", "must differ from PORT: the metrics listener is meant to stay off the public port");
  }
  const token = nonEmpty(env, "CLAVIS_METRICS_TOKEN") ?? null;
  if (token !== null && token.length < 32) {
    throw new ConfigError("CLAVIS_METRICS_TOKEN", "must be at least 32 characters (try: openssl rand -hex 32)");
  }
  return { port, host: nonEmpty(env, "CLAVIS_METRICS_HOST") ?? "127.0.0.1", token };
}

function parseKeyEncryptionKey(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  if (raw.length < 32) {
    throw new ConfigError("CLAVIS_KEY_ENCRYPTION_KEY", "must be at least 32 characters (try: openssl rand -base64 32)");
  }
  return raw;
}

function parseCatalogPath(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const path = resolve(raw);
  if (!existsSync(path)) throw new ConfigError("CLAVIS_CATALOG", `names a file that does not exist (${path})`);
  return path;
}

function parseTenantHeader(raw: string | undefined): string {
  const name = (raw ?? "x-tenant-id").toLowerCase();
  if (!HEADER_NAME.test(name)) {
    throw new ConfigError("CLAVIS_TENANT_HEADER", `must be an HTTP header name of letters, digits and dashes (got "${raw}")`);
  }
  return name;
}

function parseChoice<T extends string>(env: Env, name: string, choices: readonly T[], fallback: T): T {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  const value = raw.toLowerCase() as T;
  if (!choices.includes(value)) throw new ConfigError(name, `must be one of ${choices.join(", ")} (got "${raw}")`);
  return value;
}

function parseUserDirectory(env: Env): UserDirectoryConfig | null {
  const raw = nonEmpty(env, "CLAVIS_USER_DIRECTORY_URL");
  const secret = nonEmpty(env, "CLAVIS_USER_DIRECTORY_SECRET");
  if (raw === undefined) {
    if (secret !== undefined) throw new ConfigError("CLAVIS_USER_DIRECTORY_SECRET", "is set, but CLAVIS_USER_DIRECTORY_URL is not");
    return null;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError("CLAVIS_USER_DIRECTORY_URL", "must be an absolute http(s) URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new ConfigError("CLAVIS_USER_DIRECTORY_URL", `must use http or https (got "${url.protocol}")`);
  if (url.username !== "" || url.password !== "") throw new ConfigError("CLAVIS_USER_DIRECTORY_URL", "must not hold credentials: requests are signed with CLAVIS_USER_DIRECTORY_SECRET");
  // Never echoed back: it is a shared secret.
  if (secret === undefined || secret.length < 32) throw new ConfigError("CLAVIS_USER_DIRECTORY_SECRET", "must be set to at least 32 characters when CLAVIS_USER_DIRECTORY_URL is (try: openssl rand -base64 32)");
  return { url: url.href, secret, timeoutMs: parseBoundedInteger(env, "CLAVIS_USER_DIRECTORY_TIMEOUT_MS", 100, 30_000, 3000) };
}

function parseBoundedInteger(env: Env, name: string, min: number, max: number, fallback: number): number {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) throw new ConfigError(name, `must be a whole number from ${min} to ${max} (got "${raw}")`);
  return value;
}

/**
 * Comma-separated https issuer URLs, kept exactly as written (an OIDC issuer is compared as a
 * string: OpenID Connect Discovery §4.3), so no trailing slash is added or taken away.
 */
function parseFederationIssuers(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  const issuers: string[] = [];
  for (const entry of raw.split(",").map((item) => item.trim()).filter((item) => item !== "")) {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new ConfigError("CLAVIS_FEDERATION_ISSUERS", `must be a comma-separated list of https URLs (bad entry "${entry}")`);
    }
    if (url.protocol !== "https:") throw new ConfigError("CLAVIS_FEDERATION_ISSUERS", `accepts https issuers only (bad entry "${entry}")`);
    if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "" || entry.length > 255) {
      throw new ConfigError("CLAVIS_FEDERATION_ISSUERS", "entries must be issuer URLs without credentials, query or fragment, at most 255 characters");
    }
    if (!issuers.includes(entry)) issuers.push(entry);
  }
  return issuers;
}
