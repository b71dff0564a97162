import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jobRoles, people, teams, type Locale } from "@/db/schema";
import { syncAccess } from "@/lib/capability/access";
import { authorize, authorizeAppRoleChange } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/log";
import { ConflictError, FieldError } from "@/lib/core/errors";
import { todayIso } from "@/lib/core/dates";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { queueInvitation, unusablePasswordHash } from "@/lib/email/invitations";
import { foldForSearch, personSearchText } from "@/lib/core/search-text";
import { getPerson, type PersonDetail } from "@/lib/people/directory";
import type { AppRole } from "@/lib/people/vocabulary";
import { containsText } from "@/lib/core/like";
import { searchTeamsIn } from "@/lib/org/team-filter";

export type PersonInput = {
  name: string;
  email: string;
  phone?: string | null;
  appRole: AppRole;
  jobRoleId: number | null;
  teamId: number | null;
  reportsToId: number | null;
  startDate: string;
  locale: Locale | null;
};

/** Options for the person form: job roles and teams (HR only). The manager is searched: `searchReportsTo`. */
export function personFormOptions(actor: Actor) {
  authorize(actor, "people.update", { type: "person" });
  const db = getDb();
  return {
    jobRoles: db.select({ id: jobRoles.id, title: jobRoles.title }).from(jobRoles).orderBy(asc(jobRoles.title)).all(),
  };
}

/** At most this many teams come back from the person form's team search. */
export const TEAM_SEARCH_LIMIT = 20;

/**
 * The person form's "Team" search-as-you-type (HR only): at most 20 teams whose name contains the
 * text (never the whole list of teams).
 */
export function searchTeams(actor: Actor, text: string): { id: number; name: string }[] {
  authorize(actor, "people.update", { type: "person" });
  return searchTeamsIn(undefined, text, TEAM_SEARCH_LIMIT);
}

/** At most this many people come back from the "Reports to" search. */
export const REPORTS_TO_SEARCH_LIMIT = 20;

/**
 * The person form's "Reports to" search-as-you-type (HR only): at most 20 active people whose name
 * or email contains the text, never the person being edited.
 */
export function searchReportsTo(actor: Actor, text: string, excludeId?: number): { id: number; name: string; email: string }[] {
  authorize(actor, "people.update", { type: "person" });
  const q = foldForSearch(text.trim().slice(0, 100));
  if (!q) return [];
  return getDb()
    .select({ id: people.id, name: people.name, email: people.email })
    .from(people)
    .where(
      and(
        eq(people.active, true),
        containsText(people.searchText, q),
        excludeId != null ? ne(people.id, excludeId) : undefined,
      ),
    )
    .orderBy(asc(people.name), asc(people.id))
    .limit(REPORTS_TO_SEARCH_LIMIT)
    .all();
}

function checkReferences(input: PersonInput, selfId?: number) {
  const db = getDb();
  const errors: Record<string, string> = {};
  if (input.jobRoleId != null && !db.select({ id: jobRoles.id }).from(jobRoles).where(eq(jobRoles.id, input.jobRoleId)).get())
    errors.jobRoleId = "invalidChoice";
  if (input.teamId != null && !db.select({ id: teams.id }).from(teams).where(eq(teams.id, input.teamId)).get())
    errors.teamId = "invalidChoice";
  if (input.reportsToId != null) {
    if (input.reportsToId === selfId) errors.reportsToId = "reportsToSelf";
    else if (!db.select({ id: people.id }).from(people).where(eq(people.id, input.reportsToId)).get())
      errors.reportsToId = "invalidChoice";
  }
  const email = input.email.trim().toLowerCase();
  const clash = db
    .select({ id: people.id })
    .from(people)
    .where(eq(sql`lower(${people.email})`, email))
    .get();
  if (clash && clash.id !== selfId) errors.email = "emailTaken";
  if (Object.keys(errors).length) throw new FieldError(errors);
}

