import { and, eq, gt } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, jobRoles, notifications, people, responsibilities, roleDrafts, taskThreads, tasks } from "@/db/schema";
import { ConflictError, FieldError, ForbiddenError, NotFoundError } from "@/lib/core/errors";
import { NAME_MAX, TEXT_MAX } from "@/lib/core/limits";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { markProposalHandled, markSolution, postReply, proposeToOwner, roleSuggestions, startOptions, startThread } from "@/lib/threads/threads";
import { getThread, listThreads, threadCountsForRole, threadRoles } from "@/lib/threads/read";

beforeAll(async () => {
  await useSeededTestDb();
}, 120_000);

const EMP = "employee@example.com"; // Elif, Service Advisor, reports to the supervisor
const NORA = "newhire@example.com"; // Service Advisor, reports to the supervisor
const SUP = "supervisor@example.com"; // Workshop Foreman, manages Elif and Nora
const MGR = "manager@example.com"; // owns the Service Advisor role
const HR = "hr@example.com";
const MEHMET = "mark.dawson@example.com"; // Parts Clerk: neither holder nor manager of Service Advisors, and no thread of his own role

const roleId = (slug: string) => getDb().select({ id: jobRoles.id }).from(jobRoles).where(eq(jobRoles.slug, slug)).get()!.id;
const personId = (email: string) => getDb().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
const taskKeys = (slug: string) =>
  getDb()
    .select({ key: tasks.key })
    .from(tasks)
    .innerJoin(responsibilities, eq(responsibilities.id, tasks.responsibilityId))
    .where(eq(responsibilities.jobRoleId, roleId(slug)))
    .all()
    .map((t) => t.key);
const lastNotificationId = () => Math.max(0, ...getDb().select({ id: notifications.id }).from(notifications).all().map((n) => n.id));
const notificationsSince = (id: number) => getDb().select().from(notifications).where(gt(notifications.id, id)).all();
const row = (id: number) => getDb().select().from(taskThreads).where(eq(taskThreads.id, id)).get()!;

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}

function fieldErrors(fn: () => unknown): Record<string, string> {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(FieldError);
  return (e as FieldError).fieldErrors;
}

const SA = "service-advisor";
const input = (over: Partial<{ jobRoleId: number; taskKey: string; title: string; body: string }> = {}) => ({
  jobRoleId: roleId(SA),
  taskKey: taskKeys(SA)[0],
  title: "A customer refuses the diagnosis fee",
  body: "How do we handle it?",
  ...over,
});

describe("starting a thread", () => {
  it("a holder of the role opens one on a task of its current version, audited", () => {
    const { id } = startThread(actorFor(EMP), input());
    const t = row(id);
    expect([t.status, t.authorId, t.jobRoleId, t.taskKey, t.revision]).toEqual(["open", personId(EMP), roleId(SA), taskKeys(SA)[0], 1]);
    const a = getDb().select().from(auditLog).where(and(eq(auditLog.action, "thread.started"), eq(auditLog.entityId, String(roleId(SA))))).all();
    expect(a.some((r) => JSON.parse(r.detail).thread === id)).toBe(true);
  });

  it("someone who does not hold the role is refused with a field error, even a manager of holders", () => {
    for (const who of [MEHMET, SUP, MGR, HR]) expect(fieldErrors(() => startThread(actorFor(who), input()))).toEqual({ taskKey: "threads.notYourRole" });
    expect(fieldErrors(() => startThread(actorFor(EMP), input({ jobRoleId: roleId("technician"), taskKey: taskKeys("technician")[0] })))).toEqual({
      taskKey: "threads.notYourRole",
    });
  });

  it("a task that is not in the role (another role's, or unknown) is refused", () => {
    expect(fieldErrors(() => startThread(actorFor(EMP), input({ taskKey: taskKeys("technician")[0] })))).toEqual({ taskKey: "threads.unknownTask" });
    expect(fieldErrors(() => startThread(actorFor(EMP), input({ taskKey: "no-such-task" })))).toEqual({ taskKey: "threads.unknownTask" });
  });

  it("empty or too long title and body are refused and nothing is written", () => {
    const before = getDb().select().from(taskThreads).all().length;
    expect(fieldErrors(() => startThread(actorFor(EMP), input({ title: "  ", body: "" })))).toEqual({ title: "required", body: "required" });
    const e = thrown(() => startThread(actorFor(EMP), input({ title: "x".repeat(NAME_MAX + 1), body: "y".repeat(TEXT_MAX + 1) }))) as FieldError;
    expect(e.fieldErrors).toEqual({ title: "tooLong", body: "tooLong" });
    expect(e.values).toEqual({ title: { max: NAME_MAX }, body: { max: TEXT_MAX } });
    expect(getDb().select().from(taskThreads).all().length).toBe(before);
  });

  it("the start form offers the person's own role and its tasks; nothing for someone without a role", () => {
    const o = startOptions(actorFor(EMP))!;
    expect(o.role.id).toBe(roleId(SA));
    expect(o.tasks.map((t) => t.key).sort()).toEqual(taskKeys(SA).sort());
    expect(startOptions({ ...actorFor(EMP), jobRoleId: null })).toBeNull();
  });
});

