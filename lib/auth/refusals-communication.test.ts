import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect } from "vitest";
import { getDb } from "@/db/client";
import { acknowledgements, people } from "@/db/schema";
import { resolveAudience, type Audience } from "@/lib/communication/audience";
import { announcementFormOptions, announcementRoleTasks, createAnnouncement, listFeed, searchAnnouncementPeople, searchAnnouncementTeams, type AnnouncementInput } from "@/lib/communication/announcements";
import { answerAck, getAck, listMyItems, openItemCount, replyToAck, type AckDetail } from "@/lib/communication/answers";
import { announcementTracking, sendReminders, versionTracking, type Tracking } from "@/lib/communication/tracking";
import { OPEN_ACK_STATES } from "@/lib/communication/ack-state";
import { todayIso } from "@/lib/core/dates";
import { listNotifications, openNotification, unreadCount } from "@/lib/notifications/notifications";
import { listQuestionsToAnswer, questionsToAnswerCount } from "@/lib/communication/questions";
import { useSeededTestDb } from "@/lib/test/db";
import {
  buildFixtures,
  EMP,
  forbidden,
  HR,
  idOf,
  MGR,
  NORA,
  notFound,
  notificationsOf,
  refusals,
  roleIdOf,
  STRANGER,
  SUP,
  type Fixtures,
  type RefusalCase,
  SEED_TIMEOUT,
} from "@/lib/test/refusals";

/** Refusals in announcements, answers, tracking and notifications (harness: lib/test/refusals.ts). */

let fx: Fixtures;
beforeAll(async () => {
  await useSeededTestDb();
  fx = await buildFixtures();
}, SEED_TIMEOUT);

const SA = "service-advisor";
const audience = (a: Partial<Audience>): Audience => ({ everyone: false, roleIds: [], teamIds: [], personIds: [], ...a });
const announcement = (a: Partial<AnnouncementInput> = {}): AnnouncementInput => ({
  title: "Refused announcement",
  body: "Body",
  effectiveDate: todayIso(),
  audience: audience({ personIds: [idOf(EMP)] }),
  transfers: [],
  ...a,
});
const emailsOf = (ids: number[]) => getDb().select({ email: people.email }).from(people).where(inArray(people.id, ids)).all().map((p) => p.email);
const outsideManager = [HR, "daan.visser@example.com", "aylin.celik@example.com", "xander.outside@example.com"];
const acksOf = (email: string, open = false) =>
  getDb()
    .select({ id: acknowledgements.id })
    .from(acknowledgements)
    .where(and(eq(acknowledgements.personId, idOf(email)), open ? inArray(acknowledgements.state, OPEN_ACK_STATES) : undefined))
    .all()
    .map((a) => a.id);
const ack = (key: keyof Fixtures["acks"]) => () => ({ type: "acknowledgement", id: fx.acks[key] });
const version = (id: () => number) => () => ({ type: "role_version", id: id() });
const ann = (id: () => number) => () => ({ type: "announcement", id: id() });
const tracked = (t: Tracking) => t.understood.length + t.asked.length + t.waiting.length;

