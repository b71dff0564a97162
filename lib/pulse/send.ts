import "server-only";
import { and, count, desc, eq, isNull, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, type DB } from "@/db/client";
import { jobRoles, people, pulseRounds, pulseSends, teams } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, teamsScope } from "@/lib/auth/policy";
import { audit } from "@/lib/audit/log";
import { todayIso } from "@/lib/core/dates";
import { FieldError } from "@/lib/core/errors";
import { pageOf, type Page } from "@/lib/core/pagination";
import type { PulseOccasion } from "@/lib/confidence/vocabulary";
import { notifyEach } from "@/lib/notifications/notifications";
import { addDays } from "@/lib/onboarding/rules";
import { ONBOARDING_PULSE_DAYS, PULSE_SEND_GRACE_DAYS, ROLE_CHANGE_PULSE_DAYS } from "@/lib/pulse/items";
import { searchTeamsIn } from "@/lib/org/team-filter";

/*
 * Sending the role-clarity pulse: automatically (onboarding days 30, 60 and 90; 14 days after a
 * material change to the person's role) and by HR to a team and/or a role. A send names its
 * person (so they can be reminded and cannot answer twice); the answer itself never points back to
 * it (lib/pulse/answer.ts).
 */

type Reader = Pick<DB, "all">;
type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];
type NewSend = { personId: number; occasion: PulseOccasion; occasionKey: string; jobRoleId: number | null; teamId: number | null; roundId: number | null };

/** Where a send is answered (the notification's link). */
export const pulseLink = (sendId: number) => `/pulse/${sendId}`;

/**
 * Automatic sends that are due and not yet sent, as of `today`. One query, answered from the
 * indexes: plans whose day 30/60/90 fell within the grace window (open, or closed by themselves once
 * every item was done; a plan closed by hand early, with a reason, sends no more); and, 14 days
 * after a material change to a person's role (within the grace window):
 *  - a material version (not the first) of the role they hold and already held the day before it
 *    was published (`role_since`, else `start_date`), whether it was published by hand or by a task
 *    transfer's announcement (no version acknowledgement needed);
 *  - a move into a different job role (`people.role_since`, set when HR changes the person's role).
 * Each without a send for the same occasion (the unique index).
 */
function dueSends(db: Reader, today: string, limit: number): NewSend[] {
  const days = sql.join(
    ONBOARDING_PULSE_DAYS.map((n) => sql`select ${sql.raw(String(n))} as n, ${addDays(today, -n)} as hi, ${addDays(today, -(n + PULSE_SEND_GRACE_DAYS))} as lo`),
    sql` union all `,
  );
  // published_at is an ISO instant: "< day" keeps everything up to the end of the day before.
  const changeHi = addDays(today, -(ROLE_CHANGE_PULSE_DAYS - 1));
  const changeLo = addDays(today, -(ROLE_CHANGE_PULSE_DAYS + PULSE_SEND_GRACE_DAYS - 1));
  // role_since is a day: due from the 14th day after it, within the grace window.
  const moveHi = addDays(today, -ROLE_CHANGE_PULSE_DAYS);
  const moveLo = addDays(today, -(ROLE_CHANGE_PULSE_DAYS + PULSE_SEND_GRACE_DAYS));
  return db.all<NewSend>(sql`
    with d(n, hi, lo) as (${days})
    select p.id as personId, 'onboarding_' || d.n as occasion, 'onboarding:' || o.id || ':' || d.n as occasionKey,
           p.job_role_id as jobRoleId, p.team_id as teamId, null as roundId
      from onboardings o
      join d on o.start_date <= d.hi and o.start_date > d.lo
      join people p on p.id = o.person_id
     where (o.status = 'open' or o.closed_reason is null) and p.active = 1
       and not exists (select 1 from pulse_sends s where s.person_id = o.person_id and s.occasion_key = 'onboarding:' || o.id || ':' || d.n)
    union all
    select p.id, 'role_change', 'change:' || v.id, p.job_role_id, p.team_id, null
      from role_versions v
      join people p on p.job_role_id = v.job_role_id
     where v.kind = 'material' and v.number > 1 and v.published_at < ${changeHi} and v.published_at >= ${changeLo}
       and p.active = 1 and coalesce(p.role_since, p.start_date) < substr(v.published_at, 1, 10)
       and not exists (select 1 from pulse_sends s where s.person_id = p.id and s.occasion_key = 'change:' || v.id)
    union all
    select p.id, 'role_change', 'move:' || p.job_role_id || ':' || p.role_since, p.job_role_id, p.team_id, null
      from people p
     where p.role_since <= ${moveHi} and p.role_since > ${moveLo} and p.active = 1 and p.job_role_id is not null
       and not exists (select 1 from pulse_sends s where s.person_id = p.id and s.occasion_key = 'move:' || p.job_role_id || ':' || p.role_since)
    limit ${limit}`);
}

