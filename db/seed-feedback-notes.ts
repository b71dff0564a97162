import { and, eq } from "drizzle-orm";
import { getDb } from "./client";
import * as schema from "./schema";
import { parseRoleDoc } from "../lib/roles/doc";

/** An instant `days` UTC days before `today` at `hour`:40 UTC. */
const instantDaysAgo = (days: number, today: Date, hour: number) =>
  `${new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - days)).toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:40:00.000Z`;

/**
 * Demo data for the feedback tool (issue 12), the praise part:
 * - praise from Thomas Bakker to employee@ (Elif) about her welcome at the desk, visible to Reception;
 * - praise from supervisor@ (Sven) to Mehmet about a diagnosis, visible to the Workshop;
 * - a suggestion from employee@ to Pieter van Dijk (technician) about the diagnosis report, shared
 *   with his manager (supervisor@ and manager@ see it under "Shared with me");
 * - praise from Andreea Ionescu to employee@, for her only.
 * With the notifications they sent.
 */
export function seedNotes(today: Date, personIds: Map<string, number>): void {
  const db = getDb();
  const id = (email: string) => {
    const v = personIds.get(email);
    if (v == null) throw new Error(`seed: no person ${email}`);
    return v;
  };
  const person = (email: string) =>
    db.select({ id: schema.people.id, name: schema.people.name, jobRoleId: schema.people.jobRoleId, teamId: schema.people.teamId }).from(schema.people).where(eq(schema.people.id, id(email))).get()!;
  const responsibilityKey = (jobRoleId: number | null, title: string) => {
    const row = db
      .select({ content: schema.roleVersions.content })
      .from(schema.jobRoles)
      .innerJoin(schema.roleVersions, and(eq(schema.roleVersions.jobRoleId, schema.jobRoles.id), eq(schema.roleVersions.number, schema.jobRoles.currentVersion)))
      .where(eq(schema.jobRoles.id, jobRoleId ?? -1))
      .get();
    const key = row ? parseRoleDoc(row.content).responsibilities.find((r) => r.title === title)?.key : undefined;
    if (!key) throw new Error(`seed: no responsibility "${title}"`);
    return key;
  };

  type Note = {
    kind: "praise" | "suggestion";
    from: string;
    to: string;
    visibility: "recipient" | "team" | "manager";
    days: number;
    hour: number;
    responsibility?: string;
    standard?: (typeof schema.feedbackNotes.$inferInsert)["standardCategory"];
    body: string;
  };
  const notes: Note[] = [
    {
      kind: "suggestion",
      from: "employee@example.com",
      to: "pieter.vandijk@example.com",
      visibility: "manager",
      days: 6,
      hour: 14,
      responsibility: "Diagnosis",
      body: "When the diagnosis takes longer than the hour, could you drop me a line in the DMS? Then I can call the customer before they call us. Yesterday Mrs de Boer rang twice before I had anything to tell her.",
    },
    {
      kind: "praise",
      from: "supervisor@example.com",
      to: "mehmet.kaya@example.com",
      visibility: "team",
      days: 4,
      hour: 15,
      responsibility: "Diagnosis",
      body: "Great find on the intermittent CAN fault in the Golf: saved diagnostic sessions and a clear note for the advisor. That is how we do it.",
    },
    {
      kind: "praise",
      from: "andreea.ionescu@example.com",
      to: "employee@example.com",
      visibility: "recipient",
      days: 3,
      hour: 11,
      body: "Thanks for covering my desk on Tuesday while I was on the phone with the warranty portal. The customers did not even notice.",
    },
    {
      kind: "praise",
      from: "thomas.bakker@example.com",
      to: "employee@example.com",
      visibility: "team",
      days: 1,
      hour: 9,
      standard: "gestures",
      body: "This morning's queue at opening was long, and you still stood up, looked every customer in the eye and greeted them by name. Two of them mentioned it to me at the handover.",
    },
  ];

  db.transaction((tx) => {
    for (const n of notes) {
      const to = person(n.to);
      const from = person(n.from);
      const createdAt = instantDaysAgo(n.days, today, n.hour);
      const noteId = tx
        .insert(schema.feedbackNotes)
        .values({
          kind: n.kind,
          fromId: from.id,
          toId: to.id,
          visibility: n.visibility,
          jobRoleId: to.jobRoleId,
          teamId: to.teamId,
          responsibilityKey: n.responsibility ? responsibilityKey(to.jobRoleId, n.responsibility) : null,
          standardCategory: n.standard ?? null,
          body: n.body,
          createdAt,
        })
        .returning({ id: schema.feedbackNotes.id })
        .get().id;
      const notices: (typeof schema.notifications.$inferInsert)[] = [
        { personId: to.id, kind: n.kind === "praise" ? "feedback.praise" : "feedback.suggestion", params: JSON.stringify({ name: from.name }), link: `/feedback/notes#note-${noteId}`, createdAt },
      ];
      if (n.visibility === "manager") {
        const leaders = tx
          .select({ reportsToId: schema.people.reportsToId, managerId: schema.teams.managerId })
          .from(schema.people)
          .leftJoin(schema.teams, eq(schema.teams.id, schema.people.teamId))
          .where(eq(schema.people.id, to.id))
          .get()!;
        for (const leader of new Set([leaders.reportsToId, leaders.managerId]))
          if (leader != null && leader !== from.id && leader !== to.id)
            notices.push({
              personId: leader,
              kind: "feedback.suggestionShared",
              params: JSON.stringify({ name: from.name, person: to.name }),
              link: `/feedback/notes?box=shared#note-${noteId}`,
              createdAt,
            });
      }
      for (const notice of notices) {
        const row = tx.insert(schema.notifications).values(notice).returning({ id: schema.notifications.id }).get();
        tx.insert(schema.notificationDeliveries).values({ notificationId: row.id, channel: "in_app", status: "sent", attemptedAt: createdAt }).run();
      }
    }
  });
}
