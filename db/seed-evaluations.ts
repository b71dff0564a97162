import { and, eq } from "drizzle-orm";
import { getDb } from "./client";
import * as schema from "./schema";
import { criterionKeys, freezeCriteria, type FrozenCriteria } from "../lib/evaluations/criteria";
import type { EntryKind, EvaluationKind, EvaluationStatus, Outcome } from "../lib/evaluations/vocabulary";
import { parseRoleDoc } from "../lib/roles/doc";
import type { NotificationKind } from "../lib/notifications/notifications";

/** YYYY-MM-DD `days` before `today` (UTC); negative = in the future. */
function dayIso(days: number, today: Date): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}
const at = (days: number, today: Date, hour = 10) => `${dayIso(days, today)}T${String(hour).padStart(2, "0")}:20:00.000Z`;

/** A comment per level (1 = needs improvement … 4 = outstanding), picked by the criterion's place. */
const COMMENTS: Record<number, string[]> = {
  1: [
    "Below target in most months of the period; we agreed a plan with a check every two weeks.",
    "Misses this too often when the workshop is busy: this is the first thing to work on.",
  ],
  2: [
    "On target in the monthly report, without reminders.",
    "Reliable: I could not find a case where this was missed.",
    "Meets the standard; steady through the busy spring season too.",
  ],
  3: [
    "Above target all year, and colleagues ask for help with it.",
    "Regularly better than the standard, also on Saturdays.",
  ],
  4: ["The best result in the department; others learn from how this is done."],
};

/** The employee's own words in a self-assessment, by level. */
const SELF_COMMENTS: Record<number, string[]> = {
  1: ["I know this slipped in the busy months; I would like help planning it."],
  2: ["I think I do this as expected; no complaints that I know of.", "On target most months, I checked the report."],
  3: ["I think I am above the standard here: colleagues come to me with these cases.", "Better than the target all year, also on Saturdays."],
  4: ["I set up how the team does this now."],
};

type Seeded = {
  person: string;
  author: string;
  kind?: EvaluationKind;
  /** Days before today the period ended (the period is the year, or the probation, before it). */
  endDaysAgo: number;
  /** For probation: the start date's days ago (the period runs from the start). */
  startDaysAgo?: number;
  status: EvaluationStatus;
  outcome?: Outcome;
  /** Rating per criterion, by position, repeating (1…4); empty = unrated draft. */
  levels: number[];
  summary: string;
  strengths: string[];
  improvements: string[];
  privateNote?: string;
  self?: { levels: number[]; summary: string; submittedDaysAgo: number };
  entries?: { kind: EntryKind; by: "person" | "author" | "reviewer"; body: string; daysAgo: number; hour?: number }[];
  escalatedTo?: string;
  /** Notifications as the live tool would have sent them: to whom, from whom, when, read or not. */
  notices?: { kind: NotificationKind; to: "person" | "author" | "reviewer"; from: "person" | "author"; daysAgo: number; read?: boolean }[];
};

/**
 * Evaluations demo: closed evaluations for most people, so "Evaluations due" lists only the few
 * that really are due; and for supervisor@ (Sven) the live cases of every state:
 * - a released evaluation of employee@ (Elif) with her question, which Sven answered;
 * - a draft for Pieter, who submitted his self-assessment (his evaluation is overdue);
 * - Oliver's disagreement, kept after Sven's answer and escalated to manager@ (Marco);
 * - Burak's yearly evaluation due in two weeks; Pieter's overdue.
 * Ratings are written on the criteria of each person's current role version.
 */
