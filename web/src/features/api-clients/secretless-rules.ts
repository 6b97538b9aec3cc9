// Light checks of what an owner pastes or types for a secretless client, before the server (the
// judge: key type, size and algorithm are its rules) sees it. Each problem is a locale key.
import type { MessageKey } from "../../lib/i18n";

export type ClientAuthMethod = "CLIENT_SECRET" | "PRIVATE_KEY_JWT" | "FEDERATED";

export interface PublicKeyInput {
  jwk?: Record<string, unknown>;
  pem?: string;
  expiresAt: string | null;
}

export interface FederatedCredentialDraft {
  name: string;
  issuer: string;
  audience: string;
  subject: string;
}

/** Members only a private or symmetric JWK has (RFC 7518 §6.2.2, §6.3.2, §6.4; RFC 8037 §2). */
const PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];
const PEM = /^-----BEGIN ([A-Z0-9 ]+)-----\r?\n([A-Za-z0-9+/=\r\n]+)-----END \1-----$/;

/** The key as the API takes it ({ pem } or { jwk }), or the locale key of what is wrong with it. */
export function parsePublicKey(text: string): { key: { jwk: Record<string, unknown> } | { pem: string } } | { problem: MessageKey } {
  const trimmed = text.trim();
  if (trimmed === "") return { problem: "clientAuth.keyRequired" };
  if (trimmed.startsWith("-----")) {
    const match = PEM.exec(trimmed);
    if (match === null) return { problem: "clientAuth.keyPemMalformed" };
    if (match[1]?.includes("PRIVATE") === true) return { problem: "clientAuth.keyIsPrivate" };
    if (match[1] !== "PUBLIC KEY") return { problem: "clientAuth.keyPemNotSpki" };
    return { key: { pem: `${trimmed}\n` } };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return { problem: "clientAuth.keyUnreadable" };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return { problem: "clientAuth.keyUnreadable" };
  const jwk = parsed as Record<string, unknown>;
  if (Array.isArray(jwk.keys)) return { problem: "clientAuth.keyIsSet" };
  if (typeof jwk.kty !== "string") return { problem: "clientAuth.keyNoKty" };
  if (PRIVATE_MEMBERS.some((member) => member in jwk)) return { problem: "clientAuth.keyIsPrivate" };
  return { key: { jwk } };
}

/** A yyyy-mm-dd expiry as the end of that day (UTC), as a client's own expiry is stored; "" is none. */
export function keyExpiry(day: string): string | null {
  return day === "" ? null : new Date(`${day}T23:59:59.999Z`).toISOString();
}

/** The ClientPublicKeyInput of a pasted key and an optional expiry day, or the problem to show at the field. */
export function publicKeyInput(text: string, expiresOn: string): { input: PublicKeyInput } | { problem: MessageKey } {
  const parsed = parsePublicKey(text);
  if ("problem" in parsed) return parsed;
  return { input: { ...parsed.key, expiresAt: keyExpiry(expiresOn) } };
}

/** Problems per field of a federated credential: every field required, the subject matched exactly. */
export function federatedProblems(draft: FederatedCredentialDraft): Partial<Record<keyof FederatedCredentialDraft, MessageKey>> {
  const problems: Partial<Record<keyof FederatedCredentialDraft, MessageKey>> = {};
  for (const field of ["name", "issuer", "audience", "subject"] as const) if (draft[field].trim() === "") problems[field] = "clientAuth.required";
  if (problems.subject === undefined && draft.subject.includes("*")) problems.subject = "clientAuth.subjectNoWildcards";
  return problems;
}

/** A thumbprint short enough for a table cell, still telling keys apart at a glance: first 8 … last 4. */
export function abbreviateThumbprint(thumbprint: string): string {
  return thumbprint.length <= 16 ? thumbprint : `${thumbprint.slice(0, 8)}…${thumbprint.slice(-4)}`;
}

/** What the create dialog's "Authentication" choice holds while the owner fills it in. */
export interface AuthChoice {
  method: ClientAuthMethod;
  keyText: string;
  keyExpiresOn: string;
  credential: FederatedCredentialDraft;
}

export const INITIAL_AUTH_CHOICE: AuthChoice = { method: "CLIENT_SECRET", keyText: "", keyExpiresOn: "", credential: { name: "", issuer: "", audience: "", subject: "" } };

export interface AuthChoiceProblems {
  key?: MessageKey;
  credential?: Partial<Record<keyof FederatedCredentialDraft, MessageKey>>;
}

export interface AuthInput {
  authMethod: ClientAuthMethod;
  publicKeys?: PublicKeyInput[];
  federatedCredentials?: FederatedCredentialDraft[];
}

/** The CreateApiClientInput fields of the chosen method, or the problems to show at its fields. */
export function authChoiceInput(choice: AuthChoice): { input: AuthInput } | { problems: AuthChoiceProblems } {
  if (choice.method === "PRIVATE_KEY_JWT") {
    const key = publicKeyInput(choice.keyText, choice.keyExpiresOn);
    return "problem" in key ? { problems: { key: key.problem } } : { input: { authMethod: choice.method, publicKeys: [key.input] } };
  }
  if (choice.method === "FEDERATED") {
    const problems = federatedProblems(choice.credential);
    if (Object.keys(problems).length > 0) return { problems: { credential: problems } };
    const { name, issuer, audience, subject } = choice.credential;
    return { input: { authMethod: choice.method, federatedCredentials: [{ name: name.trim(), issuer, audience: audience.trim(), subject: subject.trim() }] } };
  }
  return { input: { authMethod: "CLIENT_SECRET" } };
}

/** Problems the owner sees: all once the form was submitted; before that, only a pasted key's (a private key says so at once). */
export function shownAuthProblems(problems: AuthChoiceProblems, submitted: boolean, keyText: string): AuthChoiceProblems {
  if (submitted) return problems;
  return keyText.trim() === "" ? {} : { key: problems.key };
}

/** A server field error under one of the given paths ("publicKeys[0].pem" under "publicKeys"), for the field that shows it. */
export function fieldErrorUnder<T extends { field: string; message: string; reason?: string }>(fields: T[], prefixes: string[], leaf?: string): string | undefined {
  // The server names a key's expiry problem by its reason, at the key's own field.
  const leafOf = ({ field, reason }: T) => (reason === "PUBLIC_KEY_EXPIRY_IN_PAST" ? "expiresAt" : /\.(expiresAt|name|issuer|audience|subject)$/.exec(field)?.[1]);
  return fields.find((error) => prefixes.some((prefix) => error.field === prefix || error.field.startsWith(`${prefix}.`) || error.field.startsWith(`${prefix}[`)) && leafOf(error) === leaf)?.message;
}
