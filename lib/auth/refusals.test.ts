import { desc, eq, inArray, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { acknowledgements, notifications, roleVersions } from "@/db/schema";
import { listAudit } from "@/lib/audit/browse";
import { audit } from "@/lib/audit/log";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { authorizeAppRoleChange, can, mayReplyToAck, mayTrackVersion, recordDenied } from "@/lib/auth/policy";
import { getAnnouncement } from "@/lib/communication/announcements";
import { listQuestionsToAnswer } from "@/lib/communication/questions";
import { ForbiddenError } from "@/lib/core/errors";
import { markRead } from "@/lib/notifications/notifications";
import { onboardingOverview } from "@/lib/onboarding/lists";
import { addPlanItem, removePlanItem, saveCheckin, type ItemInput } from "@/lib/onboarding/plans";
import { setPosting } from "@/lib/roles/postings";
import { useSeededTestDb } from "@/lib/test/db";
import {
  actorOf,
  clearDenied,
  deniedRows,
  EMP,
  forbidden,
  HR,
  idOf,
  itemsOf,
  MGR,
  NORA,
  notFound,
  notificationsOf,
  refusals,
  roleIdOf,
  STRANGER,
  SUP,
  buildFixtures,
  type Fixtures,
  type RefusalCase,
  SEED_TIMEOUT,
} from "@/lib/test/refusals";

/**
 * Refusals, table-driven (the harness is lib/test/refusals.ts): each case is a person who must not
 * do something, on a real record. This file holds the checks no other test caught, with positive
 * controls, and the policy's own rules; the other areas are in refusals-*.test.ts.
 */

let fx: Fixtures;
beforeAll(async () => {
  await useSeededTestDb();
  fx = await buildFixtures();
}, SEED_TIMEOUT);

const item: ItemInput = { title: "Lunch with the team", description: "", assignee: "manager", dueDay: 4, link: null };
const unreadOfOthers = (email: string) =>
  getDb()
    .select({ id: notifications.id, readAt: notifications.readAt })
    .from(notifications)
    .where(isNull(notifications.readAt))
    .all()
    .filter((n) => !notificationsOf(email).includes(n.id));
const isRead = (id: number) => Boolean(getDb().select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, id)).get()?.readAt);
const overviewIds = (email: string) => onboardingOverview(actorOf(email), { status: "all" }).rows.map((r) => r.id).sort((a, b) => a - b);

