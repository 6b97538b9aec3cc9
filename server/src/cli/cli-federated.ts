import type { FederatedCredential } from "../modules/federation/federated-credential.entity.js";
import type { FederatedCredentialData } from "../modules/federation/federated-credential.rules.js";
import { toFederatedCredentialType } from "../modules/federation/federated-credential.types.js";
import { UsageError, type CommandOutput } from "./cli-command.js";

const KEYS = ["issuer", "audience", "subject", "name"] as const;

/**
 * `issuer=https://…,audience=…,subject=…,name=…` as one --federated value. Values may hold `=`
 * and `:` (GitHub subjects do) but not commas; the name defaults to the subject.
 */
export function parseFederatedOption(text: string): FederatedCredentialData {
  const parts = new Map<string, string>();
  for (const part of text.split(",")) {
    const equals = part.indexOf("=");
    const key = part.slice(0, equals).trim();
    if (equals === -1 || !(KEYS as readonly string[]).includes(key)) throw new UsageError(`--federated takes issuer=URL,audience=AUD,subject=SUB[,name=NAME] (bad part "${part.slice(0, 40)}")`);
    if (parts.has(key)) throw new UsageError(`--federated names ${key} twice`);
    parts.set(key, part.slice(equals + 1).trim());
  }
  const issuer = parts.get("issuer");
  const audience = parts.get("audience");
  const subject = parts.get("subject");
  if (issuer === undefined || audience === undefined || subject === undefined) throw new UsageError("--federated needs issuer=, audience= and subject=");
  return { issuer, audience, subject, name: parts.get("name") ?? subject.slice(0, 100) };
}

/** A client's federated credentials, field names as in GraphQL's FederatedCredential. */
export function federatedOutput(clientId: string, credentials: FederatedCredential[]): CommandOutput {
  const records = credentials.map((row) => ({ clientId, ...toFederatedCredentialType(row) }));
  const text = records.map((record) => Object.entries(record).map(([key, value]) => `${key}: ${value instanceof Date ? value.toISOString() : String(value)}`).join("\n")).join("\n\n");
  return { json: records, text: text || "No federated credentials." };
}
