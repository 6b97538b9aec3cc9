// The server's own validation rules, run as the owner types: one definition of "valid".
import { fieldErrorText } from "../../lib/graphql-errors";
import type { MessageKey } from "../../lib/i18n";
import type { FieldError } from "../../../../server/src/common/errors";
import { allowedIpsErrors, descriptionErrors, nameErrors, redirectUrisErrors } from "../../../../server/src/modules/api-clients/api-client.rules";

/** A rule's message in the current language, as the server's errors are shown. */
export function ruleText(error: FieldError): string {
  return fieldErrorText(error);
}

export function nameProblem(name: string): string | undefined {
  const [error] = nameErrors(name);
  return error === undefined ? undefined : ruleText(error);
}

export function descriptionProblem(description: string): string | undefined {
  const [error] = descriptionErrors(description);
  return error === undefined ? undefined : ruleText(error);
}

/** The longest stored client id; a chosen id is stored as `<slug>.<chosen>`. */
export const CLIENT_ID_MAX = 64;
const CHOSEN_ID_MIN = 3;
const CHOSEN_ID_CHARACTERS = /^[a-z0-9._-]*$/;

export interface ChosenIdLimits {
  min: number;
  max: number;
  prefix: string;
}

/** What the owner may type: the organization's prefix takes its share of the 64 characters. */
export function chosenIdLimits(slug: string): ChosenIdLimits {
  return { min: CHOSEN_ID_MIN, max: CLIENT_ID_MAX - (slug.length + 1), prefix: `${slug}.` };
}

/** The stored id a chosen part becomes (the server's composeClientId). */
export function finalClientId(slug: string, chosen: string): string {
  return `${slug}.${chosen}`;
}

export function chosenIdProblem(chosen: string, limits: ChosenIdLimits): { key: MessageKey; params: Record<string, string | number> } | undefined {
  // The server's reasons and texts, so the live check and a refused submit say the same thing.
  if (!CHOSEN_ID_CHARACTERS.test(chosen)) return { key: "error.CLIENT_ID_CHARACTERS", params: { ...limits } };
  if (chosen.length < limits.min || chosen.length > limits.max) return { key: "error.CLIENT_ID_LENGTH", params: { ...limits } };
  return undefined;
}

/** The message for one entry of a list, as the server would word it. */
export function ipProblemAt(values: string[], index: number): string | undefined {
  const error = allowedIpsErrors(values).find((candidate) => candidate.field === `allowedIps[${index}]`);
  return error === undefined ? undefined : ruleText(error);
}

export function redirectProblemAt(values: string[], index: number): string | undefined {
  const error = redirectUrisErrors(values).find((candidate) => candidate.field === `redirectUris[${index}]`);
  return error === undefined ? undefined : ruleText(error);
}

export function listHasProblems(ips: string[], uris: string[]): boolean {
  return allowedIpsErrors(ips).length > 0 || redirectUrisErrors(uris).length > 0;
}
