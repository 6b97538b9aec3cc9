import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { Router } from "express";
import { isApiPath } from "./not-found.js";

const YEAR_SECONDS = 365 * 24 * 3600;

/** Serves the built admin app: hashed assets cached for a year, index.html never cached. */
export function webStatic(distPath: string): Router | null {
  const indexPath = join(distPath, "index.html");
  if (!existsSync(indexPath)) return null;
  const router = Router();
  router.use(
    "/assets",
    express.static(join(distPath, "assets"), {
      index: false,
      fallthrough: false,
      setHeaders: (res) => res.setHeader("cache-control", `public, max-age=${YEAR_SECONDS}, immutable`),
    }),
  );
  router.use(express.static(distPath, { index: false, setHeaders: (res) => res.setHeader("cache-control", "no-cache") }));
  // Client-side routes (/organization/<id>/…) all load the app shell.
  router.get(/.*/, (req, res, next) => {
    if (isApiPath(req.path) || !req.accepts("html")) return next();
    res.setHeader("cache-control", "no-cache");
    res.sendFile(indexPath);
  });
  return router;
}
