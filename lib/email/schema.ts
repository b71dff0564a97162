import { z } from "zod";
import { fields } from "@/lib/core/validation";
import { EMAIL_GROUPS, modeField, type EmailGroup, type EmailMode } from "./vocabulary";

export { modeField };

const choice = z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(20));

export const emailPreferencesSchema = z
  .object({
    revision: fields.revision,
    digestTime: choice,
    ...Object.fromEntries(EMAIL_GROUPS.map((g) => [modeField(g), choice])),
  })
  .transform((v) => {
    const raw = v as Record<string, unknown>;
    return {
      revision: v.revision,
      digestTime: v.digestTime,
      modes: Object.fromEntries(EMAIL_GROUPS.map((g) => [g, raw[modeField(g)] as EmailMode])) as Record<EmailGroup, EmailMode>,
    };
  });

/** The unsubscribe form and the one-click endpoint: the signed token is all they carry. */
export const unsubscribeSchema = z.object({ token: z.string().min(1).max(200) });
