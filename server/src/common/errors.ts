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
  message: string;
}

/** The only error services throw; each transport maps it once, at its edge. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
    /** TOO_MANY_REQUESTS only: when to try again (HTTP Retry-After). */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function tooManyRequests(message: string, retryAfterSeconds: number): AppError {
  return new AppError("TOO_MANY_REQUESTS", message, [], retryAfterSeconds);
}

export function badInput(fields: FieldError[]): AppError {
  const message = fields.length === 1 ? fields[0].message : `${fields.length} fields are invalid`;
  return new AppError("BAD_USER_INPUT", message, fields);
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
