import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { UserDirectoryConfig } from "../../config.js";
import { parseDirectoryUser, type DirectoryUser } from "./directory-answer.js";
import { directorySignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "./directory-signature.js";

export type DirectoryRequest =
  | { organizationId: string | null; mode: "login"; username: string; password: string }
  | { organizationId: string | null; mode: "impersonate"; username: string }
  | { organizationId: string | null; mode: "impersonate"; id: string };

/** Found, refused (unknown user, wrong password, not in that organization: never which), or no answer. */
export type DirectoryOutcome = { kind: "found"; user: DirectoryUser } | { kind: "refused" } | { kind: "unavailable"; why: string };

/** A user answer is a few hundred bytes; more is not a directory we understand. */
export const MAX_ANSWER_BYTES = 16 * 1024;

/**
 * The platform's user directory (docs/user-tokens.md): one signed JSON POST per question, a
 * deadline over the whole exchange (connect, send, answer), no retries (a login is never sent
 * twice), and an answer read only up to MAX_ANSWER_BYTES. It never throws: every failure is
 * "unavailable", with a reason for the log that holds no request data.
 */
export class UserDirectory {
  constructor(private readonly config: UserDirectoryConfig) {}

  lookup(question: DirectoryRequest): Promise<DirectoryOutcome> {
    const body = JSON.stringify(question);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const url = new URL(this.config.url);
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (outcome: DirectoryOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        request.destroy();
        resolve(outcome);
      };
      const request = send(url, {
        method: "POST",
        // A fresh connection each time: nothing pooled outlives the deadline.
        agent: false,
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          "content-length": Buffer.byteLength(body),
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: directorySignature(this.config.secret, timestamp, body),
        },
      });
      const deadline = setTimeout(() => finish({ kind: "unavailable", why: `no answer within ${this.config.timeoutMs} ms` }), this.config.timeoutMs);
      request.on("error", (error: NodeJS.ErrnoException) => finish({ kind: "unavailable", why: `request failed (${error.code ?? "error"})` }));
      request.on("response", (response) => readAnswer(response).then(finish, () => finish({ kind: "unavailable", why: "the answer broke off" })));
      request.end(body);
    });
  }
}

async function readAnswer(response: IncomingMessage): Promise<DirectoryOutcome> {
  const status = response.statusCode ?? 0;
  if (status === 403 || status === 404) {
    response.resume();
    return { kind: "refused" };
  }
  if (status !== 200) {
    response.resume();
    return { kind: "unavailable", why: `answered HTTP ${status}` };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response) {
    size += (chunk as Buffer).length;
    if (size > MAX_ANSWER_BYTES) return { kind: "unavailable", why: `answer larger than ${MAX_ANSWER_BYTES} bytes` };
    chunks.push(chunk as Buffer);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return { kind: "unavailable", why: "answer is not JSON" };
  }
  const user = parseDirectoryUser(parsed);
  return user === null ? { kind: "unavailable", why: "answer is not a user" } : { kind: "found", user };
}
