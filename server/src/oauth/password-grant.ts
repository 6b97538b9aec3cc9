import type { AppServices } from "../app-services.js";
import type { Ctx } from "../common/context.js";
import { isPlainText, MAX_USER_ID_LENGTH, MAX_USERNAME_LENGTH } from "../modules/user-tokens/directory-answer.js";
import { DIRECTORY_RETRY_AFTER_SECONDS, type UserGrant } from "../modules/user-tokens/user-token.service.js";
import type { ClientState } from "../modules/tokens/client-state-cache.js";
import type { TokenUser } from "../modules/tokens/token.service.js";
import { InvalidRequest, UnauthorizedClient } from "./oauth-errors.js";
import { DirectoryUnavailable, InvalidGrant, TooManyUserAttempts } from "./user-token-errors.js";

const MAX_PASSWORD_LENGTH = 1024;

function plain(params: Map<string, string>, name: string, maxLength: number): string | null {
  const value = params.get(name);
  if (value === undefined || value === "") return null;
  if (!isPlainText(value, maxLength)) throw new InvalidRequest(`${name} must be 1 to ${maxLength} printable characters without surrounding spaces`);
  return value;
}

/**
 * RFC 6749 §4.3 with Decidim's auth_type: `login` takes username and password, `impersonate`
 * a username or a user id (a password sent with it is ignored, never forwarded).
 */
export function userGrantOf(params: Map<string, string>): UserGrant {
  const authType = params.get("auth_type");
  if (authType === "login") {
    const username = plain(params, "username", MAX_USERNAME_LENGTH);
    const password = params.get("password") ?? "";
    if (username === null || password === "") throw new InvalidRequest("auth_type=login needs username and password");
    if (password.length > MAX_PASSWORD_LENGTH) throw new InvalidRequest(`password must be at most ${MAX_PASSWORD_LENGTH} characters`);
    return { mode: "login", username, password };
  }
  if (authType === "impersonate") {
    const username = plain(params, "username", MAX_USERNAME_LENGTH);
    const id = plain(params, "id", MAX_USER_ID_LENGTH);
    if (username === null && id === null) throw new InvalidRequest("auth_type=impersonate needs username or id");
    if (username !== null && id !== null) throw new InvalidRequest("Send username or id, not both");
    return { mode: "impersonate", username, id };
  }
  throw new InvalidRequest(authType === undefined ? "grant_type=password needs auth_type (login or impersonate)" : "auth_type must be login or impersonate");
}

/** The user a password-grant token acts for, or the RFC error that says no. */
export async function grantedUser(app: AppServices, ctx: Ctx, state: ClientState, grant: UserGrant): Promise<TokenUser> {
  const outcome = await app.services.userTokens.resolve(ctx, state, grant);
  if (outcome.ok) return outcome.user;
  switch (outcome.kind) {
    case "unauthorized":
      throw new UnauthorizedClient(outcome.message);
    case "invalid_grant":
      throw new InvalidGrant(outcome.message);
    case "invalid_request":
      throw new InvalidRequest(outcome.message);
    case "throttled":
      throw new TooManyUserAttempts(outcome.retryAfterSeconds);
    case "unavailable":
      app.logger.warn({ reqId: ctx.requestId, why: outcome.why }, "the user directory did not answer");
      throw new DirectoryUnavailable(DIRECTORY_RETRY_AFTER_SECONDS);
  }
}