const cases: RefusalCase[] = [
  // 1. markRead touches only the actor's own notifications.
  {
    name: "markRead: Elif marking Nora's notification read changes nothing",
    as: EMP,
    call: (a) => markRead(a, [notificationsOf(NORA)[0]]),
    expect: (n: number) => expect(n).toBe(0),
  },
  ...forbidden("markRead", [STRANGER], (a) => markRead(a), "notifications.read"),

  // 2. saveCheckin: the buddy or whoever may manage the plan, not the hire, not an outsider.
  notFound("saveCheckin: Nora may not write a check-in on her own plan", NORA, (a) => saveCheckin(a, fx.plan1, "week1", "Fine"), () => ({ type: "onboarding", id: fx.plan1 }), "mayCheckin"),
  notFound("saveCheckin: Elif may not write on a plan she is not buddy of", EMP, (a) => saveCheckin(a, fx.plan2, "week1", "Fine"), () => ({ type: "onboarding", id: fx.plan2 }), "mayViewPlan"),
  notFound("saveCheckin: the supervisor may not write on Mark's plan", SUP, (a) => saveCheckin(a, fx.planMark, "week1", "Fine"), () => ({ type: "onboarding", id: fx.planMark }), "mayViewPlan"),
  notFound("saveCheckin: the manager may not write on Daan's plan (outside his people)", MGR, (a) => saveCheckin(a, fx.planDaan, "week1", "Fine"), () => ({ type: "onboarding", id: fx.planDaan }), "mayViewPlan"),
  ...forbidden("saveCheckin", [STRANGER], (a) => saveCheckin(a, fx.plan1, "week1", "Fine"), "onboarding.participate", () => ({ type: "onboarding", id: fx.plan1 })),

  // 3. getAnnouncement: its audience, its author and HR only.
  notFound("getAnnouncement: the supervisor is not addressed by the warranty announcement", SUP, (a) => getAnnouncement(a, fx.a1), () => ({ type: "announcement", id: fx.a1 }), "mayReadAnnouncement"),
  notFound("getAnnouncement: Elif is not addressed by the workshop briefing", EMP, (a) => getAnnouncement(a, fx.a3), () => ({ type: "announcement", id: fx.a3 }), "mayReadAnnouncement"),
  notFound("getAnnouncement: Nora is not addressed by the workshop briefing", NORA, (a) => getAnnouncement(a, fx.a3), () => ({ type: "announcement", id: fx.a3 }), "mayReadAnnouncement"),
  notFound("getAnnouncement: the manager neither wrote nor receives HR's workshop briefing", MGR, (a) => getAnnouncement(a, fx.a3), () => ({ type: "announcement", id: fx.a3 }), "mayReadAnnouncement"),
  ...forbidden("getAnnouncement", [STRANGER], (a) => getAnnouncement(a, fx.a1), "announcements.read"),
  { name: "positive: Elif reads an announcement addressed to her", as: EMP, call: (a) => getAnnouncement(a, fx.a1), expect: (r: { canTrack: boolean; myAckId: number | null }) => expect(r).toMatchObject({ canTrack: false, myAckId: expect.any(Number) }) },
  { name: "positive: the supervisor reads the workshop briefing", as: SUP, call: (a) => getAnnouncement(a, fx.a3), expect: (r: { canTrack: boolean }) => expect(r.canTrack).toBe(false) },
  { name: "positive: the author reads and tracks his announcement", as: MGR, call: (a) => getAnnouncement(a, fx.a1), expect: (r: { canTrack: boolean; myAckId: number | null }) => expect(r).toMatchObject({ canTrack: true, myAckId: null }) },
  { name: "positive: HR reads and tracks any announcement", as: HR, call: (a) => getAnnouncement(a, fx.a1), expect: (r: { canTrack: boolean }) => expect(r.canTrack).toBe(true) },

  // 4. listAudit: HR only.
  ...forbidden("listAudit", [MGR, SUP, EMP, NORA], (a) => listAudit(a, {}), "audit.read", () => ({ type: "audit_log" })),
  { name: "positive: HR browses the audit log", as: HR, call: (a) => listAudit(a, {}), expect: (r: { total: number }) => expect(r.total).toBeGreaterThan(0) },

  // 5. removePlanItem (and addPlanItem): whoever may manage the plan.
  notFound("removePlanItem: Elif (buddy) may not remove an item from Nora's plan", EMP, (a) => removePlanItem(a, itemsOf(fx.plan1, "hire")[0]), () => ({ type: "onboarding", id: fx.plan1 }), "mayManagePlan"),
  notFound("removePlanItem: Nora may not remove an item from her own plan", NORA, (a) => removePlanItem(a, itemsOf(fx.plan1, "hire")[0]), () => ({ type: "onboarding", id: fx.plan1 }), "mayManagePlan"),
  notFound("removePlanItem: the supervisor may not remove an item from Mark's plan", SUP, (a) => removePlanItem(a, itemsOf(fx.planMark)[0]), () => ({ type: "onboarding", id: fx.planMark }), "mayViewPlan"),
  notFound("removePlanItem: Elif may not remove an item from a plan she cannot see", EMP, (a) => removePlanItem(a, itemsOf(fx.plan2)[0]), () => ({ type: "onboarding", id: fx.plan2 }), "mayViewPlan"),
  notFound("removePlanItem: a manager may not remove an item from his own onboarding plan", MGR, (a) => removePlanItem(a, itemsOf(fx.planMarco)[0]), () => ({ type: "onboarding", id: fx.planMarco }), "mayManagePlan"),
  ...forbidden("removePlanItem", [STRANGER], (a) => removePlanItem(a, itemsOf(fx.plan1)[0]), "onboarding.participate", () => ({ type: "onboarding_item", id: itemsOf(fx.plan1)[0] })),
  notFound("addPlanItem: the supervisor may not add an item to Mark's plan", SUP, (a) => addPlanItem(a, fx.planMark, item), () => ({ type: "onboarding", id: fx.planMark }), "mayViewPlan"),
  {
    name: "positive: the supervisor, named manager of Nora's plan, adds an item to it and removes it again",
    as: SUP,
    call: (a) => {
      const before = itemsOf(fx.plan1);
      addPlanItem(a, fx.plan1, item);
      const added = itemsOf(fx.plan1).filter((id) => !before.includes(id));
      removePlanItem(a, added[0]);
      return { added, after: itemsOf(fx.plan1), before };
    },
    expect: (r: { added: number[]; after: number[]; before: number[] }) => {
      expect(r.added).toHaveLength(1);
      expect(r.after).toEqual(r.before);
    },
    changes: ["sqlite_sequence"],
  },

  // 6. onboardingOverview: the plans of the people in scope, and those naming the actor manager.
  {
    name: "onboardingOverview: the manager sees his people's plans and the one naming him, not Daan's",
    as: MGR,
    call: () => overviewIds(MGR),
    expect: (ids: number[]) => expect(ids).toEqual([fx.plan1, fx.plan2, fx.planLotte, fx.planMark, fx.planDaan, fx.planOutsider, fx.planMarco].filter((id) => id !== fx.planDaan).sort((a, b) => a - b)),
  },
  { name: "positive: HR sees every plan in the overview", as: HR, call: () => overviewIds(HR), expect: (ids: number[]) => expect(ids).toEqual([fx.plan1, fx.plan2, fx.planLotte, fx.planMark, fx.planDaan, fx.planOutsider, fx.planMarco].sort((a, b) => a - b)) },
  ...forbidden("onboardingOverview", [SUP, EMP, NORA], (a) => onboardingOverview(a), "onboarding.manage", () => ({ type: "onboarding" })),

  // 7. setPosting: HR only.
  ...forbidden("setPosting", [MGR, SUP, EMP, NORA], (a) => setPosting(a, "service-advisor", { published: false, location: "" }), "postings.manage", () => ({ type: "job_posting", id: "service-advisor" })),

  // Allowed writes last: they must not change what an earlier case expects.
  {
    name: "positive: markRead with Elif's own id and Nora's marks only Elif's",
    as: EMP,
    call: (a) => ({ n: markRead(a, [notificationsOf(EMP)[0], notificationsOf(NORA)[0]]), noraRead: isRead(notificationsOf(NORA)[0]), elifRead: isRead(notificationsOf(EMP)[0]) }),
    expect: (r: { n: number; noraRead: boolean; elifRead: boolean }) => expect(r).toEqual({ n: 1, noraRead: false, elifRead: true }),
    changes: ["notifications"],
  },
  {
    name: "positive: markRead with no ids marks all of the supervisor's and nobody else's",
    as: SUP,
    call: (a) => {
      const others = unreadOfOthers(SUP);
      const mine = notificationsOf(SUP, true).length;
      return { n: markRead(a), mine, othersBefore: others, othersAfter: unreadOfOthers(SUP), left: notificationsOf(SUP, true) };
    },
    expect: (r: { n: number; mine: number; othersBefore: unknown[]; othersAfter: unknown[]; left: number[] }) => {
      expect(r.mine).toBeGreaterThan(0);
      expect(r.n).toBe(r.mine);
      expect(r.left).toEqual([]);
      expect(r.othersAfter).toEqual(r.othersBefore);
    },
    changes: ["notifications"],
  },
  { name: "positive: Elif (buddy) writes a check-in on Nora's plan", as: EMP, call: (a) => saveCheckin(a, fx.plan1, "week1", "Going well"), expect: () => {}, changes: ["onboarding_checkins", "sqlite_sequence"] },
  { name: "positive: the supervisor (named manager) writes a check-in on Nora's plan", as: SUP, call: (a) => saveCheckin(a, fx.plan1, "week1", "Agreed"), expect: () => {}, changes: ["onboarding_checkins", "sqlite_sequence"] },
];

