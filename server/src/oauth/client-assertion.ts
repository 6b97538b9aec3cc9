import type { IncomingMessage } from "node:http";
import { InvalidClient, InvalidRequest } from "./oauth-errors.js";

/** RFC 7523 §2.2: the one client assertion type. */
export const JWT_BEARER_ASSERTION = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

export interface AssertionCredentials {
  /** client_id, when sent; optional with an assertion, and must then name the assertion's client. */
  clientId: string | null;
  assertion: string;
  usedBasic: false;
}

// A JWT of three base64url parts; anything longer than the form allows never reaches here.
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * RFC 7521 §4.2 / RFC 7523 §2.2 client authentication by assertion, or null when the request
 * carries none. A secret beside an assertion is two methods at once (RFC 6749 §2.3: a client
 * MUST NOT use more than one), so invalid_request.
 */
export function assertionCredentials(req: IncomingMessage, params: Map<string, string>): AssertionCredentials | null {
  const type = params.get("client_assertion_type");
  const assertion = params.get("client_assertion");
  if (type === undefined && assertion === undefined) return null;
  if (req.headers.authorization !== undefined || params.has("client_secret")) throw new InvalidRequest("Send a client secret or a client assertion, not both");
  if (type === undefined || assertion === undefined) throw new InvalidRequest("client_assertion_type and client_assertion are required together");
  if (type !== JWT_BEARER_ASSERTION) throw new InvalidRequest(`client_assertion_type must be ${JWT_BEARER_ASSERTION}`);
  if (!COMPACT_JWS.test(assertion)) throw new InvalidClient(false);
  const clientId = params.get("client_id");
  if (clientId === "") throw new InvalidRequest("client_id must not be empty");
  return { clientId: clientId ?? null, assertion, usedBasic: false };
}
