import type { ServerResponse } from "node:http";

/** An RFC 6749 §5.2 error; the only kind of error the OAuth routes put on the wire. */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status = 400,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
  }
}

export class InvalidRequest extends OAuthError {
  constructor(description: string) {
    super("invalid_request", description);
  }
}

/** 401; when the client tried Basic, RFC 6749 §5.2 asks for a WWW-Authenticate challenge. */
export class InvalidClient extends OAuthError {
  constructor(usedBasic: boolean, description = "Client authentication failed") {
    super("invalid_client", description, 401, usedBasic ? { "www-authenticate": 'Basic realm="clavis", charset="UTF-8"' } : {});
  }
}

/**
 * 429 with Retry-After (RFC 6585). RFC 6749 §5.2 has no code for it; this is refused before the
 * secret is checked (a right one too), so not invalid_client, which tells clients and operators
 * that the secret is wrong. temporarily_unavailable is RFC 6749's own "try again later" (§4.1.2.1:
 * temporary overloading); slow_down belongs to device-flow polling (RFC 8628 §3.5).
 */
export class TooManyAttempts extends OAuthError {
  constructor(retryAfterSeconds: number, why: "failures" | "hash_budget") {
    const description =
      why === "failures"
        ? `Too many failed client authentications from your address. Retry after ${retryAfterSeconds} seconds.`
        : `Too many requests from your address. Retry after ${retryAfterSeconds} seconds.`;
    super("temporarily_unavailable", description, 429, { "retry-after": String(retryAfterSeconds) });
  }
}

/**
 * 503 with Retry-After: the database is away, so nothing about the client can be known. RFC
 * 6749 §4.1.2.1 names temporarily_unavailable for a server that cannot answer for now.
 */
export class TemporarilyUnavailable extends OAuthError {
  constructor(retryAfterSeconds: number) {
    super("temporarily_unavailable", `The service is temporarily unavailable. Retry after ${retryAfterSeconds} seconds.`, 503, { "retry-after": String(retryAfterSeconds) });
  }
}

export class UnauthorizedClient extends OAuthError {
  constructor(description: string) {
    super("unauthorized_client", description);
  }
}

export class UnsupportedGrantType extends OAuthError {
  constructor(description: string) {
    super("unsupported_grant_type", description);
  }
}

export class InvalidScope extends OAuthError {
  constructor(description: string) {
    super("invalid_scope", description);
  }
}

export class PayloadTooLarge extends OAuthError {
  constructor(limit: number) {
    super("invalid_request", `The request body exceeds ${limit} bytes`, 413);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

/** Like oidc-provider's err_out: known errors keep their code, anything else is server_error. */
export function sendOAuthError(res: ServerResponse, error: unknown, onUnexpected: (error: unknown) => void): void {
  if (res.headersSent) return;
  if (error instanceof OAuthError) {
    sendJson(res, error.status, { error: error.error, error_description: error.description }, { "cache-control": "no-store", pragma: "no-cache", ...error.headers });
    return;
  }
  onUnexpected(error);
  sendJson(res, 500, { error: "server_error", error_description: "An unexpected error occurred" }, { "cache-control": "no-store" });
}
