import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { jobRoles, taskTransfers, teams } from "@/db/schema";
import { createAnnouncement } from "@/lib/communication/announcements";
import { applyDueTransfers } from "@/lib/communication/transfers";
import { updateOrganisationSettings } from "@/lib/org/organisation";
import { organisationSettings } from "@/lib/org/settings";
import { taskIndex, type RoleDoc } from "@/lib/roles/doc";
import { getDraft, saveDraft } from "@/lib/roles/drafts";
import { getVersion } from "@/lib/roles/history";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
});

const role = (slug: string) => getDb().select().from(jobRoles).where(eq(jobRoles.slug, slug)).get()!;
const taskKey = (slug: string, title: string) => {
  const doc = getVersion(actorFor("hr@example.com"), slug, role(slug).currentVersion).doc;
  for (const [key, v] of taskIndex(doc)) if (v.task.title === title) return key;
  throw new Error(`${slug} has no task "${title}"`);
};

describe("transfers take effect at the organisation's midnight", () => {
  it("a transfer effective 1 December in Europe/Riga applies at Riga's midnight (22:00 UTC), not UTC's", () => {
    const hr = actorFor("hr@example.com");
    const s = organisationSettings();
    updateOrganisationSettings(hr, s.revision, { name: s.name, timeZone: "Europe/Riga", applyEmail: s.applyEmail, applyUrl: s.applyUrl, location: s.location });
    const workshop = getDb().select().from(teams).where(eq(teams.slug, "workshop")).get()!;
    const { id } = createAnnouncement(
      actorFor("manager@example.com"),
      {
        title: "Special tools move to the foreman",
        body: "From 1 December.",
        effectiveDate: "2099-12-01",
        audience: { everyone: false, roleIds: [], teamIds: [workshop.id], personIds: [] },
        transfers: [
          { type: "role", taskKey: taskKey("technician", "Sign special tools in and out"), fromRoleId: role("technician").id, toRoleId: role("workshop-foreman").id, toResponsibilityKey: null },
        ],
      },
      new Date("2099-11-01T12:00:00Z"),
    );
    const applied = () => getDb().select({ at: taskTransfers.appliedAt }).from(taskTransfers).where(eq(taskTransfers.announcementId, id)).get()!.at;
    // 23:59 in Riga on 30 November: not yet.
    expect(applyDueTransfers(new Date("2099-11-30T21:59:00Z"))).toBe(0);
    expect(applied()).toBeNull();
    // Midnight in Riga (still 30 November in UTC): now.
    expect(applyDueTransfers(new Date("2099-11-30T22:00:00Z"))).toBe(1);
    expect(applied()).toBe("2099-11-30T22:00:00.000Z");
  });
});

describe("a task transfer moves the task only", () => {
  it("criteria and capabilities stay with their responsibilities, keys and all, in both roles' versions and in an open draft", () => {
    const hr = actorFor("hr@example.com");
    const sections = (doc: RoleDoc) => doc.responsibilities.map((r) => ({ key: r.key, evaluation: r.evaluation, capabilities: r.capabilities }));
    const current = (slug: string) => getVersion(hr, slug, role(slug).currentVersion).doc;
    // An open draft of the source role with a criterion of its own.
    const draft = structuredClone(getDraft(hr, "technician").doc);
    draft.responsibilities[0].evaluation.push({ key: randomUUID(), criterion: "Tools returned clean", good: "every evening" });
    saveDraft(hr, "technician", getDraft(hr, "technician").revision, draft);
    const before = { from: sections(current("technician")), to: sections(current("workshop-foreman")), draft: sections(getDraft(hr, "technician").doc) };
    const moved = current("technician").responsibilities.find((r) => r.tasks.length && r.evaluation.length)!;
    const task = moved.tasks[0];

    createAnnouncement(
      actorFor("manager@example.com"),
      {
        title: "A task moves to the foreman",
        body: "From 5 December.",
        effectiveDate: "2099-12-05",
        audience: { everyone: false, roleIds: [], teamIds: [getDb().select().from(teams).where(eq(teams.slug, "workshop")).get()!.id], personIds: [] },
        transfers: [{ type: "role", taskKey: task.key, fromRoleId: role("technician").id, toRoleId: role("workshop-foreman").id, toResponsibilityKey: null }],
      },
      new Date("2099-12-01T12:00:00Z"),
    );
    expect(applyDueTransfers(new Date("2099-12-06T12:00:00Z"))).toBe(1);

    // The task moved (out of the source and its draft, into the destination)...
    expect(taskIndex(current("technician")).has(task.key)).toBe(false);
    expect(taskIndex(getDraft(hr, "technician").doc).has(task.key)).toBe(false);
    expect(taskIndex(current("workshop-foreman")).has(task.key)).toBe(true);
    // ...and nothing else did.
    expect(sections(current("technician"))).toEqual(before.from);
    expect(sections(current("workshop-foreman"))).toEqual(before.to);
    expect(sections(getDraft(hr, "technician").doc)).toEqual(before.draft);
  });
});
