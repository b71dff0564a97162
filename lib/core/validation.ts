import { z } from "zod";
import { NAME_MAX, TEXT_MAX } from "./limits";

export { NAME_MAX, TEXT_MAX };

/** Shared field schemas. Error messages are picked per issue code by the action wrapper. */
const emptyToNull = (v: unknown) => (v === "" || v === undefined ? null : v);
const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const trim = (v: unknown) => (typeof v === "string" ? v.trim() : v);

export const fields = {
  name: z.preprocess(trim, z.string().min(1).max(NAME_MAX)),
  title: z.preprocess(trim, z.string().min(1).max(NAME_MAX)),
  email: z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.string().min(1).max(320).pipe(z.email())),
  optionalText: (max: number) => z.preprocess(emptyToUndefined, z.string().max(max).optional()),
  optionalId: z.preprocess(emptyToNull, z.coerce.number().int().positive().nullable()),
  id: z.coerce.number().int().positive(),
  revision: z.coerce.number().int().nonnegative(),
  date: z.preprocess(trim, z.iso.date()),
  newPassword: z.string().min(10).max(200),
  optionalNewPassword: z.preprocess(emptyToUndefined, z.string().min(10).max(200).optional()),
  nullable: <T extends z.ZodType>(schema: T) => z.preprocess(emptyToNull, schema.nullable()),
  bool: z.preprocess((v) => v === true || v === "true" || v === "on" || v === "1", z.boolean()),
};
