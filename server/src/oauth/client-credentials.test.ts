import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientCredentials } from "./client-credentials.js";
import { InvalidClient, InvalidRequest } from "./oauth-errors.js";

const request = (authorization?: string) => ({ headers: authorization === undefined ? {} : { authorization } }) as IncomingMessage;
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

describe("client credentials", () => {
  it("decodes Basic with the RFC 6749 §2.3.1 form-encoding", () => {
    expect(clientCredentials(request(basic("my%3Aclient", "s%2Bcret+x")), new Map())).toEqual({ clientId: "my:client", secret: "s+cret x", usedBasic: true });
  });

  it("reads client_secret_post", () => {
    expect(clientCredentials(request(), new Map([["client_id", "c"], ["client_secret", "s"]]))).toEqual({ clientId: "c", secret: "s", usedBasic: false });
  });

  it("refuses both methods at once, and neither", () => {
    expect(() => clientCredentials(request(basic("c", "s")), new Map([["client_id", "c"]]))).toThrow(InvalidRequest);
    expect(() => clientCredentials(request(), new Map())).toThrow(InvalidRequest);
  });

  it("refuses a half-given body pair and malformed Basic", () => {
    expect(() => clientCredentials(request(), new Map([["client_id", "c"]]))).toThrow("Both client_id and client_secret are required");
    expect(() => clientCredentials(request(`Basic ${Buffer.from("nocolon").toString("base64")}`), new Map())).toThrow(InvalidClient);
    expect(() => clientCredentials(request(basic("%E0%A4%A", "s")), new Map())).toThrow(InvalidClient);
  });
});
