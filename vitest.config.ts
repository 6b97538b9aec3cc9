import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { findMysqlBinaries } from "./server/test/support/mysql-server.js";
import { hasGalera } from "./server/test/support/galera-cluster.js";

const require = createRequire(import.meta.url);
// Vite would pick graphql's ESM build while type-graphql and Apollo load the CommonJS one:
// one instance for all ("Cannot use GraphQLObjectType from another module or realm").
const resolve = { alias: { graphql: require.resolve("graphql") } };
const isCi = process.env.CI === "true" || process.env.CI === "1";
const hasMysql = findMysqlBinaries() !== null || (process.env.CLAVIS_TEST_MYSQL_URL ?? "") !== "";

const hasChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].some((path) => existsSync(path));

if (!hasChromium && !isCi) {
  console.warn("\n[clavis] Browser tests are not run: no Chromium on this machine (apt-get install chromium).\n");
}
const galera = hasGalera();
if (!galera && !isCi) {
  console.warn("\n[clavis] Galera tests are not run: no Galera provider here (apt-get install mariadb-server galera-4 rsync).\n");
}
if (!hasMysql && !isCi) {
  console.warn("\n[clavis] MySQL tests are not run: no mariadbd/mysqld on this machine (apt-get install mariadb-server).\n");
}

const integration = (db: "sqlite" | "mysql") => ({
  resolve,
  test: {
    name: db,
    include: ["server/test/**/*.test.ts"],
    // *.mysql.test.ts need a MySQL server of their own (stopping it, for one); *.galera.test.ts a cluster.
    exclude: db === "sqlite" ? ["server/test/**/*.mysql.test.ts", "server/test/**/*.galera.test.ts"] : ["server/test/**/*.galera.test.ts"],
    env: { CLAVIS_TEST_DB: db },
    globalSetup: [...(db === "mysql" ? ["server/test/support/mysql.global-setup.ts"] : []), "server/test/support/leak.global-setup.ts"],
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
      // With CI=true the project runs even without galera-4, so the missing install fails loudly.
      ...(galera || isCi
        ? [{ resolve, test: { name: "galera", include: ["server/test/**/*.galera.test.ts"], env: { CLAVIS_TEST_DB: "mysql" }, globalSetup: ["server/test/support/leak.global-setup.ts"], testTimeout: 600_000, hookTimeout: 300_000 } }]
        : []),
      { plugins: [react()], resolve, test: { name: "web", include: ["web/src/**/*.test.{ts,tsx}"], environment: "jsdom", setupFiles: ["web/src/test-setup.ts"] } },
      // With CI=true the browser project runs even without Chromium, so the missing install fails loudly.
      ...(hasChromium || isCi
        ? [{ resolve, test: { name: "browser", include: ["web/test/**/*.test.ts"], env: { CLAVIS_TEST_DB: "sqlite" }, testTimeout: 60_000, hookTimeout: 60_000 } }]
        : []),
    ],
  },
});
