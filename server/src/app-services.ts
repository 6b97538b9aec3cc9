import type { DataSource } from "typeorm";
import type { Logger } from "./common/logger.js";
import type { Config } from "./config.js";

/** What lives for the whole process and is handed to every adapter. */
export interface AppServices {
  config: Config;
  dataSource: DataSource;
  logger: Logger;
}
