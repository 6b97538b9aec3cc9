import { createLocalJWKSet, errors, type FlattenedJWSInput, type JSONWebKeySet, type JWK, type JWSHeaderParameters } from "jose";
import { fetchIssuerJson, IssuerFetchError } from "./issuer-fetch.js";

/** A key set is used this long before it is fetched again. */
export const KEYS_FRESH_MS = 10 * 60_000;
/** If a refresh fails, the last good set stays in use this long after it was fetched. */
export const KEYS_STALE_MS = 60 * 60_000;
/** An unknown kid fetches the set again at most once per this many ms per issuer (a key rotation). */
export const UNKNOWN_KID_REFRESH_MS = 10_000;
/** After a failed fetch, an issuer with no usable set is not asked again for this long. */
export const RETRY_AFTER_FAILURE_MS = 30_000;
const MAX_KEYS = 100;
// Members only private or symmetric JWKs have (RFC 7518 §6.2.2, §6.3.2, §6.4; RFC 8037 §2).
const PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

export type KeyResolver = (header: JWSHeaderParameters, token: FlattenedJWSInput) => ReturnType<ReturnType<typeof createLocalJWKSet>>;

interface IssuerState {
  keys: JSONWebKeySet | null;
  fetchedAt: number;
  resolve: ReturnType<typeof createLocalJWKSet> | null;
  loading: Promise<void> | null;
  lastKidRefresh: number;
  failedUntil: number;
  failing: boolean;
}

/** An issuer whose keys cannot be had; `report` is set on the first failure of an outage only. */
export class IssuerUnavailable extends Error {
  constructor(readonly why: string, readonly report: boolean) {
    super(why);
    this.name = "IssuerUnavailable";
  }
}

/**
 * The signing keys of the allowlisted federation issuers (OpenID Connect Discovery 1.0 §4):
 * `{issuer}/.well-known/openid-configuration`, whose `issuer` must be the configured one exactly,
 * then its https `jwks_uri`. Each set is kept KEYS_FRESH_MS; an unknown kid refetches it at most
 * once per UNKNOWN_KID_REFRESH_MS per issuer, so tokens with made-up kids cannot make Clavis
 * hammer an issuer. Nothing outside the allowlist is ever fetched.
 */
export class IssuerKeys {
  private readonly issuers = new Map<string, IssuerState>();

  constructor(
    private readonly allowed: readonly string[],
    private readonly fetchJson: (url: string) => Promise<unknown> = fetchIssuerJson,
  ) {}

  /** A jose key resolver for tokens of `issuer`; throws IssuerUnavailable when the set cannot be had. */
  resolverFor(issuer: string): KeyResolver {
    return async (header, token) => {
      const state = await this.usableState(issuer);
      try {
        return await state.resolve!(header, token);
      } catch (error) {
        const now = Date.now();
        if (!(error instanceof errors.JWKSNoMatchingKey) || now - state.lastKidRefresh < UNKNOWN_KID_REFRESH_MS) throw error;
        state.lastKidRefresh = now;
        await this.load(issuer, state);
        if (state.resolve === null || state.fetchedAt < now) throw error;
        return state.resolve(header, token);
      }
    };
  }

  private async usableState(issuer: string): Promise<IssuerState> {
    if (!this.allowed.includes(issuer)) throw new IssuerUnavailable("the issuer is not on CLAVIS_FEDERATION_ISSUERS", false);
    let state = this.issuers.get(issuer);
    if (state === undefined) {
      state = { keys: null, fetchedAt: 0, resolve: null, loading: null, lastKidRefresh: 0, failedUntil: 0, failing: false };
      this.issuers.set(issuer, state);
    }
    const now = Date.now();
    if (state.resolve !== null && now - state.fetchedAt < KEYS_FRESH_MS) return state;
    if (now >= state.failedUntil) await this.load(issuer, state);
    if (state.resolve !== null && Date.now() - state.fetchedAt < KEYS_STALE_MS) return state;
    throw new IssuerUnavailable("its keys could not be fetched", false);
  }

  /** One fetch at a time per issuer; concurrent callers wait for it. */
  private load(issuer: string, state: IssuerState): Promise<void> {
    state.loading ??= this.fetchKeys(issuer)
      .then((keys) => {
        state.keys = keys;
        state.resolve = createLocalJWKSet(keys);
        state.fetchedAt = Date.now();
        state.failedUntil = 0;
        state.failing = false;
      })
      .catch((error: unknown) => {
        state.failedUntil = Date.now() + RETRY_AFTER_FAILURE_MS;
        const report = !state.failing;
        state.failing = true;
        // Only with no set to fall back on is the outage the caller's problem.
        if (state.resolve === null || Date.now() - state.fetchedAt >= KEYS_STALE_MS) {
          throw new IssuerUnavailable(error instanceof IssuerFetchError || error instanceof IssuerUnavailable ? error.message : "its keys could not be fetched", report);
        }
      })
      .finally(() => {
        state.loading = null;
      });
    return state.loading;
  }

  private async fetchKeys(issuer: string): Promise<JSONWebKeySet> {
    // §4: the issuer with any trailing slash removed, then the well-known path.
    const discovery = await this.fetchJson(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`);
    if (!isObject(discovery) || discovery.issuer !== issuer) throw new IssuerFetchError("its discovery document names another issuer");
    const jwksUri = discovery.jwks_uri;
    if (typeof jwksUri !== "string" || !jwksUri.startsWith("https://")) throw new IssuerFetchError("its discovery document has no https jwks_uri");
    return publicKeySet(await this.fetchJson(jwksUri));
  }
}

/** The set's public keys; a set with a private or symmetric key is refused whole, as a publishing mistake. */
export function publicKeySet(value: unknown): JSONWebKeySet {
  if (!isObject(value) || !Array.isArray(value.keys) || value.keys.length === 0 || value.keys.length > MAX_KEYS) throw new IssuerFetchError("its JWKS is not a set of 1 to 100 keys");
  const keys = value.keys as unknown[];
  if (!keys.every((key): key is Record<string, unknown> => isObject(key) && typeof key.kty === "string")) throw new IssuerFetchError("its JWKS holds something that is not a JWK");
  if (keys.some((key) => key.kty === "oct" || PRIVATE_MEMBERS.some((member) => member in (key as object)))) throw new IssuerFetchError("its JWKS holds a private or symmetric key");
  return { keys: keys as JWK[] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