export function seedEvaluations(today: Date, personIds: Map<string, number>): void {
  const db = getDb();
  const levels = db.select().from(schema.ratingLevels).orderBy(schema.ratingLevels.position).all();
  const levelAt = (n: number) => levels[Math.min(levels.length, Math.max(1, n)) - 1].id;
  const criteriaOf = new Map<number, { criteria: FrozenCriteria; roleId: number; versionId: number }>();
  const versions = db
    .select({ id: schema.roleVersions.id, jobRoleId: schema.roleVersions.jobRoleId, number: schema.roleVersions.number, content: schema.roleVersions.content })
    .from(schema.roleVersions)
    .innerJoin(schema.jobRoles, and(eq(schema.jobRoles.id, schema.roleVersions.jobRoleId), eq(schema.jobRoles.currentVersion, schema.roleVersions.number)))
    .all();
  for (const v of versions) criteriaOf.set(v.jobRoleId, { criteria: freezeCriteria(parseRoleDoc(v.content), v.number), roleId: v.jobRoleId, versionId: v.id });
  const people = new Map(
    db
      .select({ id: schema.people.id, name: schema.people.name, jobRoleId: schema.people.jobRoleId, startDate: schema.people.startDate })
      .from(schema.people)
      .all()
      .map((p) => [p.id, p]),
  );
  const id = (email: string) => personIds.get(email)!;

  const closedYear = (person: string, author: string, endDaysAgo: number, lv: number[], summary: string, strengths: string[], improvements: string[]): Seeded => ({
    person,
    author,
    endDaysAgo,
    status: "closed",
    outcome: "understood",
    levels: lv,
    summary,
    strengths,
    improvements,
    entries: [{ kind: "understood", by: "person", body: "", daysAgo: endDaysAgo - 12 }],
  });
  const probation = (person: string, author: string, lv: number[], summary: string, strengths: string[], improvements: string[]): Seeded => {
    const start = Math.round((today.getTime() - new Date(`${people.get(id(person))!.startDate}T00:00:00Z`).getTime()) / 86_400_000);
    return {
      ...closedYear(person, author, start - 90, lv, summary, strengths, improvements),
      kind: "probation",
      startDaysAgo: start,
    };
  };

  const all: Seeded[] = [
    // Elif (employee@): last year's, understood; this year's released with a question Sven answered.
    closedYear(
      "employee@example.com",
      "supervisor@example.com",
      385,
      [2, 1, 2, 2],
      "A good first full year at the desk. Customers like Elif; the paperwork around check-in still slips on busy mornings.",
      ["Warm, calm greeting even when the queue is long", "Explains estimates in plain words"],
      ["Complete the check-in photos on every repair order", "Call customers back within 30 minutes of diagnosis"],
    ),
    {
      person: "employee@example.com",
      author: "supervisor@example.com",
      endDaysAgo: 20,
      status: "answered",
      levels: [3, 2, 2, 3],
      summary:
        "Elif has become the person customers ask for. Check-in completeness is now on target; the call-back time after diagnosis is the one measure still below it in the busy months.",
      strengths: ["Customers ask for Elif by name (12 compliments in the review log)", "Check-in photos now complete on 98% of repair orders", "Helps Nora settle in as her buddy"],
      improvements: ["Call-back within 30 minutes of diagnosis in busy months (now 81%, target 90%)", "Offer the amber health-check items on every estimate call"],
      privateNote: "Ready for the senior advisor track next year if the call-back time holds.",
      entries: [
        {
          kind: "question",
          by: "person",
          body: "What does \"busy months\" mean for the call-back target: is the 90% measured per month, or over the whole year?",
          daysAgo: 8,
          hour: 11,
        },
        {
          kind: "answer",
          by: "author",
          body: "Per month, from the DMS report. In March and April you were at 78% and 81%; the other months you were above 90%. If the workshop is late with the diagnosis, note it on the repair order and it does not count against you.",
          daysAgo: 7,
          hour: 15,
        },
      ],
      notices: [
        { kind: "evaluation.released", to: "person", from: "author", daysAgo: 10, read: true },
        { kind: "evaluation.question", to: "author", from: "person", daysAgo: 8, read: true },
        { kind: "evaluation.reply", to: "person", from: "author", daysAgo: 7 },
      ],
    },
    // Pieter: a draft with his self-assessment submitted; his yearly evaluation is overdue.
    closedYear(
      "pieter.vandijk@example.com",
      "supervisor@example.com",
      400,
      [3, 2, 3, 2],
      "Pieter remains the workshop's reference for diagnostics.",
      ["Diagnoses intermittent faults others give up on", "Coaches the younger technicians"],
      ["Fill in the digital health check on every car, not only on services"],
    ),
    {
      person: "pieter.vandijk@example.com",
      author: "supervisor@example.com",
      endDaysAgo: 0,
      status: "draft",
      levels: [3, 2],
      summary: "",
      strengths: ["First-time fix rate of 97%"],
      improvements: [],
      privateNote: "Ask about his interest in the HV specialist course before releasing.",
      self: { levels: [3, 3, 2, 2], summary: "A good year. I would like the HV specialist course next year.", submittedDaysAgo: 2 },
      notices: [
        { kind: "evaluation.selfRequested", to: "person", from: "author", daysAgo: 7, read: true },
        { kind: "evaluation.selfSubmitted", to: "author", from: "person", daysAgo: 2 },
      ],
    },
    // Oliver: disagreed, kept the disagreement after Sven's answer; waiting for Marco's review.
    {
      person: "oliver.hughes@example.com",
      author: "supervisor@example.com",
      endDaysAgo: 60,
      status: "escalated",
      levels: [2, 1, 2, 2],
      summary: "Good work on the cars; the comebacks in the spring need attention.",
      strengths: ["Careful, clean work on warranty repairs"],
      improvements: ["Road-test every brake and steering repair before handing the car back (three comebacks in April)"],
      escalatedTo: "manager@example.com",
      entries: [
        {
          kind: "disagree",
          by: "person",
          body: "Two of the three April comebacks were parts failures (the supplier recalled that batch of brake hoses). I do not think \"needs improvement\" on quality is fair.",
          daysAgo: 40,
        },
        {
          kind: "answer",
          by: "author",
          body: "The recall explains one of them; the second car came back with a loose wheel-arch liner, which a road test would have caught. I keep the rating.",
          daysAgo: 38,
        },
        { kind: "disagree", by: "person", body: "I still disagree: the liner was refitted by the body shop, not by me. I would like Marco to look at it.", daysAgo: 36 },
        { kind: "escalated", by: "person", body: "", daysAgo: 36 },
      ],
      notices: [{ kind: "evaluation.escalated", to: "reviewer", from: "person", daysAgo: 36 }],
    },
    // Closed yearly evaluations, so only Burak's (in two weeks) and Pieter's (overdue) are due.
    closedYear("mehmet.kaya@example.com", "supervisor@example.com", 120, [3, 3, 2, 3], "Mehmet's experience keeps the workshop running.", ["Plans his own day around the foreman's board"], ["Share his EV experience with the team"]),
    closedYear("janis.ozolins@example.com", "supervisor@example.com", 200, [2, 2, 3, 2], "A reliable year.", ["Always clean and organised bay"], ["Write clearer job-card notes for the advisors"]),
    closedYear("tomas.kazlauskas@example.com", "supervisor@example.com", 90, [2, 3, 2, 2], "Tomas grew into the EV work this year.", ["Completed the HV level 2 course"], ["Report delays to the foreman before the promised time"]),
    closedYear("burak.demir@example.com", "supervisor@example.com", 351, [2, 2, 2, 1], "A solid year with one quality issue to follow.", ["Flexible when the planning changes"], ["Torque-check wheel nuts with the wrench, every time"]),
    probation("raluca.dumitru@example.com", "supervisor@example.com", [2, 2, 2, 2], "Raluca passed her probation with a good start.", ["Learns the manufacturer systems quickly"], ["Ask for help sooner when a diagnosis stalls"]),
    // Marco's people.
    closedYear("supervisor@example.com", "manager@example.com", 150, [3, 2, 3], "Sven runs a calm, well-planned workshop.", ["The planning board is always current"], ["Give feedback to technicians monthly, not only in the yearly evaluation"]),
    closedYear("thomas.bakker@example.com", "manager@example.com", 110, [3, 3, 2, 3], "Thomas is the advisors' anchor.", ["Handles the hardest complaints with patience"], ["Hand over unfinished calls before going home"]),
    probation("andreea.ionescu@example.com", "manager@example.com", [2, 2, 2, 2], "Andreea finished her probation well.", ["Friendly and precise at check-in"], ["Learn the warranty rules for older cars"]),
    closedYear("mark.dawson@example.com", "manager@example.com", 70, [3, 2, 3], "Mark knows the parts catalogue better than anyone.", ["Finds alternatives when parts are back-ordered"], ["Update the customer when a part's date moves"]),
    closedYear("emre.sahin@example.com", "manager@example.com", 130, [2, 2, 2], "A steady year at the parts desk.", ["Accurate stock counts"], ["Submit warranty claims within the week"]),
    closedYear("ilze.kalnina@example.com", "manager@example.com", 240, [2, 3, 2], "Ilze brought order to the returns shelf.", ["Clear labelling of every return"], ["Speak up in the morning meeting"]),
    closedYear("sanne.mulder@example.com", "manager@example.com", 160, [3, 3, 2], "Customers leave calls with Sanne reassured.", ["Follow-up calls done within two days"], ["Log every complaint in the DMS the same day"]),
    probation("ruta.jankauskiene@example.com", "manager@example.com", [2, 2, 1], "Rūta passed her probation; complaint logging needs attention.", ["Patient on the phone"], ["Log every complaint the same day"]),
    // Helena's people (HR).
    closedYear("manager@example.com", "hr@example.com", 100, [3, 3, 2], "Marco leads the department with clear priorities.", ["The after-sales KPIs are understood by everyone"], ["Hold the monthly one-to-ones with each team lead"]),
    closedYear("daan.visser@example.com", "hr@example.com", 180, [2, 2, 2], "Daan keeps the HR records spotless.", ["Contracts ready before the first day"], ["Prepare the training plan a quarter ahead"]),
    probation("aylin.celik@example.com", "hr@example.com", [2, 2, 2], "Aylin passed her probation.", ["Makes new people feel welcome"], ["Learn the payroll calendar by heart"]),
  ];

  db.transaction((tx) => {
    for (const [i, e] of all.entries()) {
      const personId = id(e.person);
      const person = people.get(personId)!;
      const frozen = criteriaOf.get(person.jobRoleId!)!;
      const released = !["draft", "self_assessment"].includes(e.status);
      const periodEnd = dayIso(e.endDaysAgo, today);
      const periodStart = e.startDaysAgo !== undefined ? dayIso(e.startDaysAgo, today) : dayIso(e.endDaysAgo + 364, today);
      const releasedDaysAgo = Math.max(0, e.endDaysAgo - 10);
      const authorId = id(e.author);
      const escalatedToId = e.escalatedTo ? id(e.escalatedTo) : null;
      const last = e.entries?.[e.entries.length - 1];
      const row = tx
        .insert(schema.evaluations)
        .values({
          personId,
          authorId,
          jobRoleId: frozen.roleId,
          roleVersionId: frozen.versionId,
          kind: e.kind ?? "periodic",
          periodStart,
          periodEnd,
          criteria: JSON.stringify(frozen.criteria),
          status: e.status,
          summary: e.summary,
          strengths: JSON.stringify(e.strengths),
          improvements: JSON.stringify(e.improvements),
          privateNote: e.privateNote ?? "",
          selfRequestedAt: e.self ? at(e.self.submittedDaysAgo + 5, today) : null,
          selfSubmittedAt: e.self ? at(e.self.submittedDaysAgo, today, 17) : null,
          selfSummary: e.self?.summary ?? "",
          releasedAt: released ? at(releasedDaysAgo, today, 9) : null,
          escalatedToId,
          escalatedAt: escalatedToId && last ? at(last.daysAgo, today, last.hour ?? 10) : null,
          closedAt: e.status === "closed" && last ? at(last.daysAgo, today, last.hour ?? 10) : null,
          outcome: e.outcome ?? null,
          createdAt: at(e.endDaysAgo + (released ? 0 : 6), today, 8),
          updatedAt: at(released ? releasedDaysAgo : 1, today, 9),
        })
        .returning({ id: schema.evaluations.id })
        .get();
      const keys = [...criterionKeys(frozen.criteria)];
      const ratings = (source: "author" | "self", lv: number[]) =>
        lv.length
          ? keys.slice(0, source === "author" && e.status === "draft" ? lv.length : keys.length).map(([criterionKey, responsibilityKey], j) => {
              const level = lv[j % lv.length];
              const pool = (source === "author" ? COMMENTS : SELF_COMMENTS)[level];
              return { evaluationId: row.id, source, criterionKey, responsibilityKey, levelId: levelAt(level), comment: pool[(i + j) % pool.length] };
            })
          : [];
      const rows = [...ratings("author", e.levels), ...(e.self ? ratings("self", e.self.levels) : [])];
      if (rows.length) tx.insert(schema.evaluationRatings).values(rows).run();
      const who = { person: personId, author: authorId, reviewer: escalatedToId };
      for (const n of e.notices ?? []) {
        const note = tx
          .insert(schema.notifications)
          .values({
            personId: who[n.to]!,
            kind: n.kind,
            params: JSON.stringify({ name: people.get(who[n.from]!)!.name }),
            link: `/evaluations/${row.id}`,
            createdAt: at(n.daysAgo, today, 12),
            readAt: n.read ? at(n.daysAgo, today, 16) : null,
          })
          .returning({ id: schema.notifications.id })
          .get();
        tx.insert(schema.notificationDeliveries).values({ notificationId: note.id, channel: "in_app", status: "sent", attemptedAt: at(n.daysAgo, today, 12) }).run();
      }
      if (e.entries?.length)
        tx.insert(schema.evaluationEntries)
          .values(e.entries.map((x) => ({ evaluationId: row.id, authorId: who[x.by], kind: x.kind, body: x.body, createdAt: at(x.daysAgo, today, x.hour ?? 10) })))
          .run();
    }
  });
}
