import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "../common/logger.js";
import { observeRequest } from "../common/metrics.js";

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

export function requestId(header: string | string[] | undefined): string {
  return typeof header === "string" && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}

/** The path as logged: never the query string, and never the token of an invitation link. */
export function pathOf(url: string): string {
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  return path.replace(/^\/invitation\/[^/]+/, "/invitation/[token]");
}

/**
 * Gives the request an id and logs one structured line when it ends. Only method, path (see
 * pathOf), status, duration and client address: headers and bodies carry credentials.
 */
export function startRequestLog(logger: Logger, req: IncomingMessage, res: ServerResponse, ip: string): string {
  const started = process.hrtime.bigint();
  const id = requestId(req.headers["x-request-id"]);
  res.setHeader("x-request-id", id);
  const path = pathOf(req.url ?? "");
  res.on("finish", () => {
    const ns = Number(process.hrtime.bigint() - started);
    observeRequest(path, res.statusCode, ns / 1e9);
    const ms = Math.round(ns / 1e5) / 10;
    const level = res.statusCode >= 500 ? "error" : "info";
    logger[level]({ reqId: id, method: req.method, path, status: res.statusCode, ms, ip }, "request");
  });
  return id;
}

export function requestLogger(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.requestId = startRequestLog(logger, req, res, req.ip ?? "");
    next();
  };
}
