"use server";

import { revalidatePath } from "next/cache";
import { createAction } from "@/lib/core/action";
import { addHoliday, removeHoliday } from "@/lib/org/holidays";
import { updateOrganisationSettings } from "@/lib/org/organisation";
import { setOwnTimeZone } from "@/lib/org/preferences";
import { addHolidaySchema, organisationSchema, ownTimeZoneSchema, removeHolidaySchema } from "@/lib/org/schema";

export const updateOrganisationAction = createAction(organisationSchema, async ({ revision, ...input }, actor) => {
  const result = updateOrganisationSettings(actor, revision, input);
  revalidatePath("/", "layout");
  return result;
});

export const addHolidayAction = createAction(addHolidaySchema, async (input, actor) => {
  const holiday = addHoliday(actor, input);
  revalidatePath("/settings/holidays");
  return holiday;
});

export const removeHolidayAction = createAction(removeHolidaySchema, async ({ id }, actor) => {
  removeHoliday(actor, id);
  revalidatePath("/settings/holidays");
  return { id };
});

export const setOwnTimeZoneAction = createAction(ownTimeZoneSchema, async ({ timeZone }, actor) => {
  setOwnTimeZone(actor, timeZone);
  revalidatePath("/", "layout");
  return { timeZone };
});
