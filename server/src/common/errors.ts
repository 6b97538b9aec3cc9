import type { ErrorParams, ErrorReason } from "./error-reasons.js";

export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "BAD_USER_INPUT"
  | "LIMIT_EXCEEDED"
  | "CONFLICT"
  | "TOO_MANY_REQUESTS";

export interface FieldError {
  field: string;
  /** English, for the API and the CLI; the admin app translates `reason` with `params`. */
  message: string;
  reason: ErrorReason;
  params?: ErrorParams;
}

/** The only error services throw; each transport maps it once, at its edge. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
    /** TOO_MANY_REQUESTS only: when to try again (HTTP Retry-After). */
    readonly retryAfterSeconds: number | null = null,
    /** Stable and machine-readable (error-reasons.ts); the code's own when nothing more specific fits. */
    readonly reason: ErrorReason = code,
    readonly params: ErrorParams = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function tooManyRequests(message: string, retryAfterSeconds: number): AppError {
  return new AppError("TOO_MANY_REQUESTS", message, [], retryAfterSeconds, "TOO_MANY_REQUESTS", { seconds: retryAfterSeconds });
}

/** An error without field errors, with its reason and the values its translations need. */
export function appError(code: ErrorCode, reason: ErrorReason, message: string, params: ErrorParams = {}): AppError {
  return new AppError(code, message, [], null, reason, params);
}

export function badInput(fields: FieldError[]): AppError {
  const message = fields.length === 1 ? fields[0].message : `${fields.length} fields are invalid`;
  return new AppError("BAD_USER_INPUT", message, fields, null, fields.length === 1 ? fields[0].reason : "BAD_USER_INPUT", fields.length === 1 ? (fields[0].params ?? {}) : {});
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