const cases: RefusalCase[] = [
  // ---------- announcements ----------
  ...forbidden("createAnnouncement", [SUP, EMP, NORA], (a) => createAnnouncement(a, announcement()), "announcements.create", () => ({ type: "announcement" })),
  ...forbidden("createAnnouncement to everyone", [MGR], (a) => createAnnouncement(a, announcement({ audience: audience({ everyone: true }) })), "announcements.createForAll", () => ({ type: "announcement" })),
  {
    name: "createAnnouncement: the manager may not move a task between HR's people",
    as: MGR,
    call: (a) => createAnnouncement(a, announcement({ transfers: [{ type: "person", taskKey: "any", fromPersonId: idOf("daan.visser@example.com"), toPersonId: idOf("aylin.celik@example.com") }] })),
    expect: "field",
    fieldErrors: { "transfers.0": "personOutOfScope" },
  },
  {
    name: "createAnnouncement: the manager may not move a task out of HR's role",
    as: MGR,
    call: (a) => createAnnouncement(a, announcement({ transfers: [{ type: "role", taskKey: "any", fromRoleId: roleIdOf("hr-partner"), toRoleId: roleIdOf(SA), toResponsibilityKey: null }] })),
    expect: "field",
    fieldErrors: { "transfers.0": "roleOutOfScope" },
  },
  ...forbidden("listFeed", [STRANGER], (a) => listFeed(a), "announcements.read"),
  { name: "listFeed: the supervisor's feed holds only what is addressed to him", as: SUP, call: (a) => listFeed(a).rows.map((r) => r.id), expect: (ids: number[]) => expect(ids).toEqual([fx.a3]) },
  { name: "listFeed: Elif's feed lacks the workshop briefing", as: EMP, call: (a) => listFeed(a).rows.map((r) => r.id).sort(), expect: (ids: number[]) => expect(ids).toEqual([fx.a1, fx.a2].sort()) },
  ...forbidden("announcementFormOptions", [SUP, EMP, NORA], (a) => announcementFormOptions(a), "announcements.create", () => ({ type: "announcement" })),
  ...forbidden("searchAnnouncementPeople", [SUP, EMP, NORA], (a) => searchAnnouncementPeople(a, "example"), "announcements.create", () => ({ type: "announcement" })),
  ...forbidden("searchAnnouncementTeams", [SUP, EMP, NORA], (a) => searchAnnouncementTeams(a, "e"), "announcements.create", () => ({ type: "announcement" })),
  ...forbidden("announcementRoleTasks", [SUP, EMP, NORA], (a) => announcementRoleTasks(a, roleIdOf(SA)), "announcements.create", () => ({ type: "announcement" })),
  {
    name: "searchAnnouncementTeams: the manager finds his teams, never HR's people office",
    as: MGR,
    call: (a) => ["r", "e"].map((q) => searchAnnouncementTeams(a, q).map((t) => t.id)),
    expect: ([r, e]: number[][]) => {
      expect(r).toHaveLength(3);
      expect(e.length).toBeGreaterThan(0);
      expect(e).not.toContain(fx.peopleOffice);
    },
  },
  { name: "positive: HR finds the people office", as: HR, call: (a) => searchAnnouncementTeams(a, "e").map((t) => t.id), expect: (ids: number[]) => expect(ids).toContain(fx.peopleOffice) },
  notFound("announcementRoleTasks: the manager may not move tasks of HR's role", MGR, (a) => announcementRoleTasks(a, roleIdOf("hr-partner")), () => ({ type: "role", id: roleIdOf("hr-partner") }), "editableRolesScope"),
  {
    name: "positive: the manager loads the tasks of a role he may edit",
    as: MGR,
    call: (a) => announcementRoleTasks(a, roleIdOf(SA)),
    expect: (r: ReturnType<typeof announcementRoleTasks>) => {
      expect(r.id).toBe(roleIdOf(SA));
      expect(r.tasks.length).toBeGreaterThan(0);
      expect(r.responsibilities.length).toBeGreaterThan(0);
    },
  },
  {
    name: "searchAnnouncementPeople: the manager finds his people, never anyone outside his scope",
    as: MGR,
    call: (a) => [EMP, ...outsideManager].map((email) => searchAnnouncementPeople(a, email).map((p) => p.email)),
    expect: ([mine, ...outside]: string[][]) => {
      expect(mine).toEqual([EMP]);
      for (const found of outside) expect(found).toEqual([]);
    },
  },
  {
    name: "announcementFormOptions: the manager may address only his people and teams, and move tasks of his roles",
    as: MGR,
    call: (a) => announcementFormOptions(a),
    expect: (o: ReturnType<typeof announcementFormOptions>) => {
      expect(o.everyoneAllowed).toBe(false);
      // People are searched (searchAnnouncementPeople), never listed with the form.
      expect(o).not.toHaveProperty("people");
      expect(o.teams.map((t) => t.id)).not.toContain(fx.peopleOffice);
      expect(o.teams).toHaveLength(3);
      expect(o.roles.map((r) => r.id)).not.toContain(roleIdOf("hr-partner"));
    },
  },
  { name: "positive: HR may address everyone and every team", as: HR, call: (a) => announcementFormOptions(a), expect: (o: ReturnType<typeof announcementFormOptions>) => expect([o.everyoneAllowed, o.teams.some((t) => t.id === fx.peopleOffice)]).toEqual([true, true]) },
  {
    name: "resolveAudience: 'everyone' from the manager reaches only his people",
    as: MGR,
    call: (a) => emailsOf(resolveAudience(getDb(), a, audience({ everyone: true }))),
    expect: (e: string[]) => {
      expect(e).toContain(EMP);
      for (const out of outsideManager) expect(e).not.toContain(out);
    },
  },

  // ---------- answers ----------
  ...forbidden("listMyItems", [STRANGER], (a) => listMyItems(a), "acks.answer"),
  { name: "listMyItems: Elif lists only her own items", as: EMP, call: (a) => listMyItems(a).rows.map((r) => r.id).sort(), expect: (ids: number[]) => expect(ids).toEqual(acksOf(EMP).sort()) },
  ...forbidden("openItemCount", [STRANGER], (a) => openItemCount(a), "acks.answer"),
  { name: "openItemCount: Elif counts only her own open items", as: EMP, call: (a) => openItemCount(a), expect: (n: number) => expect(n).toBe(acksOf(EMP, true).length) },
  ...forbidden("getAck", [STRANGER], (a) => getAck(a, fx.acks.elifRole), "acks.answer"),
  notFound("getAck: the supervisor may not read Elif's item", SUP, (a) => getAck(a, fx.acks.elifRole), ack("elifRole"), "mayReadAck"),
  notFound("getAck: Elif may not read Nora's item", EMP, (a) => getAck(a, fx.acks.noraRole), ack("noraRole"), "mayReadAck"),
  notFound("getAck: Nora may not read Elif's announcement item", NORA, (a) => getAck(a, fx.acks.elifA2), ack("elifA2"), "mayReadAck"),
  notFound("getAck: the manager may not read an item of HR's announcement", MGR, (a) => getAck(a, fx.acks.supA3), ack("supA3"), "mayReadAck"),
  { name: "positive: the announcement's author reads Elif's item and may answer it", as: MGR, call: (a) => getAck(a, fx.acks.elifA2), expect: (r: AckDetail) => expect([r.isMine, r.canReply]).toEqual([false, true]) },
  { name: "positive: HR reads Elif's item and may answer it", as: HR, call: (a) => getAck(a, fx.acks.elifA2), expect: (r: AckDetail) => expect([r.isMine, r.canReply]).toEqual([false, true]) },
  { name: "positive: Elif reads her own item", as: EMP, call: (a) => getAck(a, fx.acks.elifA2), expect: (r: AckDetail) => expect([r.isMine, r.canReply]).toEqual([true, false]) },
  ...forbidden("answerAck", [STRANGER], (a) => answerAck(a, fx.acks.elifA2, 0, "understood"), "acks.answer", ack("elifA2")),
  notFound("answerAck: HR may not answer Elif's item for her", HR, (a) => answerAck(a, fx.acks.elifA2, 0, "understood"), ack("elifA2"), "ownAck"),
  notFound("answerAck: the author may not answer Elif's item for her", MGR, (a) => answerAck(a, fx.acks.elifA2, 0, "understood"), ack("elifA2"), "ownAck"),
  notFound("answerAck: Nora may not answer Elif's item", NORA, (a) => answerAck(a, fx.acks.elifA2, 0, "ask", "Why?"), ack("elifA2"), "ownAck"),
  ...forbidden("replyToAck", [STRANGER], (a) => replyToAck(a, fx.acks.jamesRole, 3, "Answer"), "acks.answer", ack("jamesRole")),
  notFound("replyToAck: Elif may not answer James's question", EMP, (a) => replyToAck(a, fx.acks.jamesRole, 3, "Answer"), ack("jamesRole"), "mayReplyToAck"),
  notFound("replyToAck: the supervisor may not answer James's question", SUP, (a) => replyToAck(a, fx.acks.jamesRole, 3, "Answer"), ack("jamesRole"), "mayReplyToAck"),
  notFound("replyToAck: the manager may not answer on HR's announcement", MGR, (a) => replyToAck(a, fx.acks.supA3, 0, "Answer"), ack("supA3"), "mayReplyToAck"),

  // ---------- the answerer's inbox ----------
  ...forbidden("listQuestionsToAnswer", [STRANGER], (a) => listQuestionsToAnswer(a), "acks.answer"),
  ...forbidden("questionsToAnswerCount", [STRANGER], (a) => questionsToAnswerCount(a), "acks.answer"),
  { name: "listQuestionsToAnswer: Elif, who answers nobody, lists nothing", as: EMP, call: (a) => [listQuestionsToAnswer(a).total, questionsToAnswerCount(a)], expect: (n: number[]) => expect(n).toEqual([0, 0]) },
  { name: "listQuestionsToAnswer: the supervisor lists nothing of the manager's", as: SUP, call: (a) => [listQuestionsToAnswer(a).total, questionsToAnswerCount(a)], expect: (n: number[]) => expect(n).toEqual([0, 0]) },

  // ---------- tracking ----------
  notFound("versionTracking: Elif may not track her role", EMP, (a) => versionTracking(a, SA, 2), version(() => fx.saV2), "mayTrackVersion"),
  notFound("versionTracking: the supervisor may not track the service advisor role", SUP, (a) => versionTracking(a, SA, 2), version(() => fx.saV2), "mayTrackVersion"),
  notFound("versionTracking: the manager may not track HR's role", MGR, (a) => versionTracking(a, "hr-partner", 1), version(() => fx.hrPartnerV1), "mayTrackVersion"),
  { name: "positive: the role's owner tracks it", as: MGR, call: (a) => tracked(versionTracking(a, SA, 2).tracking), expect: (n: number) => expect(n).toBeGreaterThan(0) },
  { name: "positive: HR tracks a role it does not own", as: HR, call: (a) => tracked(versionTracking(a, SA, 2).tracking), expect: (n: number) => expect(n).toBeGreaterThan(0) },
  notFound("announcementTracking: Elif may not track an announcement to her", EMP, (a) => announcementTracking(a, fx.a1), ann(() => fx.a1), "mayTrackAnnouncement"),
  notFound("announcementTracking: the supervisor may not track the workshop briefing", SUP, (a) => announcementTracking(a, fx.a3), ann(() => fx.a3), "mayTrackAnnouncement"),
  notFound("announcementTracking: the manager may not track HR's announcement", MGR, (a) => announcementTracking(a, fx.a3), ann(() => fx.a3), "mayTrackAnnouncement"),
  { name: "positive: the author tracks his announcement", as: MGR, call: (a) => tracked(announcementTracking(a, fx.a1)), expect: (n: number) => expect(n).toBeGreaterThan(0) },
  { name: "positive: HR tracks the manager's announcement", as: HR, call: (a) => tracked(announcementTracking(a, fx.a1)), expect: (n: number) => expect(n).toBeGreaterThan(0) },
  notFound("sendReminders: Elif may not remind the holders of her role", EMP, (a) => sendReminders(a, { roleSlug: SA, version: 2 }), version(() => fx.saV2), "mayTrackVersion"),
  notFound("sendReminders: the manager may not remind for HR's announcement", MGR, (a) => sendReminders(a, { announcementId: fx.a3 }), ann(() => fx.a3), "mayTrackAnnouncement"),
  notFound("sendReminders: the supervisor may not remind for the manager's announcement", SUP, (a) => sendReminders(a, { announcementId: fx.a2 }), ann(() => fx.a2), "mayTrackAnnouncement"),

  // ---------- notifications ----------
  ...forbidden("listNotifications", [STRANGER], (a) => listNotifications(a), "notifications.read"),
  { name: "listNotifications: Elif lists only her own", as: EMP, call: (a) => listNotifications(a).rows.map((n) => n.id).sort(), expect: (ids: number[]) => expect(ids).toEqual(notificationsOf(EMP).sort()) },
  ...forbidden("unreadCount", [STRANGER], (a) => unreadCount(a), "notifications.read"),
  { name: "unreadCount: Elif counts only her own", as: EMP, call: (a) => unreadCount(a), expect: (n: number) => expect(n).toBe(notificationsOf(EMP, true).length) },
  ...forbidden("openNotification", [STRANGER], (a) => openNotification(a, notificationsOf(NORA)[0]), "notifications.read"),
  notFound("openNotification: Elif may not open Nora's notification", EMP, (a) => openNotification(a, notificationsOf(NORA, true)[0]), () => ({ type: "notification", id: notificationsOf(NORA, true)[0] }), "ownRows"),

  // Allowed writes last.
  {
    name: "positive: the manager's announcement to Daan and Thomas reaches only Thomas",
    as: MGR,
    call: (a) => {
      const r = createAnnouncement(a, announcement({ audience: audience({ personIds: [idOf("daan.visser@example.com"), idOf("thomas.bakker@example.com")] }) }));
      const to = getDb().select({ personId: acknowledgements.personId }).from(acknowledgements).where(eq(acknowledgements.announcementId, r.id)).all();
      return emailsOf(to.map((t) => t.personId));
    },
    expect: (e: string[]) => expect(e).toEqual(["thomas.bakker@example.com"]),
    changes: ["acknowledgements", "announcements", "notification_deliveries", "notifications", "sqlite_sequence"],
  },
];

describe("refusals: announcements, answers, tracking, notifications", () => {
  refusals(cases);
});
