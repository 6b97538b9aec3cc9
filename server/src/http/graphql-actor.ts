import type { IncomingMessage } from "node:http";
import { GraphQLError } from "graphql";
import type { AppServices } from "../app-services.js";
import type { Actor, Ctx } from "../common/context.js";
import { readSessionCookie } from "../modules/auth/session-cookie.js";

function refuse(code: "UNAUTHENTICATED" | "FORBIDDEN", message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, reason: code, params: {}, http: { status: code === "UNAUTHENTICATED" ? 401 : 403 } } });
}

/**
 * Who calls: a bearer token Clavis issued (with the tenant header naming its organization),
 * or a signed-in user's session cookie, or nobody.
 */
export async function resolveActor(app: AppServices, ctx: Ctx, req: IncomingMessage): Promise<{ actor: Actor; sessionToken: string | null }> {
  const authorization = req.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/i.exec(authorization.trim());
    if (match === null) throw refuse("UNAUTHENTICATED", "The Authorization header must be: Bearer <access token>");
    const verified = await app.services.tokens.verify(ctx, match[1], { audience: "clavis" });
    if ("refused" in verified) {
      throw refuse("UNAUTHENTICATED", verified.refused === "audience" ? "The access token was not issued for this API" : "The access token is invalid, expired or revoked");
    }
    const { claims, state, permissions } = verified;
    // A user token acts for a platform user, whom Clavis's own API does not know (issue 15).
    if (claims.auth_type !== undefined) throw refuse("UNAUTHENTICATED", "A token that acts for a user cannot call Clavis's API: use the client's own token");
    const tenant = req.headers[app.config.tenantHeader];
    if (claims.org_id !== null && tenant !== claims.org_id) {
      throw refuse("FORBIDDEN", `The ${app.config.tenantHeader} header must name the token's organization`);
    }
    return {
      actor: { type: "CLIENT", apiClientId: state.client.id, clientId: state.client.clientId, organizationId: state.client.organizationId, permissions },
      sessionToken: null,
    };
  }
  const sessionToken = readSessionCookie(req.headers.cookie);
  const user = sessionToken === null ? null : await app.services.auth.userForSession(ctx, sessionToken);
  return { actor: user === null ? { type: "ANONYMOUS" } : { type: "USER", userId: user.id, email: user.email, isOperator: user.isOperator }, sessionToken };
}
