import "server-only";
import type { ZxcvbnFactory, ZxcvbnResult } from "@zxcvbn-ts/core";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/security-vocabulary";

/** Below this zxcvbn score (0…4) a password is too easy to guess: 3 = "safely unguessable" online. */
export const PASSWORD_MIN_SCORE = 3;

let factory: Promise<ZxcvbnFactory> | undefined;

/**
 * zxcvbn-ts with the common (keyboard graphs, common and breached passwords, diceware) and English
 * dictionaries, loaded and built once, when a password is first checked: the dictionaries hold about
 * 30 MB of memory, which a server that only serves pages never needs (issue 15, point 6).
 */
function checker(): Promise<ZxcvbnFactory> {
  factory ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common"), import("@zxcvbn-ts/language-en")]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
  })();
  return factory;
}

/**
 * The words of a person's name and email that must not make up a password ("Ieva Kalna",
 * "ieva.kalna@example.com" → ieva, kalna, example, ieva.kalna…).
 */
export function personWords(inputs: string[]): string[] {
  const words = new Set<string>();
  for (const raw of inputs) {
    const value = raw.trim().toLowerCase();
    if (!value) continue;
    words.add(value);
    const [local, domain] = value.split("@");
    if (local) words.add(local);
    if (domain) words.add(domain);
    for (const part of value.split(/[\s@._+-]+/)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/** Whether zxcvbn found the whole password (or all but a short tail) in the common-password list. */
function inPasswordList(result: ZxcvbnResult): boolean {
  return result.sequence.some(
    (m) => m.pattern === "dictionary" && "dictionaryName" in m && String(m.dictionaryName).startsWith("passwords") && m.token.length >= result.password.length - 2,
  );
}

/** Whether the person's own words (name, email) make up half the password or more. */
function mostlyPersonWords(result: ZxcvbnResult): boolean {
  const covered = result.sequence
    .filter((m) => m.pattern === "dictionary" && "dictionaryName" in m && m.dictionaryName === "userInputs")
    .reduce((sum, m) => sum + m.token.length, 0);
  return covered * 2 >= result.password.length;
}

/**
 * The one rule for a new password (issue 14 point 3), used by every form that sets one (change,
 * reset, invitation, setup, HR creating a person with a password): at least PASSWORD_MIN_LENGTH
 * characters, at most PASSWORD_MAX_LENGTH, and not easy to guess: zxcvbn-ts must score it at
 * least PASSWORD_MIN_SCORE and not find it in its list of common and breached passwords, with the
 * person's name and email (`userInputs`) counting as known words. No composition rules. Returns an
 * `errors.*` key, or null when the password is acceptable.
 */
export async function passwordProblem(password: string, userInputs: string[] = []): Promise<"passwordTooShort" | "passwordTooLong" | "passwordTooCommon" | null> {
  if ([...password].length < PASSWORD_MIN_LENGTH) return "passwordTooShort";
  if (password.length > PASSWORD_MAX_LENGTH) return "passwordTooLong";
  const result = (await checker()).check(password, personWords(userInputs));
  if (result.score < PASSWORD_MIN_SCORE || inPasswordList(result) || mostlyPersonWords(result)) return "passwordTooCommon";
  return null;
}
