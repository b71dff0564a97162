import { z } from "zod";
import { APP_ROLES, LOCALES } from "@/lib/people/vocabulary";
import { fields } from "@/lib/core/validation";

const personFields = {
  name: fields.name,
  email: fields.email,
  phone: fields.optionalText(40),
  appRole: z.enum(APP_ROLES),
  jobRoleId: fields.optionalId,
  teamId: fields.optionalId,
  reportsToId: fields.optionalId,
  startDate: fields.date,
  locale: fields.nullable(z.enum(LOCALES)),
};

/** Create: "invite" sends an invitation email (no password now); "password" needs the first password. */
export const createPersonSchema = z.object({
  ...personFields,
  signIn: z.enum(["invite", "password"]).default("password"),
  password: fields.optionalNewPassword,
});
export const updatePersonSchema = z.object({
  ...personFields,
  id: fields.id,
  revision: fields.revision,
  password: fields.optionalNewPassword,
});
export const setActiveSchema = z.object({ id: fields.id, revision: fields.revision, active: fields.bool });
