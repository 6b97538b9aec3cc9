// The server's own validation rules, run as the owner types: one definition of "valid".
import {
  allowedIpsErrors,
  clientIdErrors,
  descriptionErrors,
  nameErrors,
  redirectUrisErrors,
} from "../../../../server/src/modules/api-clients/api-client.rules";

export { clientIdErrors, descriptionErrors, nameErrors };

/** The message for one entry of a list, as the server would word it. */
export function ipProblemAt(values: string[], index: number): string | undefined {
  return allowedIpsErrors(values).find((error) => error.field === `allowedIps[${index}]`)?.message;
}

export function redirectProblemAt(values: string[], index: number): string | undefined {
  return redirectUrisErrors(values).find((error) => error.field === `redirectUris[${index}]`)?.message;
}

export function listHasProblems(ips: string[], uris: string[]): boolean {
  return allowedIpsErrors(ips).length > 0 || redirectUrisErrors(uris).length > 0;
}
