import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../common/logger.js";
import { metricsRegistry } from "../common/metrics.js";
import type { MetricsConfig } from "../config.js";

export type MetricsHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * GET /metrics in Prometheus's text format. With a token configured, only a request that sends
 * it as `Authorization: Bearer …` is answered (RFC 6750), wherever /metrics is served; the
 * comparison is of SHA-256 digests in constant time, so neither the length nor a prefix of the
 * token leaks through timing.
 */
export function metricsHandler(token: string | null, logger: Logger): MetricsHandler {
  const expected = token === null ? null : digest(token);
  return (req, res) => {
    req.resume();
    res.setHeader("cache-control", "no-store");
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      return sendError(res, 405, "invalid_request", `${req.method} is not allowed on /metrics`);
    }
    if (expected !== null && !hasToken(req.headers.authorization, expected)) {
      res.setHeader("www-authenticate", 'Bearer realm="clavis-metrics"');
      return sendError(res, 401, "invalid_token", "A valid bearer token is required for /metrics");
    }
    metricsRegistry.metrics().then(
      (text) => {
        res.writeHead(200, { "content-type": metricsRegistry.contentType, "content-length": Buffer.byteLength(text) });
        res.end(req.method === "HEAD" ? undefined : text);
      },
      (error: unknown) => {
        logger.error({ err: error }, "collecting metrics failed");
        sendError(res, 500, "server_error", "Collecting metrics failed");
      },
    );
  };
}

export function isMetricsPath(url: string | undefined): boolean {
  return url === "/metrics" || url?.startsWith("/metrics?") === true;
}

/** The listener of CLAVIS_METRICS_PORT, serving /metrics alone; null when none is configured. */
export async function listenForMetrics(config: MetricsConfig, logger: Logger): Promise<{ server: Server; url: string } | null> {
  if (config.port === null) return null;
  const metrics = metricsHandler(config.token, logger);
  const server = createServer((req, res) => {
    res.setHeader("x-content-type-options", "nosniff");
    if (isMetricsPath(req.url)) return metrics(req, res);
    req.resume();
    sendError(res, 404, "not_found", "Not found");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port ?? 0, config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return { server, url: `http://${host}:${address.port}` };
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

function hasToken(header: string | undefined, expected: Buffer): boolean {
  if (header === undefined || !/^bearer /i.test(header)) return false;
  return timingSafeEqual(digest(header.slice(7).trim()), expected);
}

function sendError(res: ServerResponse, status: number, error: string, description: string): void {
  const body = JSON.stringify({ error, error_description: description });
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
}
