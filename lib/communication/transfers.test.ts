import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { jobRoles, taskTransfers, teams } from "@/db/schema";
import { createAnnouncement } from "@/lib/communication/announcements";
import { applyDueTransfers } from "@/lib/communication/transfers";
import { updateOrganisationSettings } from "@/lib/org/organisation";
import { organisationSettings } from "@/lib/org/settings";
import { taskIndex } from "@/lib/roles/doc";
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
