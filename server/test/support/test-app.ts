import "reflect-metadata";
import type { AppServices } from "../../src/app-services.js";
import { createLogger } from "../../src/common/logger.js";
import { loadConfig } from "../../src/config.js";
import { createDataSource, migrate } from "../../src/db/data-source.js";
import { listen } from "../../src/http/server.js";
import { createServices } from "../../src/services.js";
import { freePort } from "./free-port.js";
import { join } from "node:path";
import { createTestDatabase, leakDir, type TestDatabase } from "./test-database.js";

export interface TestApp {
  url: string;
  /** The CLAVIS_METRICS_PORT listener, when the test set one. */
  metricsUrl: string | null;
  app: AppServices;
  db: TestDatabase;
  close(): Promise<void>;
}

/** The real server on a fresh database of this project's kind, on a loopback port. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const port = await freePort();
  const config = loadConfig({
    DATABASE_URL: db.url,
    PORT: String(port),
    HOST: "127.0.0.1",
    CLAVIS_ISSUER: `http://127.0.0.1:${port}`,
    LOG_LEVEL: leakDir() === null ? "silent" : "info",
    CLAVIS_WEB_DIST: "/nonexistent-web-dist",
    ...env,
  });
  const dataSource = createDataSource(config.database);
  await dataSource.initialize();
  await migrate(dataSource);
  const logDir = leakDir();
  const logger = logDir === null ? createLogger(config.logLevel) : createLogger(config.logLevel, join(logDir, `app-${port}-${Date.now()}.log`));
  const app: AppServices = { config, dataSource, logger, services: createServices(config, dataSource, logger) };
  const running = await listen(app, config.port, config.host);
  return {
    url: running.url,
    metricsUrl: running.metricsUrl,
    app,
    db,
    close: async () => {
      await running.close();
      await db.drop();
    },
  };
}

export async function postGraphQL(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: any; errors?: any[] } };
}
