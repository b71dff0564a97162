"use server";

import { revalidatePath } from "next/cache";
import { createAction } from "@/lib/core/action";
import { addHoliday, removeHoliday } from "@/lib/org/holidays";
import { updateRatingScale } from "@/lib/evaluations/scale";
import { updateEvaluationSchedule, updateOrganisationSettings, updatePulseMinGroup, updateReminderWorkingDays } from "@/lib/org/organisation";
import { setOwnTimeZone } from "@/lib/org/preferences";
import { addHolidaySchema, evaluationScheduleSchema, organisationSchema, ownTimeZoneSchema, pulseMinGroupSchema, ratingScaleSchema, reminderWorkingDaysSchema, removeHolidaySchema } from "@/lib/org/schema";

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

export const updateRatingScaleAction = createAction(ratingScaleSchema, async ({ revision, levels }, actor) => {
  const result = updateRatingScale(actor, revision, levels);
  revalidatePath("/settings/rating-scale");
  return result;
});

export const updateEvaluationScheduleAction = createAction(evaluationScheduleSchema, async ({ revision, ...input }, actor) => {
  const result = updateEvaluationSchedule(actor, revision, input);
  revalidatePath("/", "layout");
  return result;
});

export const updatePulseMinGroupAction = createAction(pulseMinGroupSchema, async ({ revision, pulseMinGroup }, actor) => {
  const result = updatePulseMinGroup(actor, revision, { pulseMinGroup });
  revalidatePath("/settings");
  revalidatePath("/clarity", "layout");
  return result;
});

export const updateReminderWorkingDaysAction = createAction(reminderWorkingDaysSchema, async ({ revision, reminderWorkingDays }, actor) => {
  const result = updateReminderWorkingDays(actor, revision, { reminderWorkingDays });
  revalidatePath("/settings");
  return result;
});
