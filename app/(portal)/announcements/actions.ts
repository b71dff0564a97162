"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { sendReminders } from "@/lib/communication/tracking";
import { createAction } from "@/lib/core/action";
import { announcementRoleTasks, createAnnouncement, searchAnnouncementPeople, searchAnnouncementTeams } from "@/lib/communication/announcements";
import { FieldError } from "@/lib/core/errors";
import { fields, TEXT_MAX } from "@/lib/core/validation";

const ids = z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(fields.id).max(1000));

const transferSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("role"),
    taskKey: z.string().min(1).max(64),
    fromRoleId: fields.id,
    toRoleId: fields.id,
    toResponsibilityKey: z.string().max(64).nullable().default(null),
  }),
  z.object({
    type: z.literal("person"),
    taskKey: z.string().min(1).max(64),
    fromPersonId: fields.id,
    toPersonId: fields.id,
  }),
]);

export const createAnnouncementAction = createAction(
  z.object({
    title: fields.title,
    body: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().min(1).max(TEXT_MAX)),
    effectiveDate: fields.date,
    everyone: fields.bool,
    roleIds: ids,
    teamIds: ids,
    personIds: ids,
    transfers: z.string().max(100_000).default("[]"),
  }),
  async (input, actor) => {
    let transfers: z.output<typeof transferSchema>[];
    try {
      const parsed = z.array(transferSchema).max(50).safeParse(JSON.parse(input.transfers));
      if (!parsed.success) {
        const errors: Record<string, string> = {};
        for (const issue of parsed.error.issues) errors[`transfers.${String(issue.path[0] ?? 0)}`] ??= "transferIncomplete";
        throw new FieldError(errors);
      }
      transfers = parsed.data;
    } catch (e) {
      if (e instanceof FieldError) throw e;
      throw new FieldError({ _form: "invalid" });
    }
    const { id } = createAnnouncement(actor, {
      title: input.title,
      body: input.body,
      effectiveDate: input.effectiveDate,
      audience: { everyone: input.everyone, roleIds: input.roleIds, teamIds: input.teamIds, personIds: input.personIds },
      transfers,
    });
    redirect(`/announcements/${id}?created=1`);
  },
);

export const remindAnnouncementAction = createAction(z.object({ id: fields.id }), async ({ id }, actor) => ({
  reminded: sendReminders(actor, { announcementId: id }),
}));

/** The form's person search (at most 20 people in the author's scope). */
export const searchAnnouncementPeopleAction = createAction(z.object({ q: z.string().max(100) }), ({ q }, actor) => searchAnnouncementPeople(actor, q));

/** The form's team search, when the teams are too many to list (at most 20 in the author's scope). */
export const searchAnnouncementTeamsAction = createAction(z.object({ q: z.string().max(100) }), ({ q }, actor) => searchAnnouncementTeams(actor, q));

/** A role's responsibilities and tasks for a transfer row, once the role (or the giver) is chosen. */
export const announcementRoleTasksAction = createAction(z.object({ roleId: fields.id }), ({ roleId }, actor) => announcementRoleTasks(actor, roleId));
