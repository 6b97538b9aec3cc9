import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { hashingNow } from "./argon2.js";

/**
 * Every metric Clavis exposes on /metrics (docs/metrics.md), in one registry per process. Hot
 * paths call the small functions below; label values come from fixed sets only (a route name,
 * a grant, an RFC error code), never from a client id, an address or anything else a caller picks,
 * so the series stay few however many clients there are.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const KNOWN_ROUTES = new Set([
  "/token",
  "/introspect",
  "/revoke",
  "/graphql",
  "/.well-known/jwks.json",
  "/.well-known/oauth-authorization-server",
  "/healthz",
  "/readyz",
  "/metrics",
]);

/** The route label of a path: one of KNOWN_ROUTES, or "other" (the admin app, its files, 404s). */
export function routeLabel(path: string): string {
  return KNOWN_ROUTES.has(path) ? path : "other";
}

/** One series of a counter kept as a plain number: counting is an addition. */
interface Tally {
  n: number;
}

/**
 * A counter whose series are plain numbers, handed to prom-client only when scraped: a hot path
 * then pays an addition instead of prom-client's label hashing (about 200 ns a call here).
 */
function tallied<L extends string>(name: string, help: string, labelNames: readonly L[]): (...values: string[]) => Tally {
  const series = new Map<string, { labels: Partial<Record<L, string>>; tally: Tally }>();
  new Counter({
    name,
    help,
    labelNames,
    registers: [metricsRegistry],
    collect() {
      this.reset();
      for (const { labels, tally } of series.values()) this.inc(labels, tally.n);
    },
  });
  return (...values) => {
    const key = values.join("\u0000");
    let entry = series.get(key);
    if (entry === undefined) {
      entry = { labels: Object.fromEntries(labelNames.map((label, i) => [label, values[i]])) as Partial<Record<L, string>>, tally: { n: 0 } };
      series.set(key, entry);
    }
    return entry.tally;
  };
}

