import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb } from "./client";
import { randomRowid } from "../lib/feedback/anonymous-rows";
import { quarterOf } from "../lib/feedback/due";
import { UPWARD_ITEMS } from "../lib/feedback/vocabulary";

/** A fixed UUIDv4-shaped id from a label (the demo must be reproducible). */
function demoUuid(label: string): string {
  const h = createHash("sha256").update(`rolebook-demo:${label}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

/** The first day of the quarter `day` is in. */
function quarterStart(day: string): string {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, "0")}-01`;
}

/**
 * Demo data for the feedback tool (issue 12), the upward part: five technicians answered upward
 * feedback for supervisor@ (Sven) this quarter, so he sees results; three answered last quarter
 * (fewer than 5: hidden). Written like lib/feedback/upward.ts writes them: the "answered" marks
 * without time, the answers without author, with a random UUID, the day only and random rowids.
 * Burak, Raluca and Lukas have not answered this quarter (the e2e spec answers as one of them).
 */
export function seedUpward(today: Date, personIds: Map<string, number>): void {
  const db = getDb();
  const id = (email: string) => {
    const v = personIds.get(email);
    if (v == null) throw new Error(`seed: no person ${email}`);
    return v;
  };
  const leader = id("supervisor@example.com");
  const todayDay = dayOf(today);
  const thisStart = quarterStart(todayDay);
  const lastDay = addDays(thisStart, -1);

  // Scores per item (greets, listens, recognises, approachable, expectations, explains, feedback).
  const rounds: { day: string; who: string[]; scores: number[][] }[] = [
    {
      day: lastDay,
      who: ["mehmet.kaya@example.com", "pieter.vandijk@example.com", "oliver.hughes@example.com"],
      scores: [
        [4, 3, 3, 4, 4, 3, 2],
        [5, 4, 3, 4, 4, 4, 3],
        [3, 3, 2, 3, 4, 3, 2],
      ],
    },
    {
      day: todayDay,
      who: ["mehmet.kaya@example.com", "pieter.vandijk@example.com", "janis.ozolins@example.com", "oliver.hughes@example.com", "tomas.kazlauskas@example.com"],
      scores: [
        [5, 4, 4, 5, 4, 4, 3],
        [4, 4, 3, 4, 5, 4, 3],
        [5, 3, 4, 4, 4, 3, 2],
        [4, 3, 3, 4, 4, 4, 3],
        [5, 4, 4, 5, 5, 4, 4],
      ],
    },
  ];

  db.transaction((tx) => {
    rounds.forEach((round, r) => {
      const period = quarterOf(round.day);
      for (const email of round.who)
        tx.run(sql`insert into upward_given (rowid, person_id, leader_id, period) values (${randomRowid()}, ${id(email)}, ${leader}, ${period})`);
      round.scores.forEach((s, i) => {
        // Spread over the quarter so far, never before its first day.
        const spread = addDays(round.day, -(i * 4));
        const day = spread < quarterStart(round.day) ? round.day : spread;
        const values = Object.fromEntries(UPWARD_ITEMS.map((item, k) => [item, s[k]!]));
        tx.run(
          sql`insert into upward_answers (rowid, id, leader_id, period, created_on, greets, listens, recognises, approachable, expectations, explains, feedback)
            values (${randomRowid()}, ${demoUuid(`upward-${r}-${i}`)}, ${leader}, ${period}, ${day}, ${values.greets}, ${values.listens},
              ${values.recognises}, ${values.approachable}, ${values.expectations}, ${values.explains}, ${values.feedback})`,
        );
      });
    });
  });
}
