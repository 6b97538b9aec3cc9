/**
 * Every reason an error may carry, with the names of its parameters. The wire keeps `message`
 * in English for the API and the CLI; the admin app shows `error.<REASON>` from its locale
 * files, filled from `params`. A reason is a promise to clients: add new ones, never rename.
 */
export const ERROR_REASONS = {
  // One per error code, for errors no more specific reason describes.
  UNAUTHENTICATED: [],
  FORBIDDEN: [],
  NOT_FOUND: [],
  BAD_USER_INPUT: [],
  LIMIT_EXCEEDED: [],
  CONFLICT: [],
  TOO_MANY_REQUESTS: ["seconds"],

  INVALID_CREDENTIALS: [],
  INVALID_VARIABLES: [],
  OWNER_ONLY: [],
  API_CLIENTS_OFF: [],
  ALREADY_SET_UP: [],
  CLIENT_LIMIT_REACHED: ["max"],
  SECRET_RESET_CONFLICT: [],
  ALREADY_MEMBER: ["email"],
  LAST_OWNER: [],
  EMAIL_TAKEN: ["email"],
  ACCOUNT_EXISTS: [],
  INVITATION_OTHER_EMAIL: [],
  INVITATION_LINK_INVALID: [],
  INVITATION_RACE: ["email"],

  NAME_REQUIRED: [],
  NAME_TOO_LONG: ["max", "length"],
  DESCRIPTION_TOO_LONG: ["max", "length"],
  CLIENT_ID_CHARACTERS: ["min", "max", "prefix"],
  CLIENT_ID_LENGTH: ["min", "max", "prefix"],
  CLIENT_ID_TAKEN: ["clientId"],
  CLIENT_ID_IN_USE: ["clientId"],
  EXPIRY_INVALID: [],
  EXPIRY_IN_PAST: [],
  ENVIRONMENT_INVALID: [],
  ROLE_INVALID: [],
  CLIENT_ROLE_INVALID: [],
  ENTRY_DUPLICATE: ["entry", "position"],
  TOO_MANY_ALLOWED_IPS: ["max"],
  IP_INVALID: ["entry"],
  IP_PREFIX_RANGE: ["entry", "max"],
  TOO_MANY_REDIRECT_URIS: ["max"],
  REDIRECT_URI_WILDCARD: ["entry"],
  REDIRECT_URI_SPACES: ["entry"],
  REDIRECT_URI_NOT_ABSOLUTE: ["entry"],
  REDIRECT_URI_FRAGMENT: ["entry"],
  REDIRECT_URI_NO_HOST: ["entry"],
  REDIRECT_URI_HTTP: ["entry"],
  REDIRECT_URI_SCHEME_FORBIDDEN: ["entry", "scheme"],
  REDIRECT_URI_SCHEME_INVALID: ["entry"],
  PERMISSIONS_UNKNOWN: ["permissions"],
  PERMISSIONS_SYSTEM_ONLY: ["permissions"],
  PERMISSIONS_OUTSIDE_SCOPES: ["permissions", "scopes"],
  PERMISSION_CHANGE_MISSING: [],
  PERMISSION_CHANGE_BOTH: [],
  SCOPE_SYSTEM_ONLY: [],
  SCOPES_EMPTY: [],
  SCOPES_UNKNOWN: ["scopes"],
  SYSTEM_CLIENT_SCOPES: [],
  SECRET_WEAK: [],
  GRACE_PERIOD_RANGE: ["max"],
  PASSWORD_TOO_SHORT: ["min"],
  PASSWORD_TOO_LONG: ["max"],
  PASSWORD_WEAK: [],
  PASSWORD_UNCHANGED: [],
  PASSWORD_WRONG: [],
  EMAIL_TOO_LONG: ["max"],
  EMAIL_INVALID: [],
  NUMBER_RANGE: ["min", "max"],
  CURSOR_INVALID: [],
  PAGE_SIZE_RANGE: ["max"],
  USER_TOKEN_FLAGS_OWN: [],
  USER_TOKEN_FLAGS_NOT_HELD: ["flags"],
  USER_TOKEN_FLAGS_RESET_NOT_HELD: ["flags"],
  OPERATOR_ONLY: [],
  LAST_OPERATOR: [],
  ALREADY_OPERATOR: ["email"],
} as const satisfies Record<string, readonly string[]>;

export type ErrorReason = keyof typeof ERROR_REASONS;

export type ErrorParams = Record<string, string | number>;

export function isErrorReason(value: unknown): value is ErrorReason {
  return typeof value === "string" && Object.hasOwn(ERROR_REASONS, value);
}
