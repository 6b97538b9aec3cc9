import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";
import { findMysqlBinaries } from "./server/test/support/mysql-server.js";

const require = createRequire(import.meta.url);
// Vite would pick graphql's ESM build while type-graphql and Apollo load the CommonJS one:
// one instance for all ("Cannot use GraphQLObjectType from another module or realm").
const resolve = { alias: { graphql: require.resolve("graphql") } };
const isCi = process.env.CI === "true" || process.env.CI === "1";
const hasMysql = findMysqlBinaries() !== null || (process.env.CLAVIS_TEST_MYSQL_URL ?? "") !== "";

if (!hasMysql && !isCi) {
  console.warn("\n[clavis] MySQL tests are not run: no mariadbd/mysqld on this machine (apt-get install mariadb-server).\n");
}

const integration = (db: "sqlite" | "mysql") => ({
  resolve,
  test: {
    name: db,
    include: ["server/test/**/*.test.ts"],
    env: { CLAVIS_TEST_DB: db },
    globalSetup: db === "mysql" ? ["server/test/support/mysql.global-setup.ts"] : [],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    reporters: ["default", "./server/test/support/summary-reporter.ts"],
    projects: [
      { resolve, test: { name: "unit", include: ["server/src/**/*.test.ts"] } },
      integration("sqlite"),
      // With CI=true the project runs even without a server, so the missing install fails loudly.
      ...(hasMysql || isCi ? [integration("mysql")] : []),
    ],
  },
});