describe("replies, the solution and the proposal", () => {
  let id = 0;
  let noraPost = 0;
  let supPost = 0;

  beforeAll(() => {
    id = startThread(actorFor(EMP), input({ title: "Courtesy car keys left overnight" })).id;
  });

  it("holders and their managers reply; the starter and earlier posters are told, never the replier", () => {
    let mark = lastNotificationId();
    noraPost = postReply(actorFor(NORA), id, { body: "Lock them in the key box." }).id;
    expect(notificationsSince(mark).map((n) => [n.personId, n.kind, n.link])).toEqual([[personId(EMP), "thread.reply", `/threads/${id}`]]);
    mark = lastNotificationId();
    supPost = postReply(actorFor(SUP), id, { body: "And log them on the board." }).id;
    expect(notificationsSince(mark).map((n) => n.personId).sort()).toEqual([personId(EMP), personId(NORA)].sort());
    mark = lastNotificationId();
    postReply(actorFor(EMP), id, { body: "Thanks" });
    expect(notificationsSince(mark).map((n) => n.personId).sort()).toEqual([personId(NORA), personId(SUP)].sort());
  });

  it("someone who neither holds the role nor manages holders cannot read or reply (not found)", () => {
    expect(thrown(() => postReply(actorFor(MEHMET), id, { body: "Hi" }))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => getThread(actorFor(MEHMET), id))).toBeInstanceOf(NotFoundError);
  });

  it("an empty reply is refused", () => {
    expect(fieldErrors(() => postReply(actorFor(NORA), id, { body: " " }))).toEqual({ body: "required" });
  });

  it("only the starter or a manager marks the solution; another holder is refused", () => {
    expect(thrown(() => markSolution(actorFor(NORA), id, noraPost, row(id).revision))).toBeInstanceOf(NotFoundError);
    expect(getThread(actorFor(NORA), id).access.mayMarkSolution).toBe(false);
    expect(getThread(actorFor(EMP), id).access.mayMarkSolution).toBe(true);
    expect(getThread(actorFor(SUP), id).access.mayMarkSolution).toBe(true);
  });

  it("a post of another thread, or a stale revision, is refused", () => {
    const other = startThread(actorFor(NORA), input({ title: "Other" })).id;
    const otherPost = postReply(actorFor(EMP), other, { body: "x" }).id;
    expect(fieldErrors(() => markSolution(actorFor(EMP), id, otherPost, row(id).revision))).toEqual({ _form: "threads.notInThread" });
    expect(thrown(() => markSolution(actorFor(EMP), id, noraPost, row(id).revision + 5))).toBeInstanceOf(ConflictError);
    expect(row(id).status).toBe("open");
  });

  it("the starter marks a reply as the solution (no notification to themself); a manager may change it and the starter is told", () => {
    let mark = lastNotificationId();
    markSolution(actorFor(EMP), id, noraPost, row(id).revision);
    expect([row(id).status, row(id).solutionPostId, row(id).solvedById]).toEqual(["solved", noraPost, personId(EMP)]);
    expect(notificationsSince(mark)).toEqual([]);
    mark = lastNotificationId();
    markSolution(actorFor(SUP), id, supPost, row(id).revision);
    expect([row(id).solutionPostId, row(id).solvedById]).toEqual([supPost, personId(SUP)]);
    expect(notificationsSince(mark).map((n) => [n.personId, n.kind])).toEqual([[personId(EMP), "thread.solved"]]);
    const view = getThread(actorFor(EMP), id);
    expect(view.solution?.id).toBe(supPost);
    expect(view.access.mayPropose).toBe(true);
  });

  it("proposing needs a solution first", () => {
    const open = startThread(actorFor(EMP), input({ title: "Unsolved" })).id;
    expect(getThread(actorFor(EMP), open).access.mayPropose).toBe(false);
    expect(fieldErrors(() => proposeToOwner(actorFor(EMP), open, row(open).revision))).toEqual({ _form: "threads.notSolved" });
  });

  it("another holder may not propose (not found)", () => {
    expect(thrown(() => proposeToOwner(actorFor(NORA), id, row(id).revision))).toBeInstanceOf(NotFoundError);
  });

  it("the starter proposes once: a draft of the role is started, the owner is told with a link to it, audited", () => {
    getDb().delete(roleDrafts).where(eq(roleDrafts.jobRoleId, roleId(SA))).run();
    const mark = lastNotificationId();
    proposeToOwner(actorFor(EMP), id, row(id).revision);
    expect(row(id).proposedById).toBe(personId(EMP));
    expect(row(id).proposedAt).not.toBeNull();
    const draft = getDb().select().from(roleDrafts).where(eq(roleDrafts.jobRoleId, roleId(SA))).get();
    expect(draft?.revision).toBe(1);
    expect(notificationsSince(mark).map((n) => [n.personId, n.kind, n.link])).toEqual([[personId(MGR), "thread.proposed", `/roles/${SA}/edit#thread-suggestions`]]);
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, "thread.proposed")).all().length).toBe(1);
    expect(fieldErrors(() => proposeToOwner(actorFor(SUP), id, row(id).revision))).toEqual({ _form: "threads.alreadyProposed" });
    expect(getThread(actorFor(EMP), id).access.mayPropose).toBe(false);
  });

  it("an existing draft is kept as it is when a solution is proposed", () => {
    const other = startThread(actorFor(EMP), input({ title: "Second" })).id;
    const p = postReply(actorFor(NORA), other, { body: "Solved like this" }).id;
    markSolution(actorFor(EMP), other, p, row(other).revision);
    const before = getDb().select().from(roleDrafts).where(eq(roleDrafts.jobRoleId, roleId(SA))).get();
    proposeToOwner(actorFor(SUP), other, row(other).revision);
    expect(getDb().select().from(roleDrafts).where(eq(roleDrafts.jobRoleId, roleId(SA))).get()).toEqual(before);
  });

  it("the owner sees the proposals in the editor's panel and marks them handled; holders may not", () => {
    const mgr = actorFor(MGR);
    const s = roleSuggestions(mgr, roleId(SA));
    expect(s.rows.map((r) => r.title)).toEqual(["Courtesy car keys left overnight", "Second"]);
    expect(s.rows[0].solution).toBe("And log them on the board.");
    expect(s.rows[0].taskTitle).not.toBeNull();
    expect(thrown(() => roleSuggestions(actorFor(EMP), roleId(SA)))).toBeInstanceOf(ForbiddenError);
    expect(thrown(() => markProposalHandled(actorFor(EMP), id, row(id).revision))).toBeInstanceOf(ForbiddenError);
    markProposalHandled(mgr, id, row(id).revision);
    expect(row(id).proposalHandledAt).not.toBeNull();
    expect(roleSuggestions(mgr, roleId(SA)).rows.map((r) => r.title)).toEqual(["Second"]);
    expect(fieldErrors(() => markProposalHandled(mgr, id, row(id).revision))).toEqual({ _form: "threads.notProposed" });
  });
});

