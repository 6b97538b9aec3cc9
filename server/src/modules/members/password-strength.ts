import { createRequire } from "node:module";
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

/** zxcvbn's scale: 3 is "safely unguessable" (about 10^8 guesses or more); lower is refused. */
export const MIN_SCORE = 3;

// The dictionaries cost about 150 ms and 35 MB, so they load on the first password checked,
// not at every start of the server or the CLI.
const load = createRequire(import.meta.url);
let checker: ZxcvbnFactory | null = null;

function strengthChecker(): ZxcvbnFactory {
  if (checker !== null) return checker;
  const { ZxcvbnFactory: Factory } = load("@zxcvbn-ts/core") as typeof import("@zxcvbn-ts/core");
  const common = load("@zxcvbn-ts/language-common") as typeof import("@zxcvbn-ts/language-common");
  const en = load("@zxcvbn-ts/language-en") as typeof import("@zxcvbn-ts/language-en");
  checker = new Factory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
    // Matching is superlinear in length (a random 200-character password took 0.8 s of event
    // loop here); 64 characters and 20 l33t substitutions keep the worst case near 70 ms.
    // Only the first 64 characters are judged, so a weak start is refused whatever follows.
    maxLength: 64,
    l33tMaxSubstitutions: 20,
  });
  return checker;
}

/** The user's own name, e-mail and organization, whole and word by word: guessable from outside. */
function userInputs(inputs: string[]): string[] {
  const words = inputs.flatMap((input) => input.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((word) => word.length >= 3);
  return [...new Set([...inputs.map((input) => input.toLowerCase()), ...words])];
}

/** Null when the password is hard enough to guess, else why not and what would help. */
export function weakPasswordAdvice(password: string, inputs: string[] = []): string | null {
  const result = strengthChecker().check(password, userInputs(inputs));
  if (result.score >= MIN_SCORE) return null;
  const advice = [result.feedback.warning, ...result.feedback.suggestions].filter((line): line is string => line !== null && line !== "");
  return ["Password is too easy to guess.", ...advice].join(" ");
}
