// Gets a token from Clavis with private_key_jwt (docs/oauth.md): no shared secret, a JWT signed
// with the client's private key instead. Needs `jose` (npm install jose).
//
//   node docs/examples/private-key-jwt.mjs generate-key ./keys      # writes private.pem and public.pem
//   clavis api-client create --org … --auth private_key_jwt --public-key ./keys/public.pem
//   CLAVIS_URL=https://auth.example.com CLAVIS_CLIENT_ID=… PRIVATE_KEY_FILE=./keys/private.pem \
//     node docs/examples/private-key-jwt.mjs
//
// Prints Clavis's token response. The private key never leaves this machine; only its public
// half is registered with Clavis.
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { importPKCS8, SignJWT } from "jose";

if (process.argv[2] === "generate-key") {
  const dir = process.argv[3] ?? ".";
  mkdirSync(dir, { recursive: true });
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  writeFileSync(join(dir, "private.pem"), privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
  writeFileSync(join(dir, "public.pem"), publicKey.export({ type: "spki", format: "pem" }));
  console.log(`wrote ${join(dir, "private.pem")} (keep it secret) and ${join(dir, "public.pem")} (register it with Clavis)`);
  process.exit(0);
}

const issuer = (process.env.CLAVIS_URL ?? "").replace(/\/+$/, "");
const clientId = process.env.CLAVIS_CLIENT_ID ?? "";
const keyFile = process.env.PRIVATE_KEY_FILE ?? "";
// EdDSA for Ed25519 keys; ES256 for P-256, RS256 or PS256 for RSA.
const alg = process.env.ALG ?? "EdDSA";
if (issuer === "" || clientId === "" || keyFile === "") throw new Error("Set CLAVIS_URL, CLAVIS_CLIENT_ID and PRIVATE_KEY_FILE");

const tokenEndpoint = `${issuer}/token`;
const privateKey = await importPKCS8(readFileSync(keyFile, "utf8"), alg);

// RFC 7523 §3: iss = sub = the client id, aud the token endpoint, a short exp (Clavis accepts at
// most 5 minutes) and a fresh jti for every request: Clavis refuses a jti it has seen.
const assertion = await new SignJWT({})
  .setProtectedHeader({ alg, ...(process.env.KEY_ID ? { kid: process.env.KEY_ID } : {}) })
  .setIssuer(clientId)
  .setSubject(clientId)
  .setAudience(tokenEndpoint)
  .setIssuedAt()
  .setExpirationTime("60s")
  .setJti(randomUUID())
  .sign(privateKey);

const response = await fetch(tokenEndpoint, {
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams({
    grant_type: "client_credentials",
    client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    client_assertion: assertion,
    ...(process.env.SCOPE ? { scope: process.env.SCOPE } : {}),
  }),
});
const body = await response.json();
console.log(JSON.stringify(body));
if (!response.ok) process.exit(1);
