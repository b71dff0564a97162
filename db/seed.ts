import { count, eq } from "drizzle-orm";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type Database from "better-sqlite3";
import * as schema from "./schema";
import { jobRoles as roleData, people as peopleData, teams as teamData } from "./seed-data";
import { hashPassword } from "../lib/password";
import { personSearchText } from "../lib/search-text";

export const DEMO_PASSWORD = "rolebook-demo";

/** YYYY-MM-DD of `today` minus `days` (UTC). */
export function isoDaysAgo(days: number, today = new Date()): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

type Db = BetterSQLite3Database<typeof schema>;

export function isEmpty(sqlite: Database.Database): boolean {
  const db = drizzle(sqlite, { schema });
  return (db.select({ n: count() }).from(schema.people).get()?.n ?? 0) === 0;
}

/** Seeds the demo organisation: the service department of a car dealership. */
export async function seedDemo(sqlite: Database.Database, today = new Date()): Promise<void> {
  const db: Db = drizzle(sqlite, { schema });
  const hashes = await Promise.all(peopleData.map(() => hashPassword(DEMO_PASSWORD)));

  db.transaction((tx) => {
    const roleIds = new Map<string, number>();
    for (const r of roleData) {
      const row = tx
        .insert(schema.jobRoles)
        .values({ slug: r.slug, title: r.title, purpose: r.purpose })
        .returning({ id: schema.jobRoles.id })
        .get();
      roleIds.set(r.slug, row.id);
      r.responsibilities.forEach((resp, i) => {
        const rr = tx
          .insert(schema.responsibilities)
          .values({ jobRoleId: row.id, position: i + 1, title: resp.title, description: resp.description })
          .returning({ id: schema.responsibilities.id })
          .get();
        if (resp.tasks.length)
          tx.insert(schema.tasks)
            .values(
              resp.tasks.map((t, j) => ({
                responsibilityId: rr.id,
                position: j + 1,
                title: t.title,
                description: t.description,
              })),
            )
            .run();
      });
    }

    const teamIds = new Map<string, number>();
    for (const t of teamData) {
      const row = tx
        .insert(schema.teams)
        .values({ slug: t.slug, name: t.name })
        .returning({ id: schema.teams.id })
        .get();
      teamIds.set(t.slug, row.id);
    }

    const personIds = new Map<string, number>();
    peopleData.forEach((p, i) => {
      const row = tx
        .insert(schema.people)
        .values({
          name: p.name,
          email: p.email.toLowerCase(),
          phone: p.phone,
          searchText: personSearchText(p.name, p.email),
          passwordHash: hashes[i],
          appRole: p.appRole,
          jobRoleId: roleIds.get(p.jobRole) ?? null,
          teamId: p.team ? (teamIds.get(p.team) ?? null) : null,
          startDate: isoDaysAgo(p.startDaysAgo, today),
          locale: p.locale,
        })
        .returning({ id: schema.people.id })
        .get();
      personIds.set(p.email, row.id);
    });
    for (const p of peopleData) {
      if (p.reportsTo)
        tx.update(schema.people)
          .set({ reportsToId: personIds.get(p.reportsTo) ?? null })
          .where(eq(schema.people.id, personIds.get(p.email)!))
          .run();
    }
    for (const t of teamData)
      tx.update(schema.teams)
        .set({ managerId: personIds.get(t.managerEmail) ?? null })
        .where(eq(schema.teams.id, teamIds.get(t.slug)!))
        .run();
    for (const r of roleData)
      tx.update(schema.jobRoles)
        .set({ ownerId: personIds.get(r.ownerEmail) ?? null })
        .where(eq(schema.jobRoles.id, roleIds.get(r.slug)!))
        .run();

    tx.insert(schema.auditLog)
      .values({ actorId: null, action: "demo.seed", entityType: "organisation", detail: "{}", at: today.toISOString() })
      .run();
  });
}
