import { and, eq } from "drizzle-orm";
import en from "../i18n/messages/en.json";
import { syncAccess, toolKey } from "../lib/capability/access";
import { roleNeeds } from "../lib/capability/needs";
import { addCourseItems } from "../lib/capability/onboarding-training";
import { simpleTranslator, templatePhrases } from "../lib/onboarding/phrases";
import { dueDateWindow } from "../lib/onboarding/rules";
import { holidaysBetween } from "../lib/org/settings";
import { getDb } from "./client";
import * as schema from "./schema";

const isoDaysAgo = (days: number, today: Date) => {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};

/** Who moved roles in the demo story: Rūta was a service advisor and moved to customer care last week. */
const MOVED = { email: "ruta.jankauskiene@example.com", from: "service-advisor", daysAgo: 6 };

/**
 * Demo data for the capability tool (issue 11): tools and access. Every active person with a job
 * role gets their role's tools, granted by HR shortly after they started; the new hire's tools wait
 * as pending grants, and the most recently hired technician still waits for one tool. Rūta moved
 * from service advisor to customer care: her advisor access is flagged for revocation and her new
 * tools are pending (the same sync a role change runs). Finally the new hire's open plan gets the
 * course items for the capabilities she lacks, as starting her plan would have added them once the
 * courses existed.
 */
export function seedAccess(today: Date, personIds: Map<string, number>): void {
  const db = getDb();
  const hrId = personIds.get("hr@example.com")!;
  const noraId = personIds.get("newhire@example.com")!;
  const movedId = personIds.get(MOVED.email);
  const fromRole = db.select({ id: schema.jobRoles.id }).from(schema.jobRoles).where(eq(schema.jobRoles.slug, MOVED.from)).get();
  const everyone = db
    .select({ id: schema.people.id, jobRoleId: schema.people.jobRoleId, startDate: schema.people.startDate, slug: schema.jobRoles.slug })
    .from(schema.people)
    .innerJoin(schema.jobRoles, eq(schema.jobRoles.id, schema.people.jobRoleId))
    .where(eq(schema.people.active, true))
    .all();
  const { roles } = roleNeeds([...everyone.map((p) => p.jobRoleId!), ...(fromRole ? [fromRole.id] : [])]);
  const newestTechnician = everyone.filter((p) => p.slug === "technician").sort((a, b) => b.startDate.localeCompare(a.startDate))[0];
  const todayIso = isoDaysAgo(0, today);
  const at = (day: string) => `${day}T09:30:00.000Z`;

  db.transaction((tx) => {
    const rows: (typeof schema.accessGrants.$inferInsert)[] = [];
    for (const p of everyone) {
      const roleId = p.id === movedId && fromRole ? fromRole.id : p.jobRoleId!;
      const tools = roles.get(roleId)?.tools ?? [];
      const grantedDay = p.startDate < todayIso ? p.startDate : todayIso;
      tools.forEach((tool, i) => {
        const pending = p.id === noraId || (p.id === newestTechnician?.id && i === tools.length - 1);
        rows.push({
          personId: p.id,
          tool,
          toolKey: toolKey(tool),
          status: pending ? "pending" : "granted",
          jobRoleId: roleId,
          grantedById: pending ? null : hrId,
          grantedAt: pending ? null : at(grantedDay),
          createdAt: at(grantedDay),
          updatedAt: at(grantedDay),
        });
      });
    }
    for (let i = 0; i < rows.length; i += 200) tx.insert(schema.accessGrants).values(rows.slice(i, i + 200)).onConflictDoNothing().run();
    // Rūta's move: what the advisor role needed and customer care does not is flagged; her new tools wait.
    if (movedId) {
      const current = everyone.find((p) => p.id === movedId);
      syncAccess(tx, { personId: movedId, jobRoleId: current?.jobRoleId ?? null, reason: "role_change", actorId: hrId, now: at(isoDaysAgo(MOVED.daysAgo, today)) });
    }

    // The new hire's gaps in her plan.
    const plan = tx
      .select({ id: schema.onboardings.id, jobRoleId: schema.onboardings.jobRoleId, fromJobRoleId: schema.onboardings.fromJobRoleId, startDate: schema.onboardings.startDate, createdById: schema.onboardings.createdById })
      .from(schema.onboardings)
      .where(and(eq(schema.onboardings.personId, noraId), eq(schema.onboardings.status, "open")))
      .get();
    if (plan?.jobRoleId) {
      const phrases = templatePhrases(simpleTranslator(en.onboarding.generated));
      const window = dueDateWindow(plan.startDate);
      addCourseItems(tx, {
        planId: plan.id,
        personId: noraId,
        jobRoleId: plan.jobRoleId,
        fromJobRoleId: plan.fromJobRoleId,
        startDate: plan.startDate,
        holidays: holidaysBetween(window.from, window.to),
        phrase: (course) => ({ title: phrases.course(course), description: phrases.courseDescription }),
        actorId: plan.createdById ?? hrId,
        today: todayIso,
        now: today.toISOString(),
      });
    }
  });
}