function normalise(input: PersonInput) {
  const name = input.name.trim();
  const email = input.email.trim().toLowerCase();
  return {
    name,
    email,
    searchText: personSearchText(name, email),
    phone: input.phone?.trim() || null,
    appRole: input.appRole,
    jobRoleId: input.jobRoleId,
    teamId: input.teamId,
    reportsToId: input.reportsToId,
    startDate: input.startDate,
    locale: input.locale,
  };
}

/** The names of the job role, team and manager a form picked (for the audit's old → new values). */
function referenceNames(input: PersonInput) {
  const db = getDb();
  return {
    jobRole: input.jobRoleId != null ? (db.select({ v: jobRoles.title }).from(jobRoles).where(eq(jobRoles.id, input.jobRoleId)).get()?.v ?? null) : null,
    team: input.teamId != null ? (db.select({ v: teams.name }).from(teams).where(eq(teams.id, input.teamId)).get()?.v ?? null) : null,
    reportsTo: input.reportsToId != null ? (db.select({ v: people.name }).from(people).where(eq(people.id, input.reportsToId)).get()?.v ?? null) : null,
  };
}

/**
 * What an edit changed, as `{field: {from, to}}` with readable values (a team's name, not its id).
 * The password never appears: a reset is recorded as a flag beside it.
 */
function personChanges(
  before: PersonDetail,
  after: ReturnType<typeof normalise>,
  names: ReturnType<typeof referenceNames>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const same = (a: unknown, b: unknown) => String(a ?? "") === String(b ?? "");
  for (const k of ["name", "email", "phone", "appRole", "startDate", "locale"] as const)
    if (!same(before[k], after[k])) changes[k] = { from: before[k] ?? null, to: after[k] ?? null };
  if (!same(before.jobRoleId, after.jobRoleId)) changes.jobRole = { from: before.jobRoleTitle, to: names.jobRole };
  if (!same(before.teamId, after.teamId)) changes.team = { from: before.teamName, to: names.team };
  if (!same(before.reportsToId, after.reportsToId)) changes.reportsTo = { from: before.reportsToName, to: names.reportsTo };
  return changes;
}

/**
 * HR adds a person. `signIn: "invite"` (issue 13): no password is shared; the person gets an
 * unusable password and an invitation email (lib/email/invitations.ts) to choose their own, queued
 * in the same transaction. `"password"` (the default): HR sets the first password now.
 */
export async function createPerson(
  actor: Actor,
  input: PersonInput & { password?: string | null; signIn?: "invite" | "password" },
): Promise<{ id: number; invited: boolean }> {
  authorize(actor, "people.create", { type: "person" });
  const invite = input.signIn === "invite";
  if (invite) authorize(actor, "people.invite", { type: "person" });
  checkReferences(input);
  if (!invite && !input.password) throw new FieldError({ password: "required" });
  const problem = invite ? null : await passwordProblem(input.password!, [input.name, input.email ?? ""]);
  if (problem) throw new FieldError({ password: problem });
  const passwordHash = invite ? unusablePasswordHash() : await hashPassword(input.password!);
  const db = getDb();
  return db.transaction((tx) => {
    const row = tx
      .insert(people)
      .values({ ...normalise(input), passwordHash })
      .returning({ id: people.id })
      .get();
    // Issue 11: the tools the person's role needs wait as pending access.
    if (input.jobRoleId != null) syncAccess(tx, { personId: row.id, jobRoleId: input.jobRoleId, reason: null, actorId: actor.id, now: new Date().toISOString() });
    audit(
      {
        actorId: actor.id,
        action: "person.create",
        entityType: "person",
        entityId: row.id,
        detail: { appRole: input.appRole, jobRoleId: input.jobRoleId, teamId: input.teamId, ...(invite ? { invited: true } : {}) },
      },
      tx,
    );
    if (invite) {
      const { invitationId } = queueInvitation(tx, { personId: row.id, createdById: actor.id });
      audit({ actorId: actor.id, action: "invitation.send", entityType: "person", entityId: row.id, detail: { invitationId } }, tx);
    }
    return { id: row.id, invited: invite };
  });
}