const requestDuration = new Histogram({
  name: "clavis_http_request_duration_seconds",
  help: "Time from a request's arrival to the end of its response, per route.",
  labelNames: ["route"] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

const responses = tallied("clavis_http_responses_total", "Responses sent, per route and HTTP status.", ["route", "status"]);

// Children made once per label set: counting then skips prom-client's label checks.
const durationByRoute = new Map<string, Histogram.Internal<"route">>();
const responsesByRoute = new Map<string, Map<number, Tally>>();

/** Called once per finished response (http/logging.ts). */
export function observeRequest(path: string, status: number, seconds: number): void {
  const route = routeLabel(path);
  let timer = durationByRoute.get(route);
  if (timer === undefined) {
    timer = requestDuration.labels(route);
    durationByRoute.set(route, timer);
  }
  timer.observe(seconds);
  let byStatus = responsesByRoute.get(route);
  if (byStatus === undefined) {
    byStatus = new Map();
    responsesByRoute.set(route, byStatus);
  }
  let tally = byStatus.get(status);
  if (tally === undefined) {
    tally = responses(route, statusLabel(status));
    byStatus.set(status, tally);
  }
  tally.n += 1;
}

function statusLabel(status: number): string {
  return status >= 100 && status < 600 ? String(status) : "other";
}

const tokenRequests = tallied("clavis_token_requests_total", "POST /token requests, by grant_type asked for and outcome (issued, or the RFC 6749 error code answered).", ["grant", "outcome"]);

const GRANTS = new Set(["client_credentials", "password"]);

/** A grant_type as a label: the grants Clavis knows, "none" when absent, else "other". */
export function grantLabel(grantType: string | undefined): string {
  if (grantType === undefined) return "none";
  return GRANTS.has(grantType) ? grantType : "other";
}

const tokenCounters = new Map<string, Map<string, Tally>>();

export function recordTokenRequest(grant: string, outcome: string): void {
  let byOutcome = tokenCounters.get(grant);
  if (byOutcome === undefined) {
    byOutcome = new Map();
    tokenCounters.set(grant, byOutcome);
  }
  let tally = byOutcome.get(outcome);
  if (tally === undefined) {
    tally = tokenRequests(grant, outcome);
    byOutcome.set(outcome, tally);
  }
  tally.n += 1;
}

const tokenBatchSize = new Histogram({
  name: "clavis_token_batch_size",
  help: "Tokens written per group commit of the /token path (tokens/token-store.ts).",
  buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
  registers: [metricsRegistry],
});

export function observeTokenBatch(size: number): void {
  tokenBatchSize.observe(size);
}

const cacheLookups = tallied("clavis_cache_lookups_total", "Lookups in Clavis's in-process caches, by cache and result (hit or miss).", ["cache", "result"]);

export type CacheName = "client_state" | "verified_tokens" | "client_list";

const lookupTallies = Object.fromEntries(
  (["client_state", "verified_tokens", "client_list"] as const).map((cache) => [cache, { hit: cacheLookups(cache, "hit"), miss: cacheLookups(cache, "miss") }]),
) as Record<CacheName, { hit: Tally; miss: Tally }>;

export function recordCacheLookup(cache: CacheName, hit: boolean): void {
  lookupTallies[cache][hit ? "hit" : "miss"].n += 1;
}

const transactionRetries = new Counter({
  name: "clavis_transaction_retries_total",
  help: "Database transactions run again after a deadlock, lock wait timeout or (Galera) certification failure.",
  registers: [metricsRegistry],
});

/** Call once for each retry of a transaction (common/transaction.ts). */
export function recordTransactionRetry(): void {
  transactionRetries.inc();
}

const rateLimitRefusals = new Counter({
  name: "clavis_rate_limit_refusals_total",
  help: "Requests refused with HTTP 429 by a limit: failed_authentications and hash_budget on the OAuth routes, graphql for any 429 of /graphql.",
  labelNames: ["limit"] as const,
  registers: [metricsRegistry],
});

export type RateLimitName = "failed_authentications" | "hash_budget" | "graphql";

export function recordRateLimitRefusal(limit: RateLimitName): void {
  rateLimitRefusals.inc({ limit });
}

/** A database pool as read at scrape time (db/pool-usage.ts): nothing is done per request. */
export type PoolUsage = () => { total: number; idle: number; waiting: number } | null;

const pools = new Set<PoolUsage>();

/** Registers a server's pool for the pool gauges; the returned function unregisters it (on shutdown). */
export function watchPool(usage: PoolUsage): () => void {
  pools.add(usage);
  return () => pools.delete(usage);
}

function poolsNow() {
  return [...pools].map((usage) => usage()).filter((pool) => pool !== null);
}

new Gauge({
  name: "clavis_hash_queue_depth",
  help: "argon2id hashes (passwords, chosen client secrets) waiting for a hashing slot.",
  registers: [metricsRegistry],
  collect() {
    this.set(hashingNow().waiting);
  },
});

new Gauge({
  name: "clavis_hash_running",
  help: "argon2id hashes running now.",
  registers: [metricsRegistry],
  collect() {
    this.set(hashingNow().running);
  },
});

new Gauge({
  name: "clavis_db_pool_connections",
  help: "Connections of the MySQL/MariaDB pool, by state (in_use, idle). Absent on SQLite.",
  labelNames: ["state"] as const,
  registers: [metricsRegistry],
  collect() {
    this.reset();
    const now = poolsNow();
    if (now.length === 0) return;
    const idle = now.reduce((total, pool) => total + pool.idle, 0);
    this.set({ state: "idle" }, idle);
    this.set({ state: "in_use" }, now.reduce((total, pool) => total + pool.total, 0) - idle);
  },
});

new Gauge({
  name: "clavis_db_pool_waiting",
  help: "Queries waiting for a free connection of the MySQL/MariaDB pool. Absent on SQLite.",
  registers: [metricsRegistry],
  collect() {
    this.reset();
    const now = poolsNow();
    if (now.length > 0) this.set(now.reduce((total, pool) => total + pool.waiting, 0));
  },
});