describe("refusals", () => {
  refusals(cases);
});

describe("the policy", () => {
  const T = { type: "person", id: 7 };
  it("records at most one access.denied row per person, record and hour", () => {
    clearDenied();
    const emp = actorOf(EMP);
    const sup = actorOf(SUP);
    recordDenied(emp, T, { rule: "a" });
    recordDenied(emp, T, { rule: "b" });
    expect(deniedRows()).toHaveLength(1);
    recordDenied(sup, T, { rule: "a" }); // another person
    recordDenied(emp, { type: "person", id: 8 }, { rule: "a" }); // another record
    recordDenied(emp, { type: "onboarding", id: 7 }, { rule: "a" }); // another type, same id
    expect(deniedRows().map((r) => [r.actorId, r.entityType, r.entityId])).toEqual([
      [emp.id, "person", "7"],
      [sup.id, "person", "7"],
      [emp.id, "person", "8"],
      [emp.id, "onboarding", "7"],
    ]);
    recordDenied(emp, T, { rule: "a" }, new Date(Date.now() + 3_600_000)); // the next hour
    expect(deniedRows()).toHaveLength(5);
  });

  it("keeps records without an id apart from records with one, and counts only access.denied rows", () => {
    clearDenied();
    const emp = actorOf(EMP);
    recordDenied(emp, { type: "person" }, { permission: "people.read" });
    recordDenied(emp, { type: "person" }, { permission: "people.read" });
    recordDenied(emp, { type: "person", id: 9 }, { permission: "people.read" });
    expect(deniedRows().map((r) => r.entityId)).toEqual([null, "9"]);
    audit({ actorId: emp.id, action: "onboarding.checkin", entityType: "onboarding", entityId: 99 });
    recordDenied(emp, { type: "onboarding", id: 99 }, { rule: "mayCheckin" });
    expect(deniedRows().map((r) => r.entityId)).toEqual([null, "9", "99"]);
  });

  it("a person whose app role the table does not know may do nothing", () => {
    const stranger = actorOf(STRANGER);
    expect(PERMISSIONS.filter((p) => can(stranger, p))).toEqual([]);
  });

  it("changing an app role needs its own permission; keeping it does not", () => {
    clearDenied();
    const mgr = actorOf(MGR);
    const nora = idOf(NORA);
    expect(() => authorizeAppRoleChange(mgr, "employee", "employee", nora)).not.toThrow();
    expect(deniedRows()).toEqual([]);
    expect(() => authorizeAppRoleChange(mgr, "employee", "manager", nora)).toThrow(ForbiddenError);
    expect(deniedRows()).toEqual([{ actorId: mgr.id, entityType: "person", entityId: String(nora), detail: { permission: "people.assignAppRole" } }]);
    expect(() => authorizeAppRoleChange(actorOf(HR), "employee", "manager", nora)).not.toThrow();
  });

  it("a role's owner may track it; others need the right to edit it", () => {
    const sup = actorOf(SUP);
    const foreman = roleIdOf("workshop-foreman");
    expect(mayTrackVersion(sup, { id: foreman, ownerId: sup.id })).toBe(true);
    expect(mayTrackVersion(sup, { id: foreman, ownerId: idOf(MGR) })).toBe(false);
    expect(mayTrackVersion(actorOf(MGR), { id: roleIdOf("hr-partner"), ownerId: idOf(HR) })).toBe(false);
    expect(mayTrackVersion(actorOf(HR), { id: foreman, ownerId: idOf(MGR) })).toBe(true);
  });

  it("an item's owner may answer it, and so may the owner's manager, an editor of its role, and HR; nobody answers their own", () => {
    const db = getDb();
    const versionOf = (slug: string) =>
      db.select({ id: roleVersions.id }).from(roleVersions).where(eq(roleVersions.jobRoleId, roleIdOf(slug))).orderBy(desc(roleVersions.number)).get()!.id;
    const item = (holder: string, owner: string, slug: string | null) =>
      db
        .insert(acknowledgements)
        .values({ personId: idOf(holder), ownerId: idOf(owner), roleVersionId: slug ? versionOf(slug) : null, state: "clarification", createdAt: new Date().toISOString() })
        .returning({ id: acknowledgements.id })
        .get();
    const sup = actorOf(SUP);
    const mgr = actorOf(MGR);
    const hr = actorOf(HR);
    const supOwns = item(NORA, SUP, null);
    const mgrOwnsSa = item(HR, MGR, "service-advisor");
    const hrOwnsSa = item(SUP, HR, "service-advisor");
    const hrOwnsHrPartner = item(EMP, HR, "hr-partner");
    const hrOwns = item(NORA, HR, null);
    const mgrOwns = item(NORA, MGR, null);
    const hrOwnsOwn = item(HR, HR, null);
    try {
      expect(mayReplyToAck(sup, supOwns)).toBe(true); // owner
      expect(mayReplyToAck(mgr, supOwns)).toBe(true); // the owner's manager (the supervisor reports to the manager)
      expect(mayReplyToAck(actorOf(EMP), supOwns)).toBe(false);
      expect(mayReplyToAck(sup, mgrOwnsSa)).toBe(false);
      expect(mayReplyToAck(mgr, hrOwnsSa)).toBe(true); // an editor of the role who does not own it
      expect(mayReplyToAck(mgr, hrOwnsHrPartner)).toBe(false);
      expect(mayReplyToAck(mgr, hrOwns)).toBe(false);
      expect(mayReplyToAck(mgr, mgrOwns)).toBe(true);
      expect(mayReplyToAck(hr, mgrOwns)).toBe(true); // HR oversees every item
      expect(mayReplyToAck(hr, hrOwnsOwn)).toBe(false); // never one's own item
      expect(mayReplyToAck(hr, mgrOwnsSa)).toBe(false);
      // the inbox lists exactly what the rule allows
      const inbox = (who: string) => new Set(listQuestionsToAnswer(actorOf(who)).rows.map((r) => r.id));
      expect([...inbox(SUP)]).toEqual([supOwns.id]);
      expect(inbox(EMP).size).toBe(0);
      expect(inbox(MGR).has(hrOwns.id)).toBe(false);
      expect(inbox(MGR).has(supOwns.id)).toBe(true);
    } finally {
      db.delete(acknowledgements)
        .where(inArray(acknowledgements.id, [supOwns, mgrOwnsSa, hrOwnsSa, hrOwnsHrPartner, hrOwns, mgrOwns, hrOwnsOwn].map((a) => a.id)))
        .run();
    }
  });
});
