import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/security-vocabulary";
import { NAME_MAX, TEXT_MAX } from "./limits";

export { NAME_MAX, TEXT_MAX };

/** Shared field schemas. Error messages are picked per issue code by the action wrapper. */
const emptyToNull = (v: unknown) => (v === "" || v === undefined ? null : v);
const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const trim = (v: unknown) => (typeof v === "string" ? v.trim() : v);
/**
 * Numbers from forms arrive as strings: only plain digits ("12", not " 12", "1e3", "0x10", "+1",
 * "012") become a number; anything else stays a string and fails the number check.
 */
const plainDigits = (v: unknown) => (typeof v === "string" && /^(?:0|[1-9][0-9]*)$/.test(v) ? Number(v) : v);
const id = z.preprocess(plainDigits, z.number().int().positive().max(Number.MAX_SAFE_INTEGER));

/** The shape of the slugs Rolebook creates (db/seed-data.ts): lower-case kebab-case. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 100;

export const fields = {
  name: z.preprocess(trim, z.string().min(1).max(NAME_MAX)),
  title: z.preprocess(trim, z.string().min(1).max(NAME_MAX)),
  email: z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.string().min(1).max(320).pipe(z.email())),
  optionalText: (max: number) => z.preprocess(emptyToUndefined, z.string().max(max).optional()),
  optionalId: z.preprocess(emptyToNull, id.nullable()),
  id,
  revision: z.preprocess(plainDigits, z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)),
  slug: z.string().max(SLUG_MAX).regex(SLUG_PATTERN),
  date: z.preprocess(trim, z.iso.date()),
  /** A new password: the length here; the whole rule (not common either) is `passwordProblem` in lib/auth/password-policy.ts. */
  newPassword: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
  optionalNewPassword: z.preprocess(emptyToUndefined, z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH).optional()),
  nullable: <T extends z.ZodType>(schema: T) => z.preprocess(emptyToNull, schema.nullable()),
  bool: z.preprocess((v) => v === true || v === "true" || v === "on" || v === "1", z.boolean()),
};
