import type { Logger } from "../common/logger.js";
import type { DatabaseHost } from "../config.js";

// Failing to reach the server, or losing the connection to it.
const UNREACHABLE = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "PROTOCOL_CONNECTION_LOST", "PROTOCOL_SEQUENCE_TIMEOUT", "ER_SERVER_SHUTDOWN", "ER_CON_COUNT_ERROR"]);
/** 1047: "WSREP has not yet prepared node for application use" (a Galera node outside the primary component). */
export const ER_WSREP_NOT_READY = 1047;

interface DriverError {
  code?: string;
  errno?: number;
  driverError?: { code?: string; errno?: number };
}

function codeOf(error: unknown): { code: string; errno: number | null } {
  const candidate = (error ?? {}) as DriverError;
  return { code: candidate.driverError?.code ?? candidate.code ?? "", errno: candidate.driverError?.errno ?? candidate.errno ?? null };
}

/** The database is away (or this node of it cannot serve): the request may work again shortly. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const { code, errno } = codeOf(error);
  return UNREACHABLE.has(code) || errno === ER_WSREP_NOT_READY;
}

/** A Galera node answered that it is not in the primary component. */
export function isNodeNotReady(error: unknown): boolean {
  return codeOf(error).errno === ER_WSREP_NOT_READY;
}

/** Seconds a client is told to wait when the database is away (Retry-After). */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * Turns a stream of failed requests into one log line per outage: "database unreachable" when
 * the first request fails for want of the database, "database reachable again" when a
 * connection next succeeds.
 */
export class DatabaseOutage {
  private down = false;
  private failedRequests = 0;
  private logger: Logger | null = null;
  /** Set by createDataSource for MySQL/MariaDB: told when a node cannot serve. */
  failover: { unusable(): void } | null = null;

  /** The current host answered that it is outside the primary component: use the next one. */
  nodeNotReady(): void {
    this.failover?.unusable();
  }

  /** Where the outage lines go (the server's logger; the CLI and tests log nothing). */
  logTo(logger: Logger): void {
    this.logger = logger;
  }

  get isDown(): boolean {
    return this.down;
  }

  /** A request failed for want of the database (see isDatabaseUnavailable). */
  failed(error: unknown): void {
    if (isNodeNotReady(error)) this.nodeNotReady();
    this.failedRequests += 1;
    if (this.down) return;
    this.down = true;
    this.failedRequests = 1;
    this.logger?.error({ code: codeOf(error).code || codeOf(error).errno }, "database unreachable: requests are answered 503 until it is back");
  }

  /** New connections go to another host of the cluster (see HostFailover). */
  switched(from: DatabaseHost, to: DatabaseHost): void {
    this.logger?.warn({ from: `${from.host}:${from.port}`, to: `${to.host}:${to.port}` }, "database host failed: connecting to the next one");
  }

  reachable(): void {
    if (!this.down) return;
    this.down = false;
    this.logger?.warn({ failedRequests: this.failedRequests }, "database reachable again");
  }
}

const outages = new WeakMap<object, DatabaseOutage>();

/** The outage tracker of one data source (one per process in the server). */
export function outageOf(dataSource: object): DatabaseOutage {
  let outage = outages.get(dataSource);
  if (outage === undefined) {
    outage = new DatabaseOutage();
    outages.set(dataSource, outage);
  }
  return outage;
}
