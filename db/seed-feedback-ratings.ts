import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "./client";
import * as schema from "./schema";
import { recordRating } from "../lib/feedback/record";
import { RATING_TAGS, type RatingTag } from "../lib/feedback/vocabulary";

/** The people rated in the demo: the service advisors (not Nora, who starts today) and the customer care agents. */
const RATED = [
  "employee@example.com",
  "thomas.bakker@example.com",
  "andreea.ionescu@example.com",
  "james.whitfield@example.com",
  "sanne.mulder@example.com",
  "ruta.jankauskiene@example.com",
  "cristina.stan@example.com",
];

const COMMENTS: Record<"high" | "mid" | "low", { text: string; locale: string }[]> = {
  high: [
    { text: "Explained exactly what was done and why. Clear invoice, no surprises.", locale: "en" },
    { text: "Friendly welcome at the desk and the car was ready when promised.", locale: "en" },
    { text: "Called me before doing the extra work, much appreciated.", locale: "en" },
    { text: "Very patient with all my questions about the recall.", locale: "en" },
    { text: "Quick and helpful on the phone, sorted the part the same day.", locale: "en" },
    { text: "Took the time to show me the worn brake pads. Great service.", locale: "en" },
    { text: "Heel vriendelijk ontvangen en alles duidelijk uitgelegd.", locale: "nl" },
    { text: "Auto was op tijd klaar, prima service!", locale: "nl" },
    { text: "Netjes teruggebeld over de kosten voordat ze begonnen.", locale: "nl" },
  ],
  mid: [
    { text: "Fine, but I waited a while at the desk before anyone noticed me.", locale: "en" },
    { text: "Good work on the car, the explanation of the bill could be clearer.", locale: "en" },
    { text: "Prima, maar de wachttijd aan de balie was lang.", locale: "nl" },
  ],
  low: [
    { text: "Nobody called me when the car was delayed; I came for nothing.", locale: "en" },
    { text: "The price was much higher than the estimate and nobody explained why.", locale: "en" },
    { text: "Ik ben niet gebeld over de vertraging.", locale: "nl" },
  ],
};

/** A small deterministic generator: the demo is the same on every seed. */
function random(seed: string): () => number {
  let h = createHash("sha256").update(seed).digest().readUInt32LE(0) || 1;
  return () => {
    h ^= h << 13;
    h ^= h >>> 17;
    h ^= h << 5;
    return ((h >>> 0) % 1_000_000) / 1_000_000;
  };
}

function dayIso(days: number, today: Date): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}
const instant = (day: string, hour: number, minute: number) => `${day}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00.000Z`;
const tokenHash = (label: string) => createHash("sha256").update(`rolebook-demo-link:${label}`).digest("hex");

/**
 * Demo data for the feedback tool (issue 12), the ratings part: 60 days of ratings for the service
 * advisors and the customer care agents (1–3 per working day each, mostly 4–5, a few low), with tags
 * from their role's standard categories and comments in English and some in Dutch, about half
 * through used per-service links and the rest walk-up. The history is inserted directly (it would
 * otherwise notify everyone hundreds of times); then an older low rating of employee@ (Elif) whose
 * follow-up supervisor@ solved, and a recent rating of 2 with contact details through
 * `recordRating`, which opens the follow-up supervisor@ must still handle (due soon) and notifies.
 */
