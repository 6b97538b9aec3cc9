import { sign, type KeyObject } from "node:crypto";

export interface JwtSigner {
  kid: string;
  /** On the event loop: no hand-over, so the least latency when nothing else waits. */
  sign(claims: Record<string, unknown>): string;
  /** On libuv's thread pool: the event loop stays free for other requests while it signs. */
  signOffLoop(claims: Record<string, unknown>): Promise<string>;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/**
 * EdDSA compact JWS with a header fixed per key (RFC 9068 §2.1: typ at+jwt). Hand-rolled because
 * /token signs on every request: one JSON encode and one Ed25519 signature, nothing else.
 * Verification goes through jose.
 */
export function createSigner(kid: string, privateKey: KeyObject): JwtSigner {
  const header = b64({ alg: "EdDSA", typ: "at+jwt", kid });
  return {
    kid,
    sign(claims) {
      const input = `${header}.${b64(claims)}`;
      return `${input}.${sign(null, Buffer.from(input), privateKey).toString("base64url")}`;
    },
    signOffLoop(claims) {
      const input = `${header}.${b64(claims)}`;
      return new Promise((resolve, reject) => {
        sign(null, Buffer.from(input), privateKey, (error, signature) => (error === null ? resolve(`${input}.${signature.toString("base64url")}`) : reject(error)));
      });
    },
  };
}
