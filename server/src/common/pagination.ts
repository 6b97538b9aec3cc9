import { AppError } from "./errors.js";

export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first: number;
  after: string | null;
}

export interface Page<T> {
  items: { cursor: string; node: T }[];
  hasNextPage: boolean;
  endCursor: string | null;
  totalCount: number;
}

/** A cursor is the sort key and id of the last row seen; opaque to callers. */
export function encodeCursor(sortValue: string | number, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString("base64url");
}

export function decodeCursor(cursor: string): [string | number, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(value) && value.length === 2 && typeof value[1] === "string" && ["string", "number"].includes(typeof value[0])) {
      return value as [string | number, string];
    }
  } catch {
    // fall through to the error below
  }
  throw invalidCursor();
}

// The last millisecond of 9999: MySQL's DATETIME ends there.
const LATEST_TIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** A time sort key of a cursor (milliseconds since 1970, as encodeCursor writes it) as a Date. */
export function cursorTime(sortValue: string | number): Date {
  if (typeof sortValue !== "number" || !Number.isInteger(sortValue) || sortValue < 0 || sortValue > LATEST_TIME_MS) throw invalidCursor();
  return new Date(sortValue);
}

function invalidCursor(): AppError {
  return new AppError("BAD_USER_INPUT", "The cursor is not valid", [{ field: "after", reason: "CURSOR_INVALID", message: "The cursor is not valid" }], null, "CURSOR_INVALID");
}

export function checkPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new AppError("BAD_USER_INPUT", `first must be between 1 and ${MAX_PAGE_SIZE}`, [{ field: "first", reason: "PAGE_SIZE_RANGE", params: { max: MAX_PAGE_SIZE }, message: `Must be between 1 and ${MAX_PAGE_SIZE}` }], null, "PAGE_SIZE_RANGE", { max: MAX_PAGE_SIZE });
  }
}
