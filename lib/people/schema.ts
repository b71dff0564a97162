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

export const createPersonSchema = z.object({ ...personFields, password: fields.newPassword });
export const updatePersonSchema = z.object({
  ...personFields,
  id: fields.id,
  revision: fields.revision,
  password: fields.optionalNewPassword,
});
export const setActiveSchema = z.object({ id: fields.id, revision: fields.revision, active: fields.bool });
