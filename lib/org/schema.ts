import { z } from "zod";
import { NAME_MAX, POSTING_LOCATION_MAX } from "@/lib/core/limits";
import { cleanLine, fields } from "@/lib/core/validation";
import { LOCALES } from "@/lib/people/vocabulary";

/** Form schemas for organisation settings, holidays and a person's own zone (lib/org/* checks the rest). */

/** One line of text, cleaned of control and bidirectional characters (lib/core/validation.ts), trimmed. */
const trimmed = (max: number) => z.preprocess((v) => (typeof v === "string" ? cleanLine(v).trim() : v ?? ""), z.string().max(max));
export const ZONE_MAX = 100;
export const APPLY_URL_MAX = 500;

export const organisationSchema = z.object({
  revision: fields.revision,
  name: fields.name,
  timeZone: trimmed(ZONE_MAX),
  applyEmail: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() : v ?? ""),
    z
      .string()
      .max(320)
      .refine((v) => v === "" || z.email().safeParse(v).success, { message: "invalidEmail" }),
  ),
  applyUrl: trimmed(APPLY_URL_MAX),
  location: trimmed(POSTING_LOCATION_MAX),
});

export const addHolidaySchema = z.object({ date: trimmed(20), name: trimmed(NAME_MAX) });
export const removeHolidaySchema = z.object({ id: fields.id });
export const ownTimeZoneSchema = z.object({ timeZone: trimmed(ZONE_MAX) });

const wholeNumber = z.preprocess((v) => (typeof v === "string" && /^\s*\d{1,6}\s*$/.test(v) ? Number(v) : v), z.number({ message: "invalid" }).int());
export const evaluationScheduleSchema = z.object({
  revision: fields.revision,
  probationDays: wholeNumber.pipe(z.number().min(1).max(365)),
  evaluationIntervalMonths: wholeNumber.pipe(z.number().min(1).max(36)),
});

/** The range (3–10) is checked in lib/org/organisation.ts, so the message names it. */
export const pulseMinGroupSchema = z.object({ revision: fields.revision, pulseMinGroup: wholeNumber });
export const reminderWorkingDaysSchema = z.object({ revision: fields.revision, reminderWorkingDays: wholeNumber });

/** The scale editor sends its levels as one JSON field (lowest first); lib/evaluations/scale.ts checks the rest. */
const levelTexts = z.partialRecord(z.enum(LOCALES), z.string().max(2_000));
export const ratingScaleSchema = z.object({
  revision: fields.revision,
  levels: z.preprocess(
    (v) => {
      if (typeof v !== "string") return v;
      try {
        return JSON.parse(v);
      } catch {
        return undefined;
      }
    },
    z
      .array(z.object({ id: z.number().int().positive().nullable(), labels: levelTexts, meanings: levelTexts, remove: z.boolean().optional() }))
      .max(40),
  ),
});