describe("lists and counts", () => {
  it("holders and managers see the role's threads; others see none", () => {
    expect(listThreads(actorFor(EMP)).total).toBeGreaterThan(0);
    expect(listThreads(actorFor(SUP), { jobRoleId: roleId(SA) }).total).toBe(listThreads(actorFor(EMP)).total);
    expect(listThreads(actorFor(MEHMET)).total).toBe(0);
  });

  it("filters by task and status, and pages", () => {
    const emp = actorFor(EMP);
    const solved = listThreads(emp, { status: "solved" });
    expect(solved.rows.every((r) => r.status === "solved")).toBe(true);
    expect(solved.total).toBe(3); // the two solved here and the demo's
    expect(listThreads(emp, { taskKey: "no-such-task" }).total).toBe(0);
    expect(listThreads(emp, { page: 99 }).page).toBe(1);
  });

  it("counts threads per task in one grouped query, for those who may see them", () => {
    const c = threadCountsForRole(actorFor(EMP), roleId(SA));
    expect(c.visible && c.mayStart).toBe(true);
    const all = listThreads(actorFor(EMP), { taskKey: taskKeys(SA)[0] });
    expect(c.byTask[taskKeys(SA)[0]].open + c.byTask[taskKeys(SA)[0]].solved).toBe(all.total);
    expect(c.byTask[taskKeys(SA)[0]].solved).toBe(2);
    const sup = threadCountsForRole(actorFor(SUP), roleId(SA));
    expect([sup.visible, sup.mayStart]).toEqual([true, false]);
    expect(threadCountsForRole(actorFor(MEHMET), roleId(SA))).toEqual({ visible: false, mayStart: false, byTask: {} });
  });

  it("the role filter lists the person's own role and the roles of the people they manage", () => {
    expect(threadRoles(actorFor(EMP)).map((r) => r.id)).toEqual([roleId(SA)]);
    expect(threadRoles(actorFor(SUP)).map((r) => r.id)).toContain(roleId(SA));
    expect(threadRoles(actorFor(MEHMET)).map((r) => r.id)).not.toContain(roleId(SA));
  });
});
