import type { IncomingMessage } from "node:http";

const JSON_BODY_LIMIT_BYTES = 100 * 1024;

/** A request refused before it reaches GraphQL; answered as `{ error, error_description }`. */
export class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    description: string,
  ) {
    super(description);
  }
}

const tooLarge = () => new BodyError(413, "payload_too_large", `Request body exceeds ${JSON_BODY_LIMIT_BYTES / 1024}kb`);

/**
 * The request's JSON body, or undefined when it is not declared as JSON (GraphQL then answers
 * for itself). Strict like Express's json(): an object or array, UTF-8, no compression, at most
 * 100 KB, and an empty body is `{}`.
 */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const [type, ...params] = (req.headers["content-type"] ?? "").split(";");
  if (type.trim().toLowerCase() !== "application/json") {
    req.resume();
    return undefined;
  }
  const charset = params.map((param) => param.trim().toLowerCase()).find((param) => param.startsWith("charset="));
  const encoding = (req.headers["content-encoding"] ?? "identity").toLowerCase();
  if ((charset !== undefined && charset.replace(/"/g, "") !== "charset=utf-8") || encoding !== "identity") {
    req.resume();
    throw new BodyError(415, "unsupported_media_type", "The request body must be uncompressed UTF-8 JSON");
  }
  if (Number(req.headers["content-length"] ?? "0") > JSON_BODY_LIMIT_BYTES) {
    req.resume();
    throw tooLarge();
  }
  const text = (await readUpTo(req, JSON_BODY_LIMIT_BYTES)).toString("utf8").trim();
  if (text === "") return {};
  if (text[0] !== "{" && text[0] !== "[") throw new BodyError(400, "invalid_request", "The request body must be a JSON object or array");
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError(400, "invalid_request", "The request body is not valid JSON");
  }
}

/** The whole body; past `limit` it is refused at once, and the rest is read and dropped so the 413 can still be sent. */
function readUpTo(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      if (size > limit) return;
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else reject(tooLarge());
    });
    req.once("end", () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.once("error", reject);
  });
}
