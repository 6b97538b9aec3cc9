import "reflect-metadata";
import type { DataSource } from "typeorm";
import { createLogger, type Logger } from "./common/logger.js";
import { startMemoryProbe } from "./common/memory-probe.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createDataSource, migrate, openDataSource } from "./db/data-source.js";
import { describeDatabaseError } from "./db/database-errors.js";
import { outageOf } from "./db/database-outage.js";
import { listen } from "./http/server.js";
import { CatalogError } from "./modules/permissions/permission-catalog.js";
import { KeyDecryptionError } from "./modules/signing-keys/key-encryption.js";
import { keyConfigError } from "./modules/signing-keys/key-ring.js";
import { createServices, type Services } from "./services.js";

async function main(): Promise<void> {
  const config = loadConfig();
  // Test-only, see memory-probe.ts; deliberately not part of Config.
  if (process.env.CLAVIS_MEMORY_PROBE === "1") startMemoryProbe();
  const logger = createLogger(config.logLevel);
  const dataSource = createDataSource(config.database);
  outageOf(dataSource).logTo(logger);
  try {
    await openDataSource(dataSource);
  } catch (error) {
    throw new StartupError(`Cannot open the database (${config.database.kind}): ${describeDatabaseError(error)}`);
  }
  const services = servicesFor(config, dataSource, logger);
  const keyWarning = services.keyRing.warning(config.database.kind);
  if (keyWarning !== null) logger.warn({ keyFile: services.keyRing.file }, keyWarning);
  const applied = await migrate(dataSource);
  if (applied.length > 0) logger.info({ migrations: applied }, "applied database migrations");
  const running = await listenOrExplain({ config, dataSource, logger, services }, config.port, config.host);
  logger.info({ url: running.url, issuer: config.issuer, database: config.database.kind }, "Clavis is listening");
  if (running.metricsUrl !== null) logger.info({ url: `${running.metricsUrl}/metrics` }, "metrics are served");
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      logger.info({ signal }, "shutting down");
      running.close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
    });
  }
}

class StartupError extends Error {}

/** Key problems (a missing or changed CLAVIS_KEY_ENCRYPTION_KEY) surface here, as one line. */
async function listenOrExplain(...args: Parameters<typeof listen>): ReturnType<typeof listen> {
  try {
    return await listen(...args);
  } catch (error) {
    if (error instanceof KeyDecryptionError) throw keyConfigError(error);
    throw error;
  }
}

function servicesFor(config: Config, dataSource: DataSource, logger: Logger): Services {
  try {
    return createServices(config, dataSource, logger);
  } catch (error) {
    if (error instanceof CatalogError) throw new ConfigError("CLAVIS_CATALOG", `is not a valid catalog: ${error.message}`);
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartupError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Clavis failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
