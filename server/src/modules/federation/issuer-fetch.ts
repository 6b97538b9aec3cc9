import { request } from "node:https";

/** Discovery documents and key sets are a few kilobytes; GitHub's JWKS is under 2 KB. */
export const MAX_ISSUER_DOCUMENT_BYTES = 64 * 1024;
/** Connecting (TCP and TLS) may take this long ... */
export const CONNECT_TIMEOUT_MS = 2000;
/** ... and the whole exchange, answer included, this long. */
export const TOTAL_TIMEOUT_MS = 3000;

export class IssuerFetchError extends Error {
  constructor(why: string) {
    super(why);
    this.name = "IssuerFetchError";
  }
}

/**
 * GET one JSON document over HTTPS: certificate checked against the system's CAs (and
 * NODE_EXTRA_CA_CERTS), a connect deadline and a total one, no redirect followed, no cookie,
 * an answer read only up to MAX_ISSUER_DOCUMENT_BYTES. Rejects with IssuerFetchError, whose
 * message holds the URL's host at most, never a token.
 */
export function fetchIssuerJson(url: string): Promise<unknown> {
  const target = new URL(url);
  if (target.protocol !== "https:") return Promise.reject(new IssuerFetchError("not an https URL"));
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, value?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(total);
      clearTimeout(connect);
      req.destroy();
      if (error === null) resolve(value);
      else reject(error);
    };
    // A fresh connection each time: nothing pooled outlives the deadline.
    const req = request(target, { method: "GET", agent: false, headers: { accept: "application/json" } });
    const total = setTimeout(() => finish(new IssuerFetchError(`no answer within ${TOTAL_TIMEOUT_MS} ms`)), TOTAL_TIMEOUT_MS);
    const connect = setTimeout(() => finish(new IssuerFetchError(`no connection within ${CONNECT_TIMEOUT_MS} ms`)), CONNECT_TIMEOUT_MS);
    req.on("socket", (socket) => socket.once("secureConnect", () => clearTimeout(connect)));
    req.on("error", (error: NodeJS.ErrnoException) => finish(new IssuerFetchError(`request failed (${error.code ?? "error"})`)));
    req.on("response", (response) => {
      const status = response.statusCode ?? 0;
      // Redirects are answers too, and refused: the allowlisted host must serve its documents itself.
      if (status !== 200) {
        response.resume();
        return finish(new IssuerFetchError(`answered HTTP ${status}`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ISSUER_DOCUMENT_BYTES) return finish(new IssuerFetchError(`answer larger than ${MAX_ISSUER_DOCUMENT_BYTES} bytes`));
        chunks.push(chunk);
      });
      response.on("error", () => finish(new IssuerFetchError("the answer broke off")));
      response.on("end", () => {
        try {
          finish(null, JSON.parse(Buffer.concat(chunks).toString("utf8")));
        } catch {
          finish(new IssuerFetchError("the answer is not JSON"));
        }
      });
    });
    req.end();
  });
}
