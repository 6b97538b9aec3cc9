import type { DataSource } from "typeorm";
import type { Logger } from "./common/logger.js";
import type { Config } from "./config.js";
import type { Services } from "./services.js";

/** What lives for the whole process and is handed to every adapter. */
export interface AppServices {
  config: Config;
  dataSource: DataSource;
  logger: Logger;
  services: Services;
}
