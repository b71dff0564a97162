import "server-only";
import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import { checkCredentials, personIdOf } from "@/lib/auth/signin";
import { clientAddress, userAgentOf } from "@/lib/auth/request-info";
import { checkSecondFactorAtSignIn } from "@/lib/auth/second-factor";
import { securityEvent } from "@/lib/auth/security-audit";
import { createSession } from "@/lib/auth/sessions";

/**
 * Sign-in refused. `code` is read by the sign-in action: "invalid", "slow:<seconds>" (slowed down by
 * the failure limits: try again after that many seconds),
 * "codeRequired" (the password was right; ask for the second factor) or "codeInvalid".
 */
export class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().max(320),
  password: z.string().max(1000),
  code: z.string().trim().max(64).optional(),
});

/**
 * Auth.js's `authorize` for email + password (+ second-factor code): checks them, starts a server-side
 * session and returns what the jwt callback puts in the cookie. Every outcome is audited.
 */
export async function authorizeCredentials(raw: unknown, headers: Headers): Promise<{ id: string; sessionVersion: number; sid: string }> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) throw new SignInRefused("invalid");
  const ip = clientAddress(headers);
  const userAgent = userAgentOf(headers);
  const { email, password, code } = parsed.data;
  const result = await checkCredentials(email, password, ip);
  if (!result.ok) {
    const personId = personIdOf(email);
    // Never the password: the email tried and, when slowed, which limit and for how long.
    const context = { actorId: null, personId, ip, userAgent };
    const tried = email.trim().toLowerCase();
    if (result.reason === "locked") {
      securityEvent("signinLocked", context, { email: tried, limit: result.by, waitSeconds: result.seconds });
      throw new SignInRefused(`slow:${result.seconds}`);
    }
    securityEvent("signinFailed", context, { email: tried });
    throw new SignInRefused("invalid");
  }
  const person = result.person;
  const second = await checkSecondFactorAtSignIn(person.id, code || undefined);
  if (!second.ok) throw new SignInRefused(second.reason === "required" ? "codeRequired" : "codeInvalid");
  const sid = createSession({ personId: person.id, method: "password", secondFactor: second.used !== "none", ip, userAgent });
  securityEvent("signin", { actorId: person.id, personId: person.id, ip, userAgent }, { method: "password", secondFactor: second.used });
  return { id: String(person.id), sessionVersion: person.sessionVersion, sid };
}

