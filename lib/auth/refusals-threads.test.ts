import { eq } from "drizzle-orm";
import { beforeAll, describe, expect } from "vitest";
import { getDb } from "@/db/client";
import { jobRoles, responsibilities, taskThreads, tasks } from "@/db/schema";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { EMP, forbidden, HR, idOf, MGR, NORA, notFound, refusals, roleIdOf, SEED_TIMEOUT, STRANGER, SUP, type RefusalCase } from "@/lib/test/refusals";
import { markProposalHandled, markSolution, postReply, proposeToOwner, roleSuggestions, startOptions, startThread } from "@/lib/threads/threads";
import { getThread, listThreads, threadCountsForRole, threadRoles, threadTasks } from "@/lib/threads/read";

/** Refusals in task threads: starting, replying, the solution, proposing, the editor's suggestions (harness: lib/test/refusals.ts). */

const MEHMET = "sanne.mulder@example.com"; // a customer care agent: neither holds Service Advisor nor manages its holders, and her role has no thread
const SA = "service-advisor";
const taskOf = (slug: string) =>
  getDb()
    .select({ key: tasks.key })
    .from(tasks)
    .innerJoin(responsibilities, eq(responsibilities.id, tasks.responsibilityId))
    .where(eq(responsibilities.jobRoleId, roleIdOf(slug)))
    .get()!.key;
const rev = (id: number) => getDb().select({ r: taskThreads.revision }).from(taskThreads).where(eq(taskThreads.id, id)).get()!.r;

const MARK = "mark.dawson@example.com"; // the parts clerk
const fx = { open: 0, openPost: 0, solved: 0, proposed: 0, otherPost: 0, partsThread: 0, hrProposed: 0 };
beforeAll(async () => {
  await useSeededTestDb();
  const emp = actorFor(EMP);
  const start = (title: string) => startThread(emp, { jobRoleId: roleIdOf(SA), taskKey: taskOf(SA), title, body: "How do we handle it?" }).id;
  fx.open = start("Open thread");
  fx.openPost = postReply(actorFor(NORA), fx.open, { body: "Like this" }).id;
  fx.solved = start("Solved thread");
  markSolution(emp, fx.solved, postReply(actorFor(NORA), fx.solved, { body: "Answer" }).id, 1);
  fx.proposed = start("Proposed thread");
  markSolution(emp, fx.proposed, postReply(actorFor(SUP), fx.proposed, { body: "Answer" }).id, 1);
  proposeToOwner(emp, fx.proposed, 2);
  fx.otherPost = fx.openPost;
  // Elif owns the Parts Clerk role here without managing its holder: she reads its threads but may not reply.
  getDb().update(jobRoles).set({ ownerId: idOf(EMP) }).where(eq(jobRoles.id, roleIdOf("parts-clerk"))).run();
  fx.partsThread = startThread(actorFor(MARK), { jobRoleId: roleIdOf("parts-clerk"), taskKey: taskOf("parts-clerk"), title: "Parts", body: "Question" }).id;
  // HR's own role: a proposed solution the manager may not handle (he may not edit that role).
  const hr = actorFor(HR);
  fx.hrProposed = startThread(hr, { jobRoleId: roleIdOf("hr-partner"), taskKey: taskOf("hr-partner"), title: "HR", body: "Question" }).id;
  markSolution(hr, fx.hrProposed, postReply(hr, fx.hrProposed, { body: "Answer" }).id, 1);
  proposeToOwner(hr, fx.hrProposed, 2);
}, SEED_TIMEOUT);

const thread = (id: () => number) => () => ({ type: "task_thread", id: id() });
const input = (over: Record<string, unknown> = {}) => ({ jobRoleId: roleIdOf(SA), taskKey: taskOf(SA), title: "Refused", body: "Body", ...over });

