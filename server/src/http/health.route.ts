import { Router } from "express";
import type { DataSource } from "typeorm";

const READY_TIMEOUT_MS = 2000;

export function healthRoutes(dataSource: DataSource): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.setHeader("cache-control", "no-store");
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    res.setHeader("cache-control", "no-store");
    const reachable = await databaseReachable(dataSource);
    res.status(reachable ? 200 : 503).json(reachable ? { status: "ready" } : { status: "unavailable", reason: "database unreachable" });
  });
  return router;
}

async function databaseReachable(dataSource: DataSource): Promise<boolean> {
  if (!dataSource.isInitialized) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
  });
  const probe = dataSource.query("SELECT 1").then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
