import "server-only";
import type { Actor } from "@/lib/auth/actor";

/**
 * TOTP second factor (issue 14 point 4). STUBS with fixed signatures: THE TWO-FACTOR PART fills
 * them in (enrolment, recovery codes, HR reset and the sign-in step live in this file or beside it).
 */

export type SecondFactorCheck =
  | { ok: true; used: "totp" | "recovery" | "none" }
  | { ok: false; reason: "required" | "invalid" };

/**
 * At sign-in, after the password was accepted: a person with an enabled second factor must give a
 * current TOTP code (or an unused recovery code). No code → "required" (the form then asks for one);
 * a wrong or replayed code → "invalid". A person without one → ok, used "none".
 */
export async function checkSecondFactorAtSignIn(personId: number, code: string | undefined): Promise<SecondFactorCheck> {
  void personId;
  void code;
  return { ok: true, used: "none" };
}

/**
 * Whether this person must enrol a second factor before doing anything else (HR admins when the
 * setting requires it and they have none). Pages then send them to /security/two-factor.
 */
export function mustEnrolSecondFactor(actor: Actor): boolean {
  void actor;
  return false;
}
