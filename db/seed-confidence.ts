import { createHash, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { getDb } from "./client";
import * as schema from "./schema";
import { parseRoleDoc, type RoleDoc } from "../lib/roles/doc";
import { reindexFaqEntry } from "../lib/roles/search-index";
import { prng } from "../lib/core/prng";

/** The receipt code of the demo's anonymous concern (README: "Try the receipt page"). */
export const DEMO_RECEIPT_CODE = "RB7K-W4QM-TX2P-9HNC-ZD3E";

/** YYYY-MM-DD `days` before `today` (UTC). */
function dayIso(days: number, today: Date): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}
const at = (days: number, today: Date, hour = 10, minute = 20) =>
  `${dayIso(days, today)}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00.000Z`;

/** A fixed, well-spread UUIDv4-shaped id from a label (the demo must be reproducible). */
function demoUuid(label: string): string {
  const h = createHash("sha256").update(`rolebook-demo:${label}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
const receiptHash = (code: string) => createHash("sha256").update(code.toUpperCase().replace(/[^A-Z0-9]/g, "")).digest("hex");

function currentDocs(): Map<string, { id: number; doc: RoleDoc }> {
  const rows = getDb()
    .select({ id: schema.jobRoles.id, slug: schema.jobRoles.slug, content: schema.roleVersions.content })
    .from(schema.jobRoles)
    .innerJoin(schema.roleVersions, and(eq(schema.roleVersions.jobRoleId, schema.jobRoles.id), eq(schema.roleVersions.number, schema.jobRoles.currentVersion)))
    .all();
  return new Map(rows.map((r) => [r.slug, { id: r.id, doc: parseRoleDoc(r.content) }]));
}
function responsibilityKey(doc: RoleDoc, title: string): string {
  const r = doc.responsibilities.find((x) => x.title === title);
  if (!r) throw new Error(`seed: no responsibility "${title}"`);
  return r.key;
}
function taskKey(doc: RoleDoc, title: string): string {
  for (const r of doc.responsibilities) for (const t of r.tasks) if (t.title === title) return t.key;
  throw new Error(`seed: no task "${title}"`);
}

/**
 * Confidence demo (issue 10):
 * - an anonymous concern from a technician about unpaid overtime during the recall weeks, addressed
 *   to the Workshop's manager and answered by manager@ (Marco); its receipt code is DEMO_RECEIPT_CODE;
 * - a named concern from employee@ (Elif) about how far goodwill goes at the desk, answered by the
 *   Service Advisor role's owner (Marco), resolved by Elif and turned into an FAQ entry on
 *   "Warranty, recalls and goodwill";
 * - a named concern from a technician about the EV procedure on Saturdays, waiting in supervisor@'s
 *   inbox for more than 3 working days;
 * - a Service Advisor task thread on customers who refuse the diagnosis fee, with a marked solution,
 *   and an open Technician thread.
 */
export function seedConcernsAndThreads(today: Date, personIds: Map<string, number>): void {
  const db = getDb();
  const id = (email: string) => {
    const v = personIds.get(email);
    if (v === undefined) throw new Error(`seed: no person ${email}`);
    return v;
  };
  const docs = currentDocs();
  const advisor = docs.get("service-advisor")!;
  const technician = docs.get("technician")!;
  const workshop = db.select({ id: schema.teams.id }).from(schema.teams).where(eq(schema.teams.slug, "workshop")).get()!;
  const marco = id("manager@example.com");
  const elif = id("employee@example.com");

  db.transaction((tx) => {
    // 1. Anonymous: no author anywhere, day-only dates, a UUIDv4 id.
    const anon = demoUuid("concern:overtime");
    const anonBody =
      "During the recall weeks we stayed one to two hours after closing almost every day to finish the recall jobs before the deadline. " +
      "Those hours are clocked on the recall repair orders, but they are not on our payslips as overtime. " +
      "Nobody told us whether recall work after hours counts as overtime or is expected as part of the job. Is this on purpose?";
    tx.insert(schema.concerns)
      .values({
        id: anon,
        anonymous: true,
        audience: "team",
        audienceTeamId: workshop.id,
        jobRoleId: technician.id,
        responsibilityKey: responsibilityKey(technician.doc, "Repair to manufacturer procedure"),
        taskKey: taskKey(technician.doc, "Clock on and off every job"),
        body: anonBody,
        status: "answered",
        receiptHash: receiptHash(DEMO_RECEIPT_CODE),
        createdOn: dayIso(9, today),
        waitingSince: null,
      })
      .run();
    tx.insert(schema.concernAddressees).values({ concernId: anon, personId: marco, addedOn: dayIso(9, today) }).run();
    tx.insert(schema.concernMessages)
      .values([
        { id: demoUuid("concern:overtime:1"), concernId: anon, seq: 1, fromAuthor: true, personId: null, body: anonBody, createdAt: dayIso(9, today) },
        {
          id: demoUuid("concern:overtime:2"),
          concernId: anon,
          seq: 2,
          fromAuthor: false,
          personId: marco,
          body:
            "Thank you for raising this: you are right, and it was not on purpose. Recall work after closing time is overtime like any other work. " +
            "I have checked the clocking data for the recall weeks with payroll: the missing hours (for everyone in the workshop) will be paid with this month's salary, at the overtime rate. " +
            "From now on the foreman approves recall evenings in advance in the workshop planner, and those hours are booked as overtime automatically. " +
            "If your hours are still missing on the next payslip, reply here and I will check your case.",
          createdAt: at(7, today, 16, 5),
        },
      ])
      .run();

    // 2. Named: Elif asks the Service Advisor role's owner how far goodwill goes at the desk.
    const named = demoUuid("concern:goodwill");
    const namedBody =
      "Customers whose car had a recall done sometimes ask for a discount on the other work because they 'had to come in anyway'. " +
      "I never know how far I can go: may I give a small discount or a free car wash myself, or do I always have to ask you first? " +
      "Waiting for an answer makes the customer feel we are not taking them seriously.";
    tx.insert(schema.concerns)
      .values({
        id: named,
        anonymous: false,
        audience: "role_owner",
        jobRoleId: advisor.id,
        responsibilityKey: responsibilityKey(advisor.doc, "Warranty, recalls and goodwill"),
        body: namedBody,
        status: "resolved",
        createdOn: dayIso(21, today),
        waitingSince: null,
      })
      .run();
    tx.insert(schema.concernAuthors).values({ concernId: named, personId: elif }).run();
    tx.insert(schema.concernAddressees).values({ concernId: named, personId: marco, addedOn: dayIso(21, today) }).run();
    const goodwillAnswer =
      "Good question, and the answer belongs in the role description. At the desk you may offer, without asking: a free car wash, a courtesy car for recall work, and up to €25 off labour on the same visit. " +
      "Anything more (a bigger discount, free parts, goodwill on a repair) is decided by me, up to €500 per case, and above that by the manufacturer's goodwill scheme. " +
      "Tell the customer: \"I will ask the Service Manager and call you back by [time]\", note the request on the repair order, and I will answer the same working day.";
    tx.insert(schema.concernMessages)
      .values([
        { id: demoUuid("concern:goodwill:1"), concernId: named, seq: 1, fromAuthor: true, personId: elif, body: namedBody, createdAt: at(21, today, 9, 40) },
        { id: demoUuid("concern:goodwill:2"), concernId: named, seq: 2, fromAuthor: false, personId: marco, body: goodwillAnswer, createdAt: at(20, today, 14, 10) },
        { id: demoUuid("concern:goodwill:3"), concernId: named, seq: 3, kind: "resolve", fromAuthor: true, personId: elif, body: "Clear, thank you. That covers most of the cases I get.", createdAt: at(20, today, 16, 45) },
      ])
      .run();
    const faq = tx
      .insert(schema.faqEntries)
      .values({
        jobRoleId: advisor.id,
        responsibilityKey: responsibilityKey(advisor.doc, "Warranty, recalls and goodwill"),
        question: "How much goodwill may a Service Advisor offer at the desk without asking?",
        answer:
          "Without asking you may offer:\n\n- a free car wash;\n- a courtesy car for recall work;\n- up to **€25 off labour** on the same visit.\n\n" +
          "Anything more (a bigger discount, free parts, goodwill on a repair) is decided by the Service Manager, up to €500 per case; above that, the manufacturer's goodwill scheme decides.\n\n" +
          "Say: *\"I will ask the Service Manager and call you back by [time]\"*, note the request on the repair order, and expect an answer the same working day.",
        sourceConcernId: named,
        status: "published",
        createdById: marco,
        publishedById: marco,
        publishedAt: at(19, today, 11, 0),
        createdAt: at(19, today, 10, 30),
        updatedAt: at(19, today, 11, 0),
      })
      .returning()
      .get();
    // Published entries are found by "Whose task is this?".
    reindexFaqEntry(tx, faq.id, { jobRoleId: faq.jobRoleId, question: faq.question, answer: faq.answer });
    const faqDetail = JSON.stringify({ faq: faq.id, title: faq.question, responsibilityKey: faq.responsibilityKey, sourceConcern: named });
    tx.insert(schema.auditLog)
      .values([
        { actorId: elif, action: "concern.raised", entityType: "concern", entityId: named, detail: "{}", at: at(21, today, 9, 40) },
        { actorId: marco, action: "concern.answered", entityType: "concern", entityId: named, detail: "{}", at: at(20, today, 14, 10) },
        { actorId: elif, action: "concern.resolved", entityType: "concern", entityId: named, detail: "{}", at: at(20, today, 16, 45) },
        { actorId: marco, action: "concern.answered", entityType: "concern", entityId: anon, detail: "{}", at: at(7, today, 16, 5) },
        { actorId: marco, action: "faq.save", entityType: "job_role", entityId: String(advisor.id), detail: faqDetail, at: at(19, today, 10, 30) },
        { actorId: marco, action: "faq.publish", entityType: "job_role", entityId: String(advisor.id), detail: faqDetail, at: at(19, today, 11, 0) },
      ])
      .run();

    // A named concern waiting in supervisor@'s inbox for more than 3 working days (he is reminded).
    const waiting = demoUuid("concern:ev-saturday");
    const waitingBody =
      "The EV high-voltage procedure says two trained people must be present when the HV battery is disconnected. " +
      "On Saturdays I am often alone in the workshop after 12:00. Should I refuse EV jobs then, or does the advisor at the desk count as the second person?";
    const burak = id("burak.demir@example.com");
    const sven = id("supervisor@example.com");
    tx.insert(schema.concerns)
      .values({
        id: waiting,
        anonymous: false,
        audience: "manager",
        jobRoleId: technician.id,
        responsibilityKey: responsibilityKey(technician.doc, "Workshop safety"),
        taskKey: taskKey(technician.doc, "Follow the EV high-voltage procedure"),
        body: waitingBody,
        status: "open",
        createdOn: dayIso(6, today),
        waitingSince: dayIso(6, today),
      })
      .run();
    tx.insert(schema.concernAuthors).values({ concernId: waiting, personId: burak }).run();
    tx.insert(schema.concernAddressees).values({ concernId: waiting, personId: sven, addedOn: dayIso(6, today) }).run();
    tx.insert(schema.concernMessages)
      .values({ id: demoUuid("concern:ev-saturday:1"), concernId: waiting, seq: 1, fromAuthor: true, personId: burak, body: waitingBody, createdAt: at(6, today, 15, 35) })
      .run();
    tx.insert(schema.auditLog)
      .values({ actorId: burak, action: "concern.raised", entityType: "concern", entityId: waiting, detail: JSON.stringify({ audience: "manager" }), at: at(6, today, 15, 35) })
      .run();

    // The notifications the live tool would have sent (the anonymous one carries only its day).
    const notes = [
      { personId: sven, kind: "concern.new", params: "{}", link: `/concerns/${waiting}`, createdAt: at(6, today, 15, 35), readAt: null },
      { personId: marco, kind: "concern.new", params: "{}", link: `/concerns/${anon}`, createdAt: dayIso(9, today), readAt: at(8, today, 8, 10) },
      { personId: marco, kind: "concern.new", params: "{}", link: `/concerns/${named}`, createdAt: at(21, today, 9, 40), readAt: at(21, today, 11, 0) },
      { personId: elif, kind: "concern.answered", params: JSON.stringify({ name: "Marco Janssen" }), link: `/concerns/${named}`, createdAt: at(20, today, 14, 10), readAt: at(20, today, 16, 40) },
    ];
    for (const n of notes) {
      const row = tx.insert(schema.notifications).values(n).returning({ id: schema.notifications.id }).get();
      tx.insert(schema.notificationDeliveries).values({ notificationId: row.id, channel: "in_app", status: "sent", attemptedAt: n.createdAt }).run();
    }

    // 3. Task threads.
    const thomas = id("thomas.bakker@example.com");
    const andreea = id("andreea.ionescu@example.com");
    const thread = tx
      .insert(schema.taskThreads)
      .values({
        jobRoleId: advisor.id,
        taskKey: taskKey(advisor.doc, "Call the customer with a written estimate"),
        title: "A customer refuses to pay the diagnosis fee",
        body:
          "Twice this week a customer agreed to a diagnosis at check-in, then refused to pay the €89 diagnosis fee when I called with the estimate, because they did not want the repair. " +
          "One left angry. How do you handle this?",
        authorId: thomas,
        status: "solved",
        createdAt: at(16, today, 8, 50),
        updatedAt: at(14, today, 17, 0),
      })
      .returning({ id: schema.taskThreads.id })
      .get();
    const posts = tx
      .insert(schema.taskThreadPosts)
      .values([
        {
          threadId: thread.id,
          authorId: andreea,
          body: "I had the same last month. I now say the fee out loud at check-in and point to the line on the repair order before they sign, not only when I call.",
          createdAt: at(16, today, 10, 15),
        },
        {
          threadId: thread.id,
          authorId: elif,
          body:
            "What works for me: at check-in, say the fee and that it is deducted from the repair if they go ahead (\"the €89 diagnosis is included if we do the repair\"). " +
            "Write it on the repair order next to their signature. When I call with the estimate I repeat it. Since I do that, nobody has refused.",
          createdAt: at(15, today, 12, 30),
        },
        {
          threadId: thread.id,
          authorId: marco,
          body: "Elif's way is the one we want everywhere. I marked it as the solution and will add it to the role description.",
          createdAt: at(14, today, 17, 0),
        },
      ])
      .returning({ id: schema.taskThreadPosts.id })
      .all();
    tx.update(schema.taskThreads).set({ solutionPostId: posts[1]!.id, solvedById: marco }).where(eq(schema.taskThreads.id, thread.id)).run();

    const open = tx
      .insert(schema.taskThreads)
      .values({
        jobRoleId: technician.id,
        taskKey: taskKey(technician.doc, "Stop and report additional work"),
        title: "Additional work found after the customer cannot be reached",
        body:
          "When I find additional work and the advisor cannot reach the customer before 15:00, the car blocks the lift. Do we put it outside, or start the next job on another lift?",
        authorId: id("oliver.hughes@example.com"),
        status: "open",
        createdAt: at(3, today, 13, 10),
        updatedAt: at(2, today, 9, 0),
      })
      .returning({ id: schema.taskThreads.id })
      .get();
    tx.insert(schema.taskThreadPosts)
      .values({
        threadId: open.id,
        authorId: id("janis.ozolins@example.com"),
        body: "I lower it, put the car on the waiting row with a red tag on the mirror, and tell the foreman. Then the lift is free and nobody starts the car by mistake.",
        createdAt: at(2, today, 9, 0),
      })
      .run();
    tx.insert(schema.auditLog)
      .values([
        { actorId: thomas, action: "thread.started", entityType: "job_role", entityId: String(advisor.id), detail: JSON.stringify({ thread: thread.id, title: "A customer refuses to pay the diagnosis fee" }), at: at(16, today, 8, 50) },
        { actorId: marco, action: "thread.solved", entityType: "job_role", entityId: String(advisor.id), detail: JSON.stringify({ thread: thread.id, post: posts[1]!.id, title: "A customer refuses to pay the diagnosis fee" }), at: at(14, today, 17, 0) },
        { actorId: id("oliver.hughes@example.com"), action: "thread.started", entityType: "job_role", entityId: String(technician.id), detail: JSON.stringify({ thread: open.id, title: "Additional work found after the customer cannot be reached" }), at: at(3, today, 13, 10) },
      ])
      .run();
  });
}

type Profile = { expected: number[]; how: number[]; wrong: number[]; judged: number[]; resources: number[]; leastClear: string[] };
/** What each role's people tend to answer (a score is drawn from the list), and which responsibilities they name least clear. */
const PROFILES: Record<string, Profile> = {
  "service-advisor": {
    expected: [4, 5, 5, 4],
    how: [4, 4, 5, 3],
    wrong: [3, 2, 3, 4],
    judged: [4, 3, 4, 4],
    resources: [4, 4, 3, 5],
    leastClear: ["Courtesy cars", "Courtesy cars", "Courtesy cars", "Warranty, recalls and goodwill", "Courtesy cars", "Vehicle handover and invoice explanation"],
  },
  technician: {
    expected: [5, 4, 4, 5],
    how: [4, 5, 4, 4],
    wrong: [3, 4, 3, 3],
    judged: [3, 3, 4, 2],
    resources: [4, 3, 4, 4],
    leastClear: ["Parts and special tools", "Service inspections and vehicle health check", "Parts and special tools", "Repair to manufacturer procedure"],
  },
  "service-manager": { expected: [5], how: [4], wrong: [4], judged: [3], resources: [4], leastClear: ["KPIs and financial performance"] },
  "workshop-foreman": { expected: [4], how: [4], wrong: [5], judged: [3], resources: [3], leastClear: ["Technical support and warranty quality"] },
};

/**
 * Role-clarity pulse demo: HR sent a pulse to Reception and to the Workshop on the 10th of each of
 * the last three months, and a follow-up round to the Service Advisors (a small role) on the 20th;
 * nearly everyone answered within a few days. Answers are anonymous (role, team and month only).
 * Service Advisors most often name "Courtesy cars" least clear; with the follow-up rounds each of
 * their months reaches the minimum of 5 answers, so their per-month trend shows.
 */
export function seedPulse(today: Date, personIds: Map<string, number>): void {
  const db = getDb();
  const hr = personIds.get("hr@example.com")!;
  const docs = currentDocs();
  const roleSlugs = new Map([...docs.entries()].map(([slug, r]) => [r.id, slug]));
  const members = db
    .select({ id: schema.people.id, email: schema.people.email, teamId: schema.people.teamId, jobRoleId: schema.people.jobRoleId, startDate: schema.people.startDate, slug: schema.teams.slug })
    .from(schema.people)
    .innerJoin(schema.teams, eq(schema.teams.id, schema.people.teamId))
    .where(eq(schema.people.active, true))
    .all();
  const random = prng(20261201);
  // The follow-up rounds draw from their own sequence, so the team rounds' answers stay as they were.
  const followUpRandom = prng(20261220);
  // The k-th day of each of the last three calendar months, as days ago (answers come in the same
  // month), so the current month starts empty: a pulse sent today makes a group of its own.
  const monthDays = (day: number) => [3, 2, 1].map((k) => Math.round((Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - k, day)) / 86_400_000));
  const turns = new Map<string, number>();
  type Member = (typeof members)[number];

  db.transaction((tx) => {
    /** One round: its row, its audit entry, a send per recipient and, for those who answered, the anonymous answer. */
    const round = (target: { teamId: number | null; jobRoleId: number | null; title: string }, daysAgo: number, recipients: Member[], answers: (m: Member) => boolean, rnd: () => number) => {
      const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]!;
      const sentOn = dayIso(daysAgo, today);
      const row = tx
        .insert(schema.pulseRounds)
        .values({ teamId: target.teamId, jobRoleId: target.jobRoleId, recipients: recipients.length, createdById: hr, createdAt: at(daysAgo, today, 8, 0) })
        .returning({ id: schema.pulseRounds.id })
        .get();
      tx.insert(schema.auditLog)
        .values({
          actorId: hr,
          action: "pulse.sent",
          entityType: "pulse_round",
          entityId: String(row.id),
          detail: JSON.stringify({ title: target.title, teamId: target.teamId, jobRoleId: target.jobRoleId, recipients: recipients.length }),
          at: at(daysAgo, today, 8, 0),
        })
        .run();
      for (const person of recipients) {
        const answeredOn = answers(person) ? dayIso(Math.max(0, daysAgo - Math.floor(rnd() * 4)), today) : null;
        tx.insert(schema.pulseSends)
          .values({ personId: person.id, occasion: "manual", occasionKey: `round:${row.id}`, roundId: row.id, jobRoleId: person.jobRoleId, teamId: person.teamId, sentOn, answeredOn })
          .run();
        if (!answeredOn) continue;
        const slug = roleSlugs.get(person.jobRoleId!)!;
        const profile = PROFILES[slug]!;
        const doc = docs.get(slug)!.doc;
        // Least clear: the role's list in turn (every seventh answer names none), so the demo tells the same story every time.
        const turn = (turns.get(slug) ?? 0) + 1;
        turns.set(slug, turn);
        const least = turn % 7 === 0 ? null : profile.leastClear[(turn - 1) % profile.leastClear.length]!;
        tx.insert(schema.pulseAnswers)
          .values({
            // Random, never derived from the person: an answer must not lead back to them.
            id: randomUUID(),
            jobRoleId: person.jobRoleId,
            teamId: person.teamId,
            month: answeredOn.slice(0, 7),
            expected: pick(profile.expected),
            how: pick(profile.how),
            wrong: pick(profile.wrong),
            judged: pick(profile.judged),
            resources: pick(profile.resources),
            leastClearKey: least ? responsibilityKey(doc, least) : null,
          })
          .run();
      }
    };

    const tenths = monthDays(10);
    for (const team of ["reception", "workshop"] as const) {
      const teamId = members.find((m) => m.slug === team)!.teamId!;
      for (const [n, daysAgo] of tenths.entries()) {
        const sentOn = dayIso(daysAgo, today);
        // In the latest round one Service Advisor has not answered yet.
        const answers = (m: Member) => !(n === tenths.length - 1 && m.email === "james.whitfield@example.com");
        round({ teamId, jobRoleId: null, title: team === "reception" ? "Reception" : "Workshop" }, daysAgo, members.filter((m) => m.slug === team && m.startDate < sentOn), answers, random);
      }
    }

    // The Service Advisors' follow-up round on the 20th; like HR's form, it skips whoever still has a pulse to answer.
    const advisor = docs.get("service-advisor")!;
    const waiting = (m: Member, n: number) => n === tenths.length - 1 && m.email === "james.whitfield@example.com";
    for (const [n, daysAgo] of monthDays(20).entries()) {
      const sentOn = dayIso(daysAgo, today);
      const recipients = members.filter((m) => m.jobRoleId === advisor.id && m.startDate < sentOn && !waiting(m, n));
      round({ teamId: null, jobRoleId: advisor.id, title: advisor.doc.title }, daysAgo, recipients, () => true, followUpRandom);
    }
  });
}
