import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { AppServices } from "../app-services.js";
import { oauthRoutes } from "../oauth/routes.js";
import { createCtx } from "../services.js";
import { createHttpApp } from "./app.js";
import { clientIpResolver } from "./client-ip.js";
import { apiSecurityHeaders } from "./security-headers.js";
import { watchPool } from "../common/metrics.js";
import { poolUsage } from "../db/pool-usage.js";
import { startRequestLog } from "./logging.js";
import { isMetricsPath, listenForMetrics, metricsHandler } from "./metrics.route.js";

const SHUTDOWN_GRACE_MS = 10_000;
const SWEEP_MS = 60_000;

export interface RunningServer {
  server: Server;
  url: string;
  /** The CLAVIS_METRICS_PORT listener's address, or null when there is none. */
  metricsUrl: string | null;
  /** Stops accepting, lets in-flight requests finish (up to a grace period), then closes the database. */
  close(): Promise<void>;
}

export async function listen(app: AppServices, port: number, host: string): Promise<RunningServer> {
  const clientIp = clientIpResolver(app.config.trustProxy);
  const http = await createHttpApp(app, clientIp);
  const oauth = oauthRoutes(app, clientIp);
  const securityHeaders = apiSecurityHeaders(app.config.issuer);
  const system = createCtx(app.dataSource, { type: "SYSTEM" });
  await app.services.keys.current(system);
  await app.services.serverKeys.secretDigestKey(system);
  const sweeper = setInterval(() => {
    app.services.tokens.pruneExpired(system).catch((error: unknown) => app.logger.warn({ err: error }, "pruning expired tokens failed"));
    app.services.hashBudget.pruneShared().catch((error: unknown) => app.logger.warn({ err: error }, "pruning throttle windows failed"));
  }, SWEEP_MS);
  sweeper.unref();
  // On the public port only with a token (CLAVIS_METRICS_TOKEN); otherwise /metrics is a 404 there.
  const metrics = app.config.metrics.token === null ? null : metricsHandler(app.config.metrics.token, app.logger);
  const unwatchPool = watchPool(poolUsage(app.dataSource));
  const server = createServer((req, res) => {
    securityHeaders(res);
    const route = oauth(req);
    if (route !== null) route(req, res);
    else if (req.url === "/graphql" || req.url?.startsWith("/graphql?")) http.graphql(req, res);
    else if (metrics !== null && isMetricsPath(req.url)) {
      startRequestLog(app.logger, req, res, clientIp(req));
      metrics(req, res);
    }
    else http.handler(req, res);
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const metricsListener = await listenForMetrics(app.config.metrics, app.logger).catch((error: unknown) => {
    server.close();
    throw error;
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      metricsListener?.server.close();
      metricsListener?.server.closeAllConnections();
      unwatchPool();
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      await drained;
      clearTimeout(timer);
      clearInterval(sweeper);
      await http.stop();
      await app.services.lastUsed.flush();
      if (app.dataSource.isInitialized) await app.dataSource.destroy();
    })();
    return closing;
  };
  return { server, url: `http://${shownHost}:${address.port}`, metricsUrl: metricsListener?.url ?? null, close };
}
