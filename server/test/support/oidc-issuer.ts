import { execFileSync } from "node:child_process";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, request, type Server } from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importJWK, SignJWT, type JWK } from "jose";
import Provider from "oidc-provider";

/** A self-signed certificate for 127.0.0.1; Clavis trusts it through NODE_EXTRA_CA_CERTS, as any private CA. */
export interface LoopbackCertificate {
  dir: string;
  certPath: string;
  cert: string;
  key: string;
  remove(): void;
}

export function loopbackCertificate(): LoopbackCertificate {
  const dir = mkdtempSync(join(tmpdir(), "clavis-issuer-tls-"));
  const certPath = join(dir, "cert.pem");
  const keyPath = join(dir, "key.pem");
  execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", keyPath, "-out", certPath, "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], { stdio: "ignore" });
  return { dir, certPath, cert: readFileSync(certPath, "utf8"), key: readFileSync(keyPath, "utf8"), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const WORKLOAD_CLIENT = "ci-workload";
const WORKLOAD_SECRET = "a-secret-of-the-external-issuer-only";

function signingKey(kid: string): JWK {
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return { ...(privateKey.export({ format: "jwk" }) as JWK), kid, alg: "ES256", use: "sig" };
}

/**
 * A real external OIDC issuer on https loopback: oidc-provider with the client credentials
 * grant, issuing ES256 JWT access tokens whose aud is the requested resource (RFC 8707). Counts
 * the requests for each path; `hang()` makes it accept requests and never answer.
 */
export class LocalIssuer {
  readonly requests = new Map<string, number>();
  private keys: JWK[] = [signingKey(`k-${randomUUID()}`)];
  private handler: (req: IncomingMessage, res: ServerResponse) => void = () => {};
  private hanging = false;
  private readonly held: ServerResponse[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly tls: LoopbackCertificate,
  ) {
    this.server.on("request", (req: IncomingMessage, res: ServerResponse) => {
      const path = new URL(req.url ?? "/", this.url).pathname;
      this.requests.set(path, (this.requests.get(path) ?? 0) + 1);
      if (this.hanging) {
        this.held.push(res);
        return;
      }
      this.handler(req, res);
    });
    this.rebuild();
  }

  static async start(tls: LoopbackCertificate): Promise<LocalIssuer> {
    const server = createServer({ cert: tls.cert, key: tls.key });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return new LocalIssuer(server, `https://127.0.0.1:${(server.address() as AddressInfo).port}`, tls);
  }

  get currentKid(): string {
    return this.keys[0].kid!;
  }

  count(path: string): number {
    return this.requests.get(path) ?? 0;
  }

  /** A new signing key at the issuer, published in its JWKS beside the old one. */
  rotate(): void {
    this.keys = [signingKey(`k-${randomUUID()}`), ...this.keys];
    this.rebuild();
  }

  hang(): void {
    this.hanging = true;
  }

  /** A token from the issuer's own token endpoint: client credentials with resource = audience. */
  async issuedToken(audience: string): Promise<string> {
    const body = new URLSearchParams({ grant_type: "client_credentials", resource: audience }).toString();
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(`${this.url}/token`, {
        method: "POST",
        ca: this.tls.cert,
        headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from(`${WORKLOAD_CLIENT}:${WORKLOAD_SECRET}`).toString("base64")}` },
      });
      req.on("response", (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on("error", reject);
      req.end(body);
    });
    if (answer.status !== 200) throw new Error(`the issuer refused: ${answer.status} ${answer.text}`);
    return (JSON.parse(answer.text) as { access_token: string }).access_token;
  }

  /** A token signed with the issuer's current key (or the given JWK), with any claims: for the refusals. */
  async signed(claims: Record<string, unknown>, options: { key?: JWK; kid?: string } = {}): Promise<string> {
    const jwk = options.key ?? this.keys[0];
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: this.url, iat: now, exp: now + 300, jti: randomUUID(), ...claims })
      .setProtectedHeader({ alg: "ES256", kid: options.kid ?? jwk.kid, typ: "JWT" })
      .sign(await importJWK(jwk, "ES256"));
  }

  async close(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private rebuild(): void {
    const provider = new Provider(this.url, {
      clients: [{ client_id: WORKLOAD_CLIENT, client_secret: WORKLOAD_SECRET, grant_types: ["client_credentials"], redirect_uris: [], response_types: [], token_endpoint_auth_method: "client_secret_basic", id_token_signed_response_alg: "ES256" }],
      jwks: { keys: this.keys },
      features: {
        devInteractions: { enabled: false },
        clientCredentials: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => undefined,
          useGrantedResource: () => true,
          getResourceServerInfo: (_ctx: unknown, resource: string) => ({ scope: "", audience: resource, accessTokenTTL: 300, accessTokenFormat: "jwt", jwt: { sign: { alg: "ES256" } } }),
        },
      },
    });
    this.handler = provider.callback();
  }
}

/** A key the issuer never published, for a signature that must not verify. */
export function strangerKey(kid: string): JWK {
  return signingKey(kid);
}
