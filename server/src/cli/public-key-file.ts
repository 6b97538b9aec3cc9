import { readFile } from "node:fs/promises";
import type { PublicKeyInput } from "../modules/api-clients/public-key.js";
import { UsageError } from "./cli-command.js";

/** A public key file: PEM SPKI ("-----BEGIN PUBLIC KEY-----") or a JWK in JSON. */
export async function readPublicKeyFile(path: string, expiresAt: Date | undefined): Promise<PublicKeyInput> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new UsageError(`Cannot read the public key file ${path}`);
  }
  if (text.trimStart().startsWith("-----BEGIN")) return { pem: text, expiresAt };
  try {
    const jwk: unknown = JSON.parse(text);
    if (typeof jwk === "object" && jwk !== null && !Array.isArray(jwk)) return { jwk: jwk as Record<string, unknown>, expiresAt };
  } catch {
    // Said below, as for any other content.
  }
  throw new UsageError(`${path} holds neither a PEM public key nor a JWK in JSON`);
}