/** HR edits a person. `revision` is the one the form was loaded with; a newer one is a conflict. */
export async function updatePerson(
  actor: Actor,
  id: number,
  revision: number,
  input: PersonInput & { password?: string | null },
): Promise<{ previousJobRoleId: number | null; jobRoleChanged: boolean }> {
  authorize(actor, "people.update", { type: "person", id });
  const before = getPerson(actor, id);
  authorizeAppRoleChange(actor, before.appRole, input.appRole, id);
  checkReferences(input, id);
  const problem = input.password ? await passwordProblem(input.password, [input.name, input.email ?? ""]) : null;
  if (problem) throw new FieldError({ password: problem });
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const db = getDb();
  db.transaction((tx) => {
    const changed = tx
      .update(people)
      .set({
        ...normalise(input),
        ...(before.jobRoleId !== input.jobRoleId ? { roleSince: todayIso() } : {}),
        ...(passwordHash ? { passwordHash, sessionVersion: sql`${people.sessionVersion} + 1` } : {}),
        revision: sql`${people.revision} + 1`,
        updatedAt: new Date().toISOString(),
      })
      .where(and(eq(people.id, id), eq(people.revision, revision)))
      .run();
    if (changed.changes === 0) throw new ConflictError();
    // Issue 11: a role change flags access the new role no longer needs and adds what it needs.
    if (before.jobRoleId !== input.jobRoleId) syncAccess(tx, { personId: id, jobRoleId: input.jobRoleId, reason: "role_change", actorId: actor.id, now: new Date().toISOString() });
    audit(
      {
        actorId: actor.id,
        action: "person.update",
        entityType: "person",
        entityId: id,
        detail: { changes: personChanges(before, normalise(input), referenceNames(input)), signInReset: Boolean(passwordHash) },
      },
      tx,
    );
  });
  return { previousJobRoleId: before.jobRoleId, jobRoleChanged: before.jobRoleId !== input.jobRoleId && input.jobRoleId !== null };
}

/**
 * Deactivating signs the person out everywhere (their session version is bumped) and stops them
 * signing in; reactivating lets them sign in again.
 */
export function setPersonActive(actor: Actor, id: number, revision: number, active: boolean): void {
  authorize(actor, "people.deactivate", { type: "person", id });
  getPerson(actor, id);
  if (id === actor.id && !active) throw new FieldError({ _form: "cannotDeactivateSelf" });
  getDb().transaction((tx) => {
    const changed = tx
      .update(people)
      .set({
        active,
        sessionVersion: sql`${people.sessionVersion} + 1`,
        revision: sql`${people.revision} + 1`,
        updatedAt: new Date().toISOString(),
      })
      .where(and(eq(people.id, id), eq(people.revision, revision)))
      .run();
    if (changed.changes === 0) throw new ConflictError();
    // Issue 11: deactivating flags everything the person was granted for revocation.
    if (!active) syncAccess(tx, { personId: id, jobRoleId: null, reason: "deactivated", actorId: actor.id, now: new Date().toISOString() });
    audit(
      {
        actorId: actor.id,
        action: active ? "person.reactivate" : "person.deactivate",
        entityType: "person",
        entityId: id,
        detail: { changes: { active: { from: !active, to: active } } },
      },
      tx,
    );
  });
}

/** Anyone may store their own language choice. */
export function setOwnLocale(actor: Actor, locale: Locale): void {
  authorize(actor, "self.updateLocale", { type: "person", id: actor.id });
  getDb()
    .update(people)
    .set({ locale, updatedAt: new Date().toISOString() })
    .where(eq(people.id, actor.id))
    .run();
}
