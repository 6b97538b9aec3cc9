import type { IncomingMessage } from "node:http";
import { InvalidRequest, PayloadTooLarge } from "./oauth-errors.js";

export const FORM_LIMIT_BYTES = 16 * 1024;

/** RFC 6749 §3.2: form-encoded parameters, none given twice. */
export async function readForm(req: IncomingMessage): Promise<Map<string, string>> {
  const type = (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    req.resume();
    throw new InvalidRequest("The request body must be application/x-www-form-urlencoded");
  }
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > FORM_LIMIT_BYTES) {
    req.resume();
    throw new PayloadTooLarge(FORM_LIMIT_BYTES);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > FORM_LIMIT_BYTES) throw new PayloadTooLarge(FORM_LIMIT_BYTES);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  const params = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(text)) {
    if (params.has(name)) throw new InvalidRequest(`The parameter ${name} is given more than once`);
    params.set(name, value);
  }
  return params;
}
