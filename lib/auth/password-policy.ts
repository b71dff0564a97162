import "server-only";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/security-vocabulary";

/**
 * The one rule for a new password (issue 14 point 3), used by every form that sets one (change,
 * reset, invitation, setup, HR creating a person with a password). Returns an `errors.*` key, or
 * null when the password is acceptable. STUB (length only): THE PASSWORDS PART adds the check
 * against common and breached passwords (zxcvbn-ts with its dictionaries, `userInputs` = the
 * person's name and email so they do not count as a password).
 */
export function passwordProblem(password: string, userInputs: string[] = []): "passwordTooShort" | "passwordTooLong" | "passwordTooCommon" | null {
  void userInputs;
  if (password.length < PASSWORD_MIN_LENGTH) return "passwordTooShort";
  if (password.length > PASSWORD_MAX_LENGTH) return "passwordTooLong";
  return null;
}
