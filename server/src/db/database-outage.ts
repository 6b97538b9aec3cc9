import type { Logger } from "../common/logger.js";
import type { DatabaseHost } from "../config.js";

// Failing to reach the server, or losing the connection to it.
const UNREACHABLE = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "PROTOCOL_CONNECTION_LOST", "PROTOCOL_SEQUENCE_TIMEOUT", "ER_SERVER_SHUTDOWN", "ER_CON_COUNT_ERROR"]);
/** 1047: "WSREP has not yet prepared node for application use" (a Galera node outside the primary component). */
export const ER_WSREP_NOT_READY = 1047;

interface DriverError {
  code?: string;
  errno?: number;
  /** mysql2: the connection is unusable (lost, or closed before the statement was queued). */
  fatal?: boolean;
  message?: string;
  driverError?: { code?: string; errno?: number; fatal?: boolean; message?: string };
}

// mysql2 refuses a statement on a connection it already knows is dead, before sending it.
const CLOSED = "Can't add new command when connection is in closed state";

function codeOf(error: unknown): { code: string; errno: number | null } {
  const candidate = (error ?? {}) as DriverError;
  return { code: candidate.driverError?.code ?? candidate.code ?? "", errno: candidate.driverError?.errno ?? candidate.errno ?? null };
}

/** The database is away (or this node of it cannot serve): the request may work again shortly. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const { code, errno } = codeOf(error);
  const candidate = (error ?? {}) as DriverError;
  return UNREACHABLE.has(code) || errno === ER_WSREP_NOT_READY || (candidate.driverError?.fatal ?? candidate.fatal) === true;
}

/** A read that failed for want of the database is run once more: the pool drops the dead connection, and may have moved to another host. */
export async function readAgainOnce<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return read();
  }
}

/**
 * The statement never reached a server that could run it (connecting failed, or a Galera node
 * outside the primary component refused it), so it wrote nothing and may be sent again.
 */
export function isNotSent(error: unknown): boolean {
  const candidate = (error ?? {}) as DriverError & { syscall?: string };
  const { code, errno } = codeOf(error);
  const message = candidate.driverError?.message ?? candidate.message ?? "";
  return code === "ECONNREFUSED" || candidate.syscall === "connect" || errno === ER_WSREP_NOT_READY || message.startsWith(CLOSED);
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