/** Inserts sends (skipping any occasion a person already has) and notifies each person of theirs. Returns how many were sent, by occasion. */
function insertSends(tx: Tx, rows: NewSend[], today: string): { sent: number; byOccasion: Partial<Record<PulseOccasion, number>> } {
  let sent = 0;
  const byOccasion: Partial<Record<PulseOccasion, number>> = {};
  for (let i = 0; i < rows.length; i += 500) {
    const created = tx
      .insert(pulseSends)
      .values(rows.slice(i, i + 500).map((r) => ({ ...r, sentOn: today })))
      .onConflictDoNothing()
      .returning({ id: pulseSends.id, personId: pulseSends.personId, occasion: pulseSends.occasion })
      .all();
    for (const c of created) byOccasion[c.occasion] = (byOccasion[c.occasion] ?? 0) + 1;
    notifyEach(
      tx,
      created.map((c) => ({ personId: c.personId, link: pulseLink(c.id) })),
      "pulse.sent",
      {},
    );
    sent += created.length;
  }
  return { sent, byOccasion };
}

/**
 * The lazy job: sends every automatic pulse that is due. Cheap when nothing is due (one indexed
 * query) and safe to run twice (the unique person + occasion index). A run that sent something
 * writes one system audit entry (`pulse.autoSent`) with the counts by occasion and no people. Run by the scheduler's `daily` job (lib/jobs).
 */
export function sendDuePulses(now = new Date()): number {
  const db = getDb();
  const today = todayIso(now);
  if (!dueSends(db, today, 1).length) return 0;
  return db.transaction(
    (tx) => {
      const { sent, byOccasion } = insertSends(tx, dueSends(tx, today, 100_000), today);
      // One system entry per run that sent something: counts by occasion, never who.
      if (sent) audit({ actorId: null, action: "pulse.autoSent", entityType: "pulse_round", entityId: null, detail: { recipients: sent, ...byOccasion } }, tx);
      return sent;
    },
    { behavior: "immediate" },
  );
}

// ---------- HR sends a round ----------

export type RoundTarget = { teamId?: number | null; jobRoleId?: number | null };

/** The people a round reaches: active, in the team and/or holding the role, with no unanswered pulse. */
function recipientsWhere(target: RoundTarget) {
  const open = getDb()
    .select({ one: sql`1` })
    .from(pulseSends)
    .where(and(eq(pulseSends.personId, people.id), isNull(pulseSends.answeredOn)));
  return and(
    eq(people.active, true),
    target.teamId ? eq(people.teamId, target.teamId) : undefined,
    target.jobRoleId ? eq(people.jobRoleId, target.jobRoleId) : undefined,
    notExists(open),
  );
}

/** Checks the target (a team and/or a role HR may choose) and returns its label ("Workshop · Technician"). */
function checkTarget(actor: Actor, target: RoundTarget): string {
  if (!target.teamId && !target.jobRoleId) throw new FieldError({ teamId: "pulse.chooseTarget" });
  const db = getDb();
  const parts: string[] = [];
  if (target.teamId) {
    const team = db.select({ name: teams.name }).from(teams).where(and(eq(teams.id, target.teamId), teamsScope(actor))).get();
    if (!team) throw new FieldError({ teamId: "invalidChoice" });
    parts.push(team.name);
  }
  if (target.jobRoleId) {
    const role = db.select({ title: jobRoles.title }).from(jobRoles).where(eq(jobRoles.id, target.jobRoleId)).get();
    if (!role) throw new FieldError({ jobRoleId: "invalidChoice" });
    parts.push(role.title);
  }
  return parts.join(" · ");
}

/** The teams and roles HR may send a round to (at most 500 of each, by name). */
/** Up to this many teams the send page lists them; beyond, the team's name is typed (never every team). */
export const PULSE_TEAM_LIST_MAX = 30;
/** At most this many teams come back for a typed name. */
export const PULSE_TEAM_MATCHES = 20;

/**
 * What the send page offers: every role (an organisation has tens), and the teams when there are at
 * most PULSE_TEAM_LIST_MAX of them (`teams` is null beyond: the page asks for the team's name).
 */
export function pulseSendOptions(actor: Actor) {
  authorize(actor, "pulse.send", { type: "pulse_round" });
  const db = getDb();
  const someTeams = db.select({ id: teams.id, name: teams.name }).from(teams).where(teamsScope(actor)).orderBy(teams.name, teams.id).limit(PULSE_TEAM_LIST_MAX + 1).all();
  return {
    teams: someTeams.length <= PULSE_TEAM_LIST_MAX ? someTeams : null,
    roles: db.select({ id: jobRoles.id, title: jobRoles.title }).from(jobRoles).orderBy(jobRoles.title).limit(500).all(),
  };
}

