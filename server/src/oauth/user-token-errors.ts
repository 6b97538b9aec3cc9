import { OAuthError } from "./oauth-errors.js";

/** RFC 6749 §5.2: the user's credentials (or the user) were not accepted; never says which part. */
export class InvalidGrant extends OAuthError {
  constructor(description: string) {
    super("invalid_grant", description);
  }
}

/** 429 with Retry-After, as TooManyAttempts, for refused user logins and impersonations. */
export class TooManyUserAttempts extends OAuthError {
  constructor(retryAfterSeconds: number) {
    super("temporarily_unavailable", `Too many refused user logins. Retry after ${retryAfterSeconds} seconds.`, 429, { "retry-after": String(retryAfterSeconds) });
  }
}

/** 503: the platform's user directory did not answer in time, or not as agreed. */
export class DirectoryUnavailable extends OAuthError {
  constructor(retryAfterSeconds: number) {
    super("temporarily_unavailable", "The user directory is not answering. Try again later.", 503, { "retry-after": String(retryAfterSeconds) });
  }
}
