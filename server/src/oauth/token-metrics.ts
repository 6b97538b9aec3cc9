import type { ServerResponse } from "node:http";
import { grantLabel, recordTokenRequest } from "../common/metrics.js";
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
        recordTokenRequest(grants.get(res) ?? "none", error instanceof OAuthError ? error.error : "server_error");
        throw error;
      },
    );
}