/**
 * The teams whose name contains `text` (ASCII case aside), a team named exactly so first, then
 * by name; at most PULSE_TEAM_MATCHES.
 */
export function findPulseTeams(actor: Actor, text: string): { id: number; name: string }[] {
  authorize(actor, "pulse.send", { type: "pulse_round" });
  return searchTeamsIn(teamsScope(actor), text, PULSE_TEAM_MATCHES);
}

/** The name of a team the actor may send to, or null. */
export function pulseTeamName(actor: Actor, teamId: number): string | null {
  authorize(actor, "pulse.send", { type: "pulse_round" });
  return getDb().select({ name: teams.name }).from(teams).where(and(eq(teams.id, teamId), teamsScope(actor))).get()?.name ?? null;
}

/** How many people a round would reach, and how many in the target are skipped (a pulse waits for them). */
export function previewPulseRound(actor: Actor, target: RoundTarget): { recipients: number; waiting: number } {
  authorize(actor, "pulse.send", { type: "pulse_round" });
  checkTarget(actor, target);
  const db = getDb();
  const recipients = db.select({ n: count() }).from(people).where(recipientsWhere(target)).get()?.n ?? 0;
  const all =
    db
      .select({ n: count() })
      .from(people)
      .where(and(eq(people.active, true), target.teamId ? eq(people.teamId, target.teamId) : undefined, target.jobRoleId ? eq(people.jobRoleId, target.jobRoleId) : undefined))
      .get()?.n ?? 0;
  return { recipients, waiting: all - recipients };
}

/**
 * HR sends the pulse to the active people of a team and/or a role (both: the people in the team
 * who hold the role). Someone with an unanswered pulse gets no second one. Audited with the target
 * and the count, never anything about answers.
 */
export function sendPulseRound(actor: Actor, target: RoundTarget, now = new Date()): { roundId: number; recipients: number } {
  authorize(actor, "pulse.send", { type: "pulse_round" });
  const label = checkTarget(actor, target);
  const today = todayIso(now);
  return getDb().transaction(
    (tx) => {
      const who = tx.select({ id: people.id, jobRoleId: people.jobRoleId, teamId: people.teamId }).from(people).where(recipientsWhere(target)).all();
      if (!who.length) throw new FieldError({ _form: "pulse.nobodyToSend" });
      const roundId = tx
        .insert(pulseRounds)
        .values({ teamId: target.teamId ?? null, jobRoleId: target.jobRoleId ?? null, recipients: 0, createdById: actor.id, createdAt: now.toISOString() })
        .returning({ id: pulseRounds.id })
        .get().id;
      const { sent: recipients } = insertSends(
        tx,
        who.map((p) => ({ personId: p.id, occasion: "manual" as const, occasionKey: `round:${roundId}`, jobRoleId: p.jobRoleId, teamId: p.teamId, roundId })),
        today,
      );
      tx.update(pulseRounds).set({ recipients }).where(eq(pulseRounds.id, roundId)).run();
      audit(
        {
          actorId: actor.id,
          action: "pulse.sent",
          entityType: "pulse_round",
          entityId: roundId,
          detail: { title: label, teamId: target.teamId ?? null, jobRoleId: target.jobRoleId ?? null, recipients },
        },
        tx,
      );
      return { roundId, recipients };
    },
    { behavior: "immediate" },
  );
}

export type RoundRow = { id: number; teamName: string | null; roleTitle: string | null; recipients: number; createdByName: string | null; createdAt: string };
export const ROUNDS_PAGE_SIZE = 20;

/** Past rounds, newest first. */
export function listPulseRounds(actor: Actor, opts: { page?: number } = {}): Page<RoundRow> {
  authorize(actor, "pulse.send", { type: "pulse_round" });
  const db = getDb();
  const total = db.select({ n: count() }).from(pulseRounds).get()?.n ?? 0;
  const { page, pageCount, offset } = pageOf(total, opts.page, ROUNDS_PAGE_SIZE);
  const author = alias(people, "author");
  const rows = db
    .select({
      id: pulseRounds.id,
      teamName: teams.name,
      roleTitle: jobRoles.title,
      recipients: pulseRounds.recipients,
      createdByName: author.name,
      createdAt: pulseRounds.createdAt,
    })
    .from(pulseRounds)
    .leftJoin(teams, eq(teams.id, pulseRounds.teamId))
    .leftJoin(jobRoles, eq(jobRoles.id, pulseRounds.jobRoleId))
    .leftJoin(author, eq(author.id, pulseRounds.createdById))
    .orderBy(desc(pulseRounds.id))
    .limit(ROUNDS_PAGE_SIZE)
    .offset(offset)
    .all();
  return { rows, total, page, pageCount, pageSize: ROUNDS_PAGE_SIZE };
}
