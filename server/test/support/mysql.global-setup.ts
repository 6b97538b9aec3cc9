import type { TestProject } from "vitest/node";
import { findMysqlBinaries, startMysqlServer } from "./mysql-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    mysqlAdminUrl: string;
  }
}

/** Provides an admin URL for the MySQL project: CLAVIS_TEST_MYSQL_URL, or a throwaway server. */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const existing = process.env.CLAVIS_TEST_MYSQL_URL;
  if (existing !== undefined && existing !== "") {
    project.provide("mysqlAdminUrl", existing);
    return undefined;
  }
  if (findMysqlBinaries() === null) {
    throw new Error("MySQL tests were requested but neither mariadbd nor mysqld is installed (apt-get install mariadb-server), and CLAVIS_TEST_MYSQL_URL is not set");
  }
  const server = await startMysqlServer();
  project.provide("mysqlAdminUrl", server.url);
  return () => server.stop();
}
