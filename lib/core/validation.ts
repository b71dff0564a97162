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

/**
 * Input hygiene (issue 14, point 9). Bidirectional embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069) can make a name read differently from what it is ("Trojan
 * Source"); NUL and the other C0 control characters (and DEL) have no place in text people type.
 * A single line (names, titles) turns tab and line breaks into spaces; multi-line text
 * (summaries) keeps them.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const LINE_BREAKS = /[\t\r\n]/g;
const CONTROLS = /[\u0000-\u001F\u007F]/g;
const CONTROLS_BUT_LAYOUT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function cleanText(value: string, { multiline = false }: { multiline?: boolean } = {}): string {
  const noBidi = value.replace(BIDI_CONTROLS, "");
  return multiline ? noBidi.replace(CONTROLS_BUT_LAYOUT, "") : noBidi.replace(LINE_BREAKS, " ").replace(CONTROLS, "");
}
export const cleanLine = (value: string) => cleanText(value);
export const cleanLines = (value: string) => cleanText(value, { multiline: true });

/** A single line of text (a name, a title): cleaned, trimmed, min…max characters. */
export function textLine(max: number, min = 1) {
  return z.preprocess(trim, z.string().overwrite(cleanLine).trim().min(min).max(max));
}
/** Text that may span lines (a summary): cleaned, trimmed, min…max characters. */
export function textLines(max: number, min = 0) {
  return z.preprocess(trim, z.string().overwrite(cleanLines).trim().min(min).max(max));
}

/**
 * Calendar days people may enter: 1900-01-01 … 2100-12-31 (YYYY-MM-DD strings compare in date
 * order). Outside the range the field says so ("dateOutOfRange").
 */
export const DATE_MIN = "1900-01-01";
export const DATE_MAX = "2100-12-31";
export function dateInRange(value: string): boolean {
  return value >= DATE_MIN && value <= DATE_MAX;
}
const date = z.preprocess(
  trim,
  // Only a well-formed day is checked for range (anything else already failed the format check).
  z.iso.date().refine((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || dateInRange(v), { message: "dateOutOfRange" }),
);

/** The shape of the slugs Rolebook creates (db/seed-data.ts): lower-case kebab-case. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 100;

export const fields = {
  name: textLine(NAME_MAX),
  title: textLine(NAME_MAX),
  email: z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.string().min(1).max(320).pipe(z.email())),
  optionalText: (max: number) => z.preprocess(emptyToUndefined, z.string().max(max).optional()),
  optionalId: z.preprocess(emptyToNull, id.nullable()),
  id,
  revision: z.preprocess(plainDigits, z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)),
  slug: z.string().max(SLUG_MAX).regex(SLUG_PATTERN),
  date,
  /** A new password: the length here; the whole rule (not common either) is `passwordProblem` in lib/auth/password-policy.ts. */
  newPassword: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
  optionalNewPassword: z.preprocess(emptyToUndefined, z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH).optional()),
  nullable: <T extends z.ZodType>(schema: T) => z.preprocess(emptyToNull, schema.nullable()),
  bool: z.preprocess((v) => v === true || v === "true" || v === "on" || v === "1", z.boolean()),
};
