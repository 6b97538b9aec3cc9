import type { ServerResponse } from "node:http";
import { grantLabel, recordTokenRequest } from "../common/metrics.js";
import { isDatabaseUnavailable } from "../db/database-outage.js";
import { OAuthError } from "./oauth-errors.js";
import type { OAuthHandler } from "./oauth-request.js";

// The grant each /token request asked for, noted by the route once it has read the form.
const grants = new WeakMap<ServerResponse, string>();

/** Notes the grant_type of this /token request for clavis_token_requests_total. */
export function grantRequested(res: ServerResponse, grantType: string | undefined): void {
  grants.set(res, grantLabel(grantType));
}

/** Counts each /token request once it ends: issued, or the RFC 6749 error code it answers. */
export function countTokenRequests(handler: OAuthHandler): OAuthHandler {
  return (req, res, ctx) =>
    handler(req, res, ctx).then(
      () => recordTokenRequest(grants.get(res) ?? "none", "issued"),
      (error: unknown) => {
        recordTokenRequest(grants.get(res) ?? "none", outcomeOf(error));
        throw error;
      },
    );
}

// A database that is away is answered 503 temporarily_unavailable later, in routes.ts.
function outcomeOf(error: unknown): string {
  if (error instanceof OAuthError) return error.error;
  return isDatabaseUnavailable(error) ? "temporarily_unavailable" : "server_error";
}