const cases: RefusalCase[] = [
  // ---------- starting ----------
  ...forbidden("startThread", [STRANGER], (a) => startThread(a, input()), "threads.participate", () => ({ type: "task_thread" })),
  { name: "startThread: a customer care agent on a Service Advisor task (a role he does not hold)", as: MEHMET, call: (a) => startThread(a, input()), expect: "field", fieldErrors: { taskKey: "threads.notYourRole" } },
  { name: "startThread: the supervisor manages holders but does not hold the role", as: SUP, call: (a) => startThread(a, input()), expect: "field", fieldErrors: { taskKey: "threads.notYourRole" } },
  { name: "startThread: HR neither", as: HR, call: (a) => startThread(a, input()), expect: "field", fieldErrors: { taskKey: "threads.notYourRole" } },
  { name: "startThread: a task of another role", as: EMP, call: (a) => startThread(a, input({ taskKey: taskOf("technician") })), expect: "field", fieldErrors: { taskKey: "threads.unknownTask" } },
  { name: "startThread: empty title and body", as: EMP, call: (a) => startThread(a, input({ title: "", body: "   " })), expect: "field", fieldErrors: { title: "required", body: "required" } },
  { name: "startThread: a body over 20,000 characters", as: EMP, call: (a) => startThread(a, input({ body: "x".repeat(20_001) })), expect: "field", fieldErrors: { body: "tooLong" } },

  ...forbidden("startOptions", [STRANGER], (a) => startOptions(a), "threads.participate", () => ({ type: "task_thread" })),

  // ---------- reading ----------
  ...forbidden("threadRoles", [STRANGER], (a) => threadRoles(a), "threads.participate", () => ({ type: "task_thread" })),
  ...forbidden("threadTasks", [STRANGER], (a) => threadTasks(a, roleIdOf(SA)), "threads.participate", () => ({ type: "task_thread" })),
  { name: "threadTasks: a customer care agent gets no Service Advisor tasks", as: MEHMET, call: (a) => threadTasks(a, roleIdOf(SA)), expect: (r: unknown[]) => expect(r).toEqual([]) },
  ...forbidden("listThreads", [STRANGER], (a) => listThreads(a), "threads.participate", () => ({ type: "task_thread" })),
  ...forbidden("getThread", [STRANGER], (a) => getThread(a, fx.open), "threads.participate", thread(() => fx.open)),
  notFound("getThread: a customer care agent does not see Service Advisor threads", MEHMET, (a) => getThread(a, fx.open), thread(() => fx.open), "threadsCondition"),
  notFound("getThread: an id that does not exist", HR, (a) => getThread(a, 999_999), null),
  { name: "listThreads: someone outside the role sees none of them", as: MEHMET, call: (a) => listThreads(a).total, expect: (n: number) => expect(n).toBe(0) },
  {
    name: "threadCountsForRole: no counts (and no links) for someone who may not see the role's threads",
    as: MEHMET,
    call: (a) => threadCountsForRole(a, roleIdOf(SA)),
    expect: (r: unknown) => expect(r).toEqual({ visible: false, mayStart: false, byTask: {} }),
  },

  // ---------- replying ----------
  ...forbidden("postReply", [STRANGER], (a) => postReply(a, fx.open, { body: "Hi" }), "threads.participate", thread(() => fx.open)),
  notFound("postReply: a customer care agent may not reply", MEHMET, (a) => postReply(a, fx.open, { body: "Hi" }), thread(() => fx.open), "threadsCondition"),
  notFound("postReply: the role's owner who manages none of its holders reads but may not reply", EMP, (a) => postReply(a, fx.partsThread, { body: "Hi" }), thread(() => fx.partsThread), "threadAccess.mayPost"),
  { name: "postReply: an empty reply", as: NORA, call: (a) => postReply(a, fx.open, { body: "" }), expect: "field", fieldErrors: { body: "required" } },

  // ---------- the solution ----------
  notFound("markSolution: another holder (not the starter) may not mark it", NORA, (a) => markSolution(a, fx.open, fx.openPost, rev(fx.open)), thread(() => fx.open), "threadAccess.mayMarkSolution"),
  notFound("markSolution: a customer care agent may not", MEHMET, (a) => markSolution(a, fx.open, fx.openPost, rev(fx.open)), thread(() => fx.open), "threadsCondition"),
  {
    name: "markSolution: a post of another thread",
    as: EMP,
    call: (a) => markSolution(a, fx.solved, fx.otherPost, rev(fx.solved)),
    expect: "field",
    fieldErrors: { _form: "threads.notInThread" },
  },

  // ---------- proposing ----------
  { name: "proposeToOwner: not before it is solved", as: EMP, call: (a) => proposeToOwner(a, fx.open, rev(fx.open)), expect: "field", fieldErrors: { _form: "threads.notSolved" } },
  { name: "proposeToOwner: only once", as: SUP, call: (a) => proposeToOwner(a, fx.proposed, rev(fx.proposed)), expect: "field", fieldErrors: { _form: "threads.alreadyProposed" } },
  notFound("proposeToOwner: another holder may not propose", NORA, (a) => proposeToOwner(a, fx.solved, rev(fx.solved)), thread(() => fx.solved), "threadAccess.mayPropose"),

  // ---------- the editor's suggestions ----------
  ...forbidden("roleSuggestions", [EMP, NORA], (a) => roleSuggestions(a, roleIdOf(SA)), "roles.edit", () => ({ type: "job_role", id: roleIdOf(SA) })),
  ...forbidden("markProposalHandled", [EMP], (a) => markProposalHandled(a, fx.proposed, rev(fx.proposed)), "roles.edit", thread(() => fx.proposed)),
  notFound("markProposalHandled: the manager may not handle a proposal on HR's own role", MGR, (a) => markProposalHandled(a, fx.hrProposed, rev(fx.hrProposed)), thread(() => fx.hrProposed), "mayEditRole"),
  notFound("roleSuggestions: the manager may not edit HR's own role", MGR, (a) => roleSuggestions(a, roleIdOf("hr-partner")), () => ({ type: "job_role", id: roleIdOf("hr-partner") }), "mayEditRole"),

  {
    name: "positive: HR (oversees communication) reads any thread and may reply, but does not steer it as starter",
    as: HR,
    call: (a) => getThread(a, fx.open).access,
    expect: (r: { mayPost: boolean; isStarter: boolean; managesHolders: boolean }) => expect([r.mayPost, r.isStarter, r.managesHolders]).toEqual([true, false, true]),
  },
  { name: "positive: HR's role filter lists every role", as: HR, call: (a) => threadRoles(a).map((r) => r.id), expect: (r: number[]) => expect(r).toContain(roleIdOf(SA)) },
  {
    name: "positive: the role's owner who manages none of its holders sees its threads, without reply or solution controls",
    as: EMP,
    call: (a) => getThread(a, fx.partsThread).access,
    expect: (r: { mayPost: boolean; mayMarkSolution: boolean }) => expect([r.mayPost, r.mayMarkSolution]).toEqual([false, false]),
  },

  // Allowed writes last.
  {
    name: "positive: the supervisor (manages holders) replies",
    as: SUP,
    call: (a) => postReply(a, fx.open, { body: "Agreed" }),
    expect: (r: { id: number }) => expect(r.id).toBeGreaterThan(0),
    changes: ["notification_deliveries", "notifications", "sqlite_sequence", "task_thread_posts", "task_threads"],
  },
];

describe("refusals: task threads", () => {
  refusals(cases);
});
