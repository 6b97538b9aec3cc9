import { createRequire } from "node:module";
import type { Config } from "../../config.js";
import type { ServerInfo } from "./server-info.types.js";

const packageJson = createRequire(import.meta.url)("../../../../package.json") as { version: string };

export function serverInfo(config: Config): ServerInfo {
  return {
    issuer: config.issuer,
    tokenEndpoint: `${config.issuer}/token`,
    tenantHeader: config.tenantHeader,
    version: packageJson.version,
    federationIssuers: config.federationIssuers,
  };
}
