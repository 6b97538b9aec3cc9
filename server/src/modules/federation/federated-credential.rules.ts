import { randomUUID } from "node:crypto";
import type { FieldError } from "../../common/errors.js";
import { nameErrors } from "../api-clients/api-client.rules.js";
import type { FederatedCredential } from "./federated-credential.entity.js";

export const MAX_FEDERATED_CREDENTIALS = 20;
export const FEDERATED_VALUE_MAX = 255;

export interface FederatedCredentialData {
  name: string;
  issuer: string;
  audience: string;
  subject: string;
}

/** Field errors of one credential; `prefix` names it in a list ("federatedCredentials.2."). */
export function federatedCredentialErrors(data: FederatedCredentialData, allowedIssuers: readonly string[], prefix = ""): FieldError[] {
  return [
    ...nameErrors(data.name, `${prefix}name`),
    // Compared exactly, as the `iss` claim will be: no trailing slash is forgiven.
    ...(allowedIssuers.includes(data.issuer) ? [] : [{ field: `${prefix}issuer`, reason: "FEDERATION_ISSUER_NOT_ALLOWED" as const, params: { issuer: data.issuer.slice(0, FEDERATED_VALUE_MAX) }, message: "This issuer is not on the server's list of trusted issuers (CLAVIS_FEDERATION_ISSUERS)" }]),
    ...valueErrors(data.audience, `${prefix}audience`),
    ...valueErrors(data.subject, `${prefix}subject`),
    // Matching is exact: a `*` would never match what its writer meant, so it is refused outright.
    ...(data.subject.includes("*") ? [{ field: `${prefix}subject`, reason: "FEDERATED_SUBJECT_WILDCARD" as const, message: "The subject is matched exactly; wildcards are not supported" }] : []),
  ];
}

function valueErrors(value: string, field: string): FieldError[] {
  // eslint-disable-next-line no-control-regex
  if (value.length === 0 || value.length > FEDERATED_VALUE_MAX || value.trim() !== value || /[\u0000-\u001f\u007f]/.test(value)) {
    return [{ field, reason: "FEDERATED_VALUE_INVALID", params: { max: FEDERATED_VALUE_MAX }, message: `Must be 1 to ${FEDERATED_VALUE_MAX} characters, without surrounding spaces or control characters` }];
  }
  return [];
}

/** The credentials a FEDERATED client is created with: 1 to 20, each valid, no two alike. */
export function federatedCredentialListErrors(list: readonly FederatedCredentialData[], allowedIssuers: readonly string[]): FieldError[] {
  if (list.length === 0 || list.length > MAX_FEDERATED_CREDENTIALS) {
    return [{ field: "federatedCredentials", reason: "FEDERATED_CREDENTIALS_COUNT", params: { max: MAX_FEDERATED_CREDENTIALS }, message: `A federated client needs 1 to ${MAX_FEDERATED_CREDENTIALS} federated credentials` }];
  }
  const errors = list.flatMap((item, index) => federatedCredentialErrors(item, allowedIssuers, `federatedCredentials.${index}.`));
  list.forEach((item, index) => {
    if (list.findIndex((other) => sameTrust(other, item)) !== index) errors.push(duplicateError(`federatedCredentials.${index}`));
  });
  return errors;
}

export function sameTrust(a: FederatedCredentialData, b: FederatedCredentialData): boolean {
  return a.issuer === b.issuer && a.audience === b.audience && a.subject === b.subject;
}

export function duplicateError(field: string): FieldError {
  return { field, reason: "FEDERATED_CREDENTIAL_DUPLICATE", message: "The client already trusts this issuer, audience and subject" };
}

/**
 * Rows of valid credentials, to insert with the client's create or an add. A millisecond apart,
 * so they list (oldest first) in the order they were given.
 */
export function federatedCredentialRows(apiClientId: string, list: readonly FederatedCredentialData[], now: Date): FederatedCredential[] {
  return list.map((data, index) => ({ id: randomUUID(), apiClientId, name: data.name.trim(), issuer: data.issuer, audience: data.audience, subject: data.subject, createdAt: new Date(now.getTime() + index) }));
}
