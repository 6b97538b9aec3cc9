import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/free-port.js";
import { GraphQLSession, PASSWORD } from "../support/graphql-session.js";
import { postForm } from "../support/oauth-http.js";
import { LocalIssuer, loopbackCertificate, strangerKey, WORKLOAD_CLIENT, type LoopbackCertificate } from "../support/oidc-issuer.js";
import { startServerProcess, type ServerProcess } from "../support/server-process.js";
import { createTestDatabase, testDbKind, type TestDatabase } from "../support/test-database.js";

const AUDIENCE = "https://clavis.example.test";
const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const INVALID_CLIENT = { error: "invalid_client", error_description: "Client authentication failed" };
const DISCOVERY = "/.well-known/openid-configuration";
const CREATE = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiClient { id clientId authMethod } clientSecret } }`;
const now = () => Math.floor(Date.now() / 1000);

describe(`workload identity federation at /token on ${testDbKind()}`, () => {
  let tls: LoopbackCertificate;
  let issuer: LocalIssuer;
  let hanging: LocalIssuer;
  let unlisted: LocalIssuer;
  let db: TestDatabase;
  let clavis: ServerProcess;
  let owner: GraphQLSession;
  let organizationId: string;
  let env: Record<string, string>;

  const exchange = (clientId: string, assertion: string) =>
    postForm(clavis.url, "/token", { grant_type: "client_credentials", client_id: clientId, client_assertion_type: JWT_BEARER, client_assertion: assertion });

  const federatedClient = async (credentials: { issuer: string; audience?: string; subject?: string }[]) => {
    const input = {
      organizationId,
      name: `Workload ${Math.random().toString(36).slice(2, 8)}`,
      environment: "LIVE",
      role: "reader",
      authMethod: "FEDERATED",
      federatedCredentials: credentials.map((item, index) => ({ name: `ci ${index}`, audience: AUDIENCE, subject: WORKLOAD_CLIENT, ...item })),
    };
    const { createApiClient } = await owner.ok(CREATE, { input });
    expect(createApiClient.clientSecret).toBeNull();
    return createApiClient.apiClient.clientId as string;
  };

  beforeAll(async () => {
    tls = loopbackCertificate();
    [issuer, hanging, unlisted] = await Promise.all([LocalIssuer.start(tls), LocalIssuer.start(tls), LocalIssuer.start(tls)]);
    db = await createTestDatabase();
    env = {
      DATABASE_URL: db.url,
      CLAVIS_ISSUER: AUDIENCE,
      CLAVIS_FEDERATION_ISSUERS: `${issuer.url},${hanging.url}`,
      // The issuers' self-signed certificate, trusted as an operator trusts a private CA: no "allow http" switch exists.
      NODE_EXTRA_CA_CERTS: tls.certPath,
    };
    clavis = await startServerProcess(env, await freePort());
    owner = new GraphQLSession(clavis.url);
    const setup = await owner.ok(`mutation($input: SetupInput!) { setup(input: $input) { organization { id } } }`, {
      input: { organizationName: "Federated", name: "Owner", email: "owner@federated.test", password: PASSWORD },
    });
    organizationId = setup.setup.organization.id;
  }, 60_000);

  afterAll(async () => {
    await clavis?.stop();
    await Promise.all([issuer?.close(), hanging?.close(), unlisted?.close()]);
    await db?.drop();
    tls?.remove();
  });

  it("accepts a JWT access token from the external issuer for a matching credential and issues the client's token, once", async () => {
    const clientId = await federatedClient([{ issuer: issuer.url }]);
    const external = await issuer.issuedToken(AUDIENCE);
    const answer = await exchange(clientId, external);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ token_type: "Bearer", expires_in: expect.any(Number) });
    expect(decodeJwt(answer.body!.access_token as string)).toMatchObject({ iss: AUDIENCE, client_id: clientId, sub: clientId });
    expect(issuer.count(DISCOVERY)).toBe(1);
    // The same token again is a replay, refused until it expires.
    const again = await exchange(clientId, external);
    expect([again.status, again.body]).toEqual([401, INVALID_CLIENT]);
  });

  it("accepts a token without a jti once, by its hash", async () => {
    const clientId = await federatedClient([{ issuer: issuer.url }]);
    const external = await issuer.signed({ sub: WORKLOAD_CLIENT, aud: [AUDIENCE, "https://other.example"], jti: undefined });
    expect((await exchange(clientId, external)).status).toBe(200);
    expect((await exchange(clientId, external)).body).toEqual(INVALID_CLIENT);
  });

  it("refuses a wrong issuer (another allowed one, or a look-alike), a wrong audience, a wrong subject, an expired token, one not yet valid, and one without exp", async () => {
    const clientId = await federatedClient([{ issuer: issuer.url }]);
    const refused = [
      await issuer.signed({ iss: hanging.url, sub: WORKLOAD_CLIENT, aud: AUDIENCE }),
      await issuer.signed({ iss: `${issuer.url}/`, sub: WORKLOAD_CLIENT, aud: AUDIENCE }),
      await issuer.signed({ iss: issuer.url.toUpperCase(), sub: WORKLOAD_CLIENT, aud: AUDIENCE }),
      await issuer.signed({ sub: WORKLOAD_CLIENT, aud: "https://elsewhere.example" }),
      await issuer.signed({ sub: `${WORKLOAD_CLIENT}-other`, aud: AUDIENCE }),
      await issuer.signed({ sub: WORKLOAD_CLIENT.toUpperCase(), aud: AUDIENCE }),
      await issuer.signed({ sub: WORKLOAD_CLIENT, aud: AUDIENCE, iat: now() - 600, exp: now() - 120 }),
      await issuer.signed({ sub: WORKLOAD_CLIENT, aud: AUDIENCE, nbf: now() + 600, exp: now() + 900 }),
      await issuer.signed({ sub: WORKLOAD_CLIENT, aud: AUDIENCE, exp: undefined }),
    ];
    for (const assertion of refused) {
      const answer = await exchange(clientId, assertion);
      expect([answer.status, answer.body]).toEqual([401, INVALID_CLIENT]);
    }
    // The credential still works for a right token: none of the refusals were about the client.
    expect((await exchange(clientId, await issuer.signed({ sub: WORKLOAD_CLIENT, aud: AUDIENCE }))).status).toBe(200);
  });

  it("refuses a token signed by a key the issuer never published, and one from an issuer off the allowlist without fetching from it", async () => {
    const clientId = await federatedClient([{ issuer: issuer.url }]);
    const forged = await issuer.signed({ sub: WORKLOAD_CLIENT, aud: AUDIENCE }, { key: strangerKey(issuer.currentKid) });
    expect((await exchange(clientId, forged)).body).toEqual(INVALID_CLIENT);
    const foreign = await unlisted.signed({ sub: WORKLOAD_CLIENT, aud: AUDIENCE });
    expect((await exchange(clientId, foreign)).body).toEqual(INVALID_CLIENT);
    expect(unlisted.requests.size).toBe(0);
  });

  it("fetches the keys again for an unknown kid after a rotation at the issuer, and at most once for a burst of made-up kids", async () => {
    const clientId = await federatedClient([{ issuer: issuer.url }]);
    issuer.rotate();
    const fetchedBefore = issuer.count("/jwks");
    expect((await exchange(clientId, await issuer.signed({ sub: WORKLOAD_CLIENT, aud: AUDIENCE }))).status).toBe(200);
    expect(issuer.count("/jwks")).toBe(fetchedBefore + 1);
    for (const kid of ["made-up-1", "made-up-2", "made-up-3"]) {
      const answer = await exchange(clientId, await issuer.signed({ sub: WORKLOAD_CLIENT, aud: AUDIENCE }, { key: strangerKey(kid) }));
      expect(answer.body).toEqual(INVALID_CLIENT);
    }
    expect(issuer.count("/jwks")).toBe(fetchedBefore + 1);
  });

  it("answers invalid_client, not a hang or a 500, when the issuer never answers, asks it once, and logs the outage once without the token", async () => {
    hanging.hang();
    const clientId = await federatedClient([{ issuer: hanging.url }]);
    const first = await hanging.signed({ sub: WORKLOAD_CLIENT, aud: AUDIENCE });
    const second = await hanging.signed({ sub: WORKLOAD_CLIENT, aud: AUDIENCE });
    expect([(await exchange(clientId, first)).body, (await exchange(clientId, second)).body]).toEqual([INVALID_CLIENT, INVALID_CLIENT]);
    expect(hanging.count(DISCOVERY)).toBe(1);
    const reports = clavis.output().split("\n").filter((line) => line.includes("federation issuer's keys cannot be fetched"));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain(hanging.url);
    expect(clavis.output()).not.toContain(first.split(".")[1]);
  }, 30_000);

  it("counts refused assertions in the failure throttle: after ten, even a right token waits", async () => {
    const clientId = await federatedClient([{ issuer: issuer.url }]);
    expect((await exchange(clientId, await issuer.signed({ sub: WORKLOAD_CLIENT, aud: AUDIENCE }))).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await exchange(clientId, await issuer.signed({ sub: "intruder", aud: AUDIENCE }))).status).toBe(401);
    const answer = await exchange(clientId, await issuer.signed({ sub: WORKLOAD_CLIENT, aud: AUDIENCE }));
    expect(answer.status).toBe(429);
    expect(answer.body?.error).toBe("temporarily_unavailable");
  });

  it("stops accepting an issuer's tokens once the operator takes it off the allowlist, and never asks it again", async () => {
    const clientId = await federatedClient([{ issuer: issuer.url }]);
    expect((await exchange(clientId, await issuer.signed({ sub: WORKLOAD_CLIENT, aud: AUDIENCE }))).status).toBe(200);
    await clavis.stop();
    clavis = await startServerProcess({ ...env, CLAVIS_FEDERATION_ISSUERS: hanging.url }, await freePort());
    const asked = issuer.requests.size === 0 ? 0 : [...issuer.requests.values()].reduce((sum, count) => sum + count, 0);
    const answer = await exchange(clientId, await issuer.signed({ sub: WORKLOAD_CLIENT, aud: AUDIENCE }));
    expect([answer.status, answer.body]).toEqual([401, INVALID_CLIENT]);
    expect([...issuer.requests.values()].reduce((sum, count) => sum + count, 0)).toBe(asked);
  }, 60_000);
});