export function seedRatings(today: Date, personIds: Map<string, number>): void {
  const db = getDb();
  const ids = RATED.map((e) => personIds.get(e)).filter((x): x is number => x != null);
  if (!ids.length) return;
  const persons = db
    .select({ id: schema.people.id, name: schema.people.name, email: schema.people.email, jobRoleId: schema.people.jobRoleId, teamId: schema.people.teamId, reportsToId: schema.people.reportsToId, startDate: schema.people.startDate })
    .from(schema.people)
    .where(inArray(schema.people.id, ids))
    .all();
  const docs = db
    .select({ id: schema.jobRoles.id, content: schema.roleVersions.content })
    .from(schema.jobRoles)
    .innerJoin(schema.roleVersions, and(eq(schema.roleVersions.jobRoleId, schema.jobRoles.id), eq(schema.roleVersions.number, schema.jobRoles.currentVersion)))
    .all();
  const tagsOfRole = new Map(docs.map((d) => [d.id, RATING_TAGS.filter((t) => d.content.includes(`"category":"${t}"`))]));

  type Planned = { person: (typeof persons)[number]; day: string; at: string; stars: number; comment: string; locale: string; tags: RatingTag[]; walkup: boolean };
  const planned: Planned[] = [];
  for (const person of persons) {
    const rnd = random(`ratings:${person.email}`);
    const tags = tagsOfRole.get(person.jobRoleId ?? -1) ?? [];
    for (let back = 60; back >= 2; back--) {
      const day = dayIso(back, today);
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6 || day < person.startDate) continue;
      const n = 1 + Math.floor(rnd() * 3);
      for (let i = 0; i < n; i++) {
        const r = rnd();
        const stars = r < 0.04 ? 1 + Math.floor(rnd() * 2) : r < 0.14 ? 3 : r < 0.45 ? 4 : 5;
        const pool = stars <= 2 ? COMMENTS.low : stars === 3 ? COMMENTS.mid : COMMENTS.high;
        const c = stars <= 3 || rnd() < 0.45 ? pool[Math.floor(rnd() * pool.length)]! : null;
        const picked = tags.filter(() => rnd() < (stars >= 4 ? 0.3 : 0.2));
        planned.push({ person, day, at: instant(day, 8 + i * 3 + Math.floor(rnd() * 2), Math.floor(rnd() * 60)), stars, comment: c?.text ?? "", locale: c?.locale ?? (rnd() < 0.25 ? "nl" : "en"), tags: picked, walkup: rnd() < 0.45 });
      }
    }
  }

  db.transaction((tx) => {
    const service = planned.filter((p) => !p.walkup);
    const linkIds = new Map<Planned, number>();
    for (let i = 0; i < service.length; i += 200) {
      const chunk = service.slice(i, i + 200);
      const rows = tx
        .insert(schema.ratingLinks)
        .values(chunk.map((p, j) => ({ tokenHash: tokenHash(`${p.person.email}:${i + j}`), personId: p.person.id, madeBy: "person" as const, createdById: p.person.id, reference: `RO-${24000 + i + j}`, createdAt: instant(p.day, 7, 30), expiresAt: `${dayIso(-14, new Date(`${p.day}T00:00:00Z`))}T07:30:00.000Z`, usedAt: p.at })))
        .returning({ id: schema.ratingLinks.id })
        .all();
      chunk.forEach((p, j) => linkIds.set(p, rows[j]!.id));
    }
    for (let i = 0; i < planned.length; i += 200) {
      const chunk = planned.slice(i, i + 200);
      const rows = tx
        .insert(schema.ratings)
        .values(chunk.map((p) => ({ personId: p.person.id, jobRoleId: p.person.jobRoleId, teamId: p.person.teamId, source: p.walkup ? ("walkup" as const) : ("service" as const), linkId: linkIds.get(p) ?? null, stars: p.stars, comment: p.comment, locale: p.locale, createdAt: p.at, createdOn: p.day })))
        .returning({ id: schema.ratings.id })
        .all();
      const tags = chunk.flatMap((p, j) => p.tags.map((tag) => ({ ratingId: rows[j]!.id, tag })));
      if (tags.length) tx.insert(schema.ratingTags).values(tags).run();
    }

    const elif = persons.find((p) => p.email === "employee@example.com");
    if (!elif) return;
    const supervisor = personIds.get("supervisor@example.com") ?? null;
    // An older low rating with contact details, followed up and solved by the supervisor.
    const oldDay = dayIso(25, today);
    const old = tx
      .insert(schema.ratings)
      .values({ personId: elif.id, jobRoleId: elif.jobRoleId, teamId: elif.teamId, source: "walkup", stars: 1, comment: "My car was not ready at the agreed time and nobody let me know.", locale: "en", contactName: "Mrs. de Wit", contactPhone: "+31 6 1234 5678", createdAt: instant(oldDay, 15, 10), createdOn: oldDay })
      .returning({ id: schema.ratings.id })
      .get();
    tx.insert(schema.ratingTags).values({ ratingId: old.id, tag: "speed" }).run();
    tx.insert(schema.ratingFollowups)
      .values({
        ratingId: old.id,
        ownerId: supervisor,
        status: "solved",
        whatHappened: "A part arrived a day late and the delay was not passed on to reception.",
        contactNote: "Called Mrs. de Wit, apologised and offered a free car wash at the next service; she accepted.",
        contactedAt: instant(dayIso(24, today), 9, 40),
        solvedAt: instant(dayIso(24, today), 9, 45),
        solvedById: supervisor,
        dueOn: dayIso(23, today),
        revision: 4,
        createdAt: instant(oldDay, 15, 10),
        updatedAt: instant(dayIso(24, today), 9, 45),
      })
      .run();

    // The recent rating of 2 with contact details: the open follow-up waiting for supervisor@.
    const recent = new Date(Date.parse(`${dayIso(1, today)}T14:20:00.000Z`));
    const link = tx
      .insert(schema.ratingLinks)
      .values({ tokenHash: tokenHash("elif:low"), personId: elif.id, madeBy: "person", createdById: elif.id, reference: "RO-24817", createdAt: instant(dayIso(1, today), 8, 5), expiresAt: instant(dayIso(-13, today), 8, 5) })
      .returning({ id: schema.ratingLinks.id })
      .get();
    recordRating(tx, {
      person: { id: elif.id, name: elif.name, jobRoleId: elif.jobRoleId, teamId: elif.teamId, reportsToId: elif.reportsToId },
      source: "service",
      linkId: link.id,
      stars: 2,
      comment: "The repair was fine, but the bill was €140 more than the estimate and nobody called me first.",
      tags: ["vocabulary"],
      locale: "en",
      contact: { name: "Jeroen Smit", phone: null, email: "jeroen.smit@example.net" },
      now: recent,
    });
  });
}
