import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "../common/logger.js";

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

export function requestId(header: string | string[] | undefined): string {
  return typeof header === "string" && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * One structured line per request. Only method, path (never the query string), status,
 * duration and client address are logged: headers and bodies carry credentials.
 */
export function requestLogger(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const id = requestId(req.headers["x-request-id"]);
    res.locals.requestId = id;
    res.setHeader("x-request-id", id);
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const level = res.statusCode >= 500 ? "error" : "info";
      logger[level]({ reqId: id, method: req.method, path: pathOf(req.originalUrl), status: res.statusCode, ms: Math.round(ms * 10) / 10, ip: req.ip }, "request");
    });
    next();
  };
}

function pathOf(url: string): string {
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}
