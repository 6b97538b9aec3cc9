import type { IncomingMessage } from "node:http";
import { assertionCredentials, type AssertionCredentials } from "./client-assertion.js";
import { InvalidClient, InvalidRequest } from "./oauth-errors.js";

export interface SecretCredentials {
  clientId: string;
  secret: string;
  usedBasic: boolean;
}

export type ClientCredentials = SecretCredentials | AssertionCredentials;

// RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined for Basic.
function formDecode(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, " "));
}

/**
 * client_secret_basic, client_secret_post, or a client assertion (private_key_jwt, issue 17);
 * two at once, or none, is invalid_request.
 */
export function clientCredentials(req: IncomingMessage, params: Map<string, string>): ClientCredentials {
  const assertion = assertionCredentials(req, params);
  if (assertion !== null) return assertion;
  const header = req.headers.authorization;
  const inBody = params.has("client_id") || params.has("client_secret");
  if (header !== undefined && /^basic /i.test(header)) {
    if (inBody) throw new InvalidRequest("Send client credentials either with HTTP Basic or in the body, not both");
    const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon === -1) throw new InvalidClient(true, "The Basic credentials are malformed");
    try {
      return { clientId: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)), usedBasic: true };
    } catch {
      throw new InvalidClient(true, "The Basic credentials are malformed");
    }
  }
  if (header !== undefined) throw new InvalidRequest("Only HTTP Basic client authentication is accepted in the Authorization header");
  const clientId = params.get("client_id");
  const secret = params.get("client_secret");
  if (clientId === undefined && secret === undefined) throw new InvalidRequest("Client authentication is required: HTTP Basic, or client_id and client_secret in the body");
  if (!clientId || !secret) throw new InvalidRequest("Both client_id and client_secret are required");
  return { clientId, secret, usedBasic: false };
}
