"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ASSIGNEES, CHECKIN_MILESTONES } from "@/lib/onboarding/vocabulary";
import { createAction } from "@/lib/core/action";
import { addPlanItem, closePlan, remindItem, removePlanItem, saveCheckin, setItemDone } from "@/lib/onboarding/plans";
import { searchOnboardingCandidates, startOnboarding } from "@/lib/onboarding/start";
import { searchOnboardingTeams } from "@/lib/onboarding/lists";
import { regenerateTemplate, removeTemplateItem, saveTemplateItem } from "@/lib/onboarding/templates";
import { currentTemplatePhrases } from "@/lib/onboarding/phrases-server";
import { CHECKIN_NOTE_MAX, CLOSE_REASON_MAX } from "@/lib/core/limits";
import { fields, TEXT_MAX } from "@/lib/core/validation";

const text = (max: number) => z.preprocess((v) => (typeof v === "string" ? v.trim() : v ?? ""), z.string().max(max));
const itemFields = {
  title: fields.title,
  description: text(TEXT_MAX),
  assignee: z.enum(ASSIGNEES),
  dueDay: z.coerce.number().int().min(-30).max(180),
  link: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.string().max(100).nullable()),
};

export const startOnboardingAction = createAction(
  z.object({
    personId: fields.id,
    startDate: fields.date,
    managerId: fields.id,
    buddyId: fields.id,
    fromJobRoleId: fields.optionalId,
  }),
  async (input, actor) => {
    const { id } = startOnboarding(actor, input, await currentTemplatePhrases());
    redirect(`/onboarding/${id}?started=1`);
  },
);

/**
 * No revalidatePath here: its only caller (TickButton → ActionButton) refreshes the page after
 * success, which also clears the client's cache of the other pages, and nothing on the server is
 * cached. Revalidating too rendered the whole page twice per tick, once inside the action's answer
 * (issue 15: ticking cost 300+ ms under load, most of it that render).
 */
export const setItemDoneAction = createAction(z.object({ itemId: fields.id, done: fields.bool, planId: fields.id }), async ({ itemId, done }, actor) => {
  return setItemDone(actor, itemId, done);
});

export const addPlanItemAction = createAction(z.object({ planId: fields.id, ...itemFields }), async ({ planId, ...input }, actor) => {
  addPlanItem(actor, planId, input);
  revalidatePath(`/onboarding/${planId}`);
  return { planId };
});

export const removePlanItemAction = createAction(z.object({ itemId: fields.id, planId: fields.id }), async ({ itemId, planId }, actor) => {
  removePlanItem(actor, itemId);
  revalidatePath(`/onboarding/${planId}`);
  return { itemId };
});

export const remindItemAction = createAction(z.object({ itemId: fields.id, planId: fields.id }), async ({ itemId, planId }, actor) => {
  const result = remindItem(actor, itemId);
  revalidatePath(`/onboarding/${planId}`);
  return result;
});

export const closePlanAction = createAction(
  z.object({ planId: fields.id, revision: fields.revision, reason: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().min(1).max(CLOSE_REASON_MAX)) }),
  async ({ planId, revision, reason }, actor) => {
    closePlan(actor, planId, revision, reason);
    revalidatePath(`/onboarding/${planId}`);
    return { planId };
  },
);

export const saveCheckinAction = createAction(
  z.object({ planId: fields.id, milestone: z.enum(CHECKIN_MILESTONES), note: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().min(1).max(CHECKIN_NOTE_MAX)) }),
  async ({ planId, milestone, note }, actor) => {
    saveCheckin(actor, planId, milestone, note);
    revalidatePath(`/onboarding/${planId}`);
    return { milestone };
  },
);

const slug = fields.slug;
/** A stored template item (positive), or a generated one before the template is stored (negative). */
const templateItemId = z.preprocess(
  (v) => (typeof v === "string" && /^-?[1-9][0-9]*$/.test(v) ? Number(v) : v),
  z.number().int().min(-1000).max(Number.MAX_SAFE_INTEGER).refine((n) => n !== 0),
);

export const saveTemplateItemAction = createAction(
  z.object({ slug, revision: fields.revision, itemId: z.preprocess((v) => (v === "" || v === undefined ? null : v), templateItemId.nullable()), ...itemFields }),
  async ({ slug, revision, itemId, ...input }, actor) => {
    saveTemplateItem(actor, slug, revision, itemId, input, await currentTemplatePhrases());
    revalidatePath(`/roles/${slug}/onboarding`);
    return { ok: true };
  },
);

export const removeTemplateItemAction = createAction(z.object({ slug, revision: fields.revision, itemId: templateItemId }), async ({ slug, revision, itemId }, actor) => {
  removeTemplateItem(actor, slug, revision, itemId, await currentTemplatePhrases());
  revalidatePath(`/roles/${slug}/onboarding`);
  return { ok: true };
});

export const regenerateTemplateAction = createAction(z.object({ slug, revision: fields.revision }), async ({ slug, revision }, actor) => {
  regenerateTemplate(actor, slug, revision, await currentTemplatePhrases());
  revalidatePath(`/roles/${slug}/onboarding`);
  redirect(`/roles/${slug}/onboarding?regenerated=1`);
});

/** "Start a plan": the hire or buddy search, at most 20 active people in the reader's scope. */
export const searchOnboardingPeopleAction = createAction(z.object({ q: z.string().max(100), excludeId: fields.id.optional() }), ({ q, excludeId }, actor) =>
  searchOnboardingCandidates(actor, q, excludeId).map((p) => ({ id: p.id, name: p.name, email: p.email, roleTitle: p.roleTitle })),
);

/** The overview's team filter search as the reader types (at most 20 of their teams). */
export const searchOnboardingTeamsAction = createAction(z.object({ q: z.string().max(100) }), ({ q }, actor) => searchOnboardingTeams(actor, q));
