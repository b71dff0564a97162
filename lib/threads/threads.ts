import "server-only";
import { and, asc, count, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { jobRoles, people, responsibilities, roleDrafts, taskThreadPosts, taskThreads, tasks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, mayEditRole, outOfScope } from "@/lib/auth/policy";
import { managesHoldersOf, mayStartThread, threadAccess, threadsCondition, type ThreadAccess } from "@/lib/auth/confidence-policy";
import { audit } from "@/lib/audit/log";
import { ConflictError, FieldError, NotFoundError } from "@/lib/core/errors";
import { NAME_MAX, TEXT_MAX } from "@/lib/core/limits";
import { notify } from "@/lib/notifications/notifications";
import { currentDoc } from "@/lib/roles/documents";

/**
 * Team problem-solving threads on the tasks of a role: holders open them, holders and their
 * managers reply, the starter or a manager marks a reply as the solution, and a solution can be
 * proposed to the role's owner, which attaches it to a draft of the role.
 */

export const THREADS_PAGE_SIZE = 20;
export const POSTS_PAGE_SIZE = 50;
/** The editor's panel of proposed solutions shows at most this many (oldest first). */
export const SUGGESTIONS_LIMIT = 20;

const threadLink = (id: number) => `/threads/${id}`;

// ---------- helpers ----------

/** A task of the role's current published version (the live tasks table), or undefined. */
function taskOfRole(jobRoleId: number, taskKey: string): { title: string } | undefined {
  return getDb()
    .select({ title: tasks.title })
    .from(tasks)
    .innerJoin(responsibilities, eq(responsibilities.id, tasks.responsibilityId))
    .where(and(eq(tasks.key, taskKey), eq(responsibilities.jobRoleId, jobRoleId)))
    .get();
}

/** Trims and checks a text: empty is "required", too long is "tooLong" (field errors keyed by name). */
function checkText(field: string, value: unknown, max: number, errors: Record<string, string>, values: Record<string, Record<string, number>>): string {
  const text = typeof value === "string" ? value.trim() : "";
  if (!text) errors[field] = "required";
  else if (text.length > max) {
    errors[field] = "tooLong";
    values[field] = { max };
  }
  return text;
}

function checkTexts(fields: [string, unknown, number][]): string[] {
  const errors: Record<string, string> = {};
  const values: Record<string, Record<string, number>> = {};
  const out = fields.map(([name, value, max]) => checkText(name, value, max, errors, values));
  if (Object.keys(errors).length) throw new FieldError(errors, values);
  return out;
}

type ThreadRow = typeof taskThreads.$inferSelect;

/** The thread if the actor may read it; otherwise not found (an attempt on a real one is audited). */
export function visibleThread(actor: Actor, id: number): ThreadRow {
  authorize(actor, "threads.participate", { type: "task_thread", id });
  const db = getDb();
  const row = db.select().from(taskThreads).where(and(eq(taskThreads.id, id), threadsCondition(actor))).get();
  if (row) return row;
  const exists = db.select({ id: taskThreads.id }).from(taskThreads).where(eq(taskThreads.id, id)).get();
  throw exists ? outOfScope(actor, { type: "task_thread", id }, "threadsCondition") : new NotFoundError("task thread");
}

export function accessTo(actor: Actor, t: ThreadRow): ThreadAccess {
  return threadAccess(actor, t, managesHoldersOf(actor, t.jobRoleId));
}

// ---------- starting ----------

export type StartOptions = {
  role: { id: number; title: string; slug: string };
  tasks: { key: string; title: string; responsibility: string }[];
};

/** The role the actor may open threads on (their own) with its tasks, or null when they hold none. */
export function startOptions(actor: Actor): StartOptions | null {
  authorize(actor, "threads.participate", { type: "task_thread" });
  if (actor.jobRoleId == null || !mayStartThread(actor, actor.jobRoleId)) return null;
  const db = getDb();
  const role = db.select({ id: jobRoles.id, title: jobRoles.title, slug: jobRoles.slug }).from(jobRoles).where(eq(jobRoles.id, actor.jobRoleId)).get();
  if (!role) return null;
  return { role, tasks: tasksOf(role.id) };
}

/** The tasks of a role's current published version, in document order. Bounded by the role limits. */
export function tasksOf(jobRoleId: number) {
  return getDb()
    .select({ key: tasks.key, title: tasks.title, responsibility: responsibilities.title })
    .from(tasks)
    .innerJoin(responsibilities, eq(responsibilities.id, tasks.responsibilityId))
    .where(eq(responsibilities.jobRoleId, jobRoleId))
    .orderBy(asc(responsibilities.position), asc(tasks.position))
    .all();
}

export function startThread(actor: Actor, input: { jobRoleId: number; taskKey: string; title: string; body: string }): { id: number } {
  authorize(actor, "threads.participate", { type: "task_thread" });
  const [title, body] = checkTexts([
    ["title", input.title, NAME_MAX],
    ["body", input.body, TEXT_MAX],
  ]);
  if (!mayStartThread(actor, input.jobRoleId)) throw new FieldError({ taskKey: "threads.notYourRole" });
  if (!taskOfRole(input.jobRoleId, input.taskKey)) throw new FieldError({ taskKey: "threads.unknownTask" });
  return getDb().transaction((tx) => {
    const now = new Date().toISOString();
    const row = tx
      .insert(taskThreads)
      .values({ jobRoleId: input.jobRoleId, taskKey: input.taskKey, title, body, authorId: actor.id, status: "open", createdAt: now, updatedAt: now })
      .returning({ id: taskThreads.id })
      .get();
    audit({ actorId: actor.id, action: "thread.started", entityType: "job_role", entityId: input.jobRoleId, detail: { thread: row.id, title } }, tx);
    return { id: row.id };
  });
}

// ---------- replying ----------

export function postReply(actor: Actor, threadId: number, input: { body: string }): { id: number } {
  const t = visibleThread(actor, threadId);
  if (!accessTo(actor, t).mayPost) throw outOfScope(actor, { type: "task_thread", id: threadId }, "threadAccess.mayPost");
  const [body] = checkTexts([["body", input.body, TEXT_MAX]]);
  return getDb().transaction((tx) => {
    const now = new Date().toISOString();
    // The starter and everyone who posted before, still active, but not the replier.
    const earlier = tx
      .selectDistinct({ id: taskThreadPosts.authorId })
      .from(taskThreadPosts)
      .where(and(eq(taskThreadPosts.threadId, threadId), isNotNull(taskThreadPosts.authorId)))
      .all()
      .map((r) => r.id!);
    const told = [...new Set([...(t.authorId != null ? [t.authorId] : []), ...earlier])].filter((id) => id !== actor.id);
    const post = tx.insert(taskThreadPosts).values({ threadId, authorId: actor.id, body, createdAt: now }).returning({ id: taskThreadPosts.id }).get();
    tx.update(taskThreads).set({ updatedAt: now }).where(eq(taskThreads.id, threadId)).run();
    const active = told.length
      ? tx
          .select({ id: people.id })
          .from(people)
          .where(and(inArray(people.id, told), eq(people.active, true)))
          .all()
          .map((p) => p.id)
      : [];
    notify(tx, active, "thread.reply", { name: actor.name, title: t.title }, threadLink(threadId));
    return { id: post.id };
  });
}

// ---------- the solution ----------

export function markSolution(actor: Actor, threadId: number, postId: number, revision: number): { revision: number } {
  const t = visibleThread(actor, threadId);
  if (!accessTo(actor, t).mayMarkSolution) throw outOfScope(actor, { type: "task_thread", id: threadId }, "threadAccess.mayMarkSolution");
  const db = getDb();
  const post = db
    .select({ id: taskThreadPosts.id })
    .from(taskThreadPosts)
    .where(and(eq(taskThreadPosts.id, postId), eq(taskThreadPosts.threadId, threadId)))
    .get();
  if (!post) throw new FieldError({ _form: "threads.notInThread" });
  return db.transaction((tx) => {
    const now = new Date().toISOString();
    const res = tx
      .update(taskThreads)
      .set({ status: "solved", solutionPostId: postId, solvedById: actor.id, revision: revision + 1, updatedAt: now })
      .where(and(eq(taskThreads.id, threadId), eq(taskThreads.revision, revision)))
      .run();
    if (res.changes === 0) throw new ConflictError();
    audit({ actorId: actor.id, action: "thread.solved", entityType: "job_role", entityId: t.jobRoleId, detail: { thread: threadId, post: postId, title: t.title } }, tx);
    if (t.authorId != null && t.authorId !== actor.id) notify(tx, [t.authorId], "thread.solved", { name: actor.name, title: t.title }, threadLink(threadId));
    return { revision: revision + 1 };
  });
}

/**
 * Proposes the solution to the role's owner: once solved, once. Makes sure the role has a draft
 * (started from the current version, as the editor would) so the owner lands in a draft with the
 * suggestion attached, and tells the owner.
 */
export function proposeToOwner(actor: Actor, threadId: number, revision: number): { revision: number } {
  const t = visibleThread(actor, threadId);
  const access = accessTo(actor, t);
  if (!(access.isStarter || access.managesHolders)) throw outOfScope(actor, { type: "task_thread", id: threadId }, "threadAccess.mayPropose");
  if (t.status !== "solved" || t.solutionPostId == null) throw new FieldError({ _form: "threads.notSolved" });
  if (t.proposedAt != null) throw new FieldError({ _form: "threads.alreadyProposed" });
  const db = getDb();
  const role = db
    .select({ id: jobRoles.id, slug: jobRoles.slug, title: jobRoles.title, ownerId: jobRoles.ownerId, currentVersion: jobRoles.currentVersion })
    .from(jobRoles)
    .where(eq(jobRoles.id, t.jobRoleId))
    .get();
  if (!role) throw new NotFoundError("job role");
  const hasDraft = Boolean(db.select({ id: roleDrafts.jobRoleId }).from(roleDrafts).where(eq(roleDrafts.jobRoleId, role.id)).get());
  const startingDoc = hasDraft ? null : JSON.stringify(currentDoc(role));
  return db.transaction((tx) => {
    const now = new Date().toISOString();
    const res = tx
      .update(taskThreads)
      .set({ proposedAt: now, proposedById: actor.id, revision: revision + 1, updatedAt: now })
      .where(and(eq(taskThreads.id, threadId), eq(taskThreads.revision, revision), isNull(taskThreads.proposedAt)))
      .run();
    if (res.changes === 0) throw new ConflictError();
    let draftStarted = false;
    if (startingDoc) {
      const inserted = tx
        .insert(roleDrafts)
        .values({ jobRoleId: role.id, content: startingDoc, revision: 1, baseVersion: role.currentVersion, updatedById: actor.id, updatedAt: now })
        .onConflictDoNothing()
        .run();
      draftStarted = inserted.changes > 0;
    }
    audit(
      { actorId: actor.id, action: "thread.proposed", entityType: "job_role", entityId: role.id, detail: { thread: threadId, title: t.title, draftStarted } },
      tx,
    );
    if (role.ownerId != null && role.ownerId !== actor.id) {
      notify(tx, [role.ownerId], "thread.proposed", { name: actor.name, title: t.title, role: role.title }, `/roles/${role.slug}/edit#thread-suggestions`);
    }
    return { revision: revision + 1 };
  });
}

// ---------- the suggestions in the role editor ----------

export type Suggestion = {
  id: number;
  revision: number;
  title: string;
  taskTitle: string | null;
  solution: string | null;
  proposedAt: string;
  proposedBy: string | null;
};

const solutionPost = alias(taskThreadPosts, "solution_post");
const proposer = alias(people, "proposer");

/** Proposed, unhandled solutions for a role, for whoever may edit it (the draft editor's panel). */
export function roleSuggestions(actor: Actor, jobRoleId: number): { rows: Suggestion[]; total: number } {
  authorize(actor, "roles.edit", { type: "job_role", id: jobRoleId });
  if (!mayEditRole(actor, jobRoleId)) throw outOfScope(actor, { type: "job_role", id: jobRoleId }, "mayEditRole");
  const db = getDb();
  const where = and(eq(taskThreads.jobRoleId, jobRoleId), isNotNull(taskThreads.proposedAt), isNull(taskThreads.proposalHandledAt));
  const total = db.select({ n: count() }).from(taskThreads).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      id: taskThreads.id,
      revision: taskThreads.revision,
      title: taskThreads.title,
      taskTitle: tasks.title,
      solution: solutionPost.body,
      proposedAt: taskThreads.proposedAt,
      proposedBy: proposer.name,
    })
    .from(taskThreads)
    .leftJoin(tasks, eq(tasks.key, taskThreads.taskKey))
    .leftJoin(solutionPost, eq(solutionPost.id, taskThreads.solutionPostId))
    .leftJoin(proposer, eq(proposer.id, taskThreads.proposedById))
    .where(where)
    .orderBy(asc(taskThreads.proposedAt), asc(taskThreads.id))
    .limit(SUGGESTIONS_LIMIT)
    .all()
    .map((r) => ({ ...r, proposedAt: r.proposedAt! }));
  return { rows, total };
}

/** Marks a proposed solution as handled (it leaves the editor's panel): whoever may edit the role. */
export function markProposalHandled(actor: Actor, threadId: number, revision: number): { revision: number } {
  authorize(actor, "roles.edit", { type: "task_thread", id: threadId });
  const db = getDb();
  const t = db.select().from(taskThreads).where(eq(taskThreads.id, threadId)).get();
  if (!t) throw new NotFoundError("task thread");
  if (!mayEditRole(actor, t.jobRoleId)) throw outOfScope(actor, { type: "task_thread", id: threadId }, "mayEditRole");
  if (t.proposedAt == null || t.proposalHandledAt != null) throw new FieldError({ _form: "threads.notProposed" });
  return db.transaction((tx) => {
    const now = new Date().toISOString();
    const res = tx
      .update(taskThreads)
      .set({ proposalHandledAt: now, revision: revision + 1 })
      .where(and(eq(taskThreads.id, threadId), eq(taskThreads.revision, revision), isNull(taskThreads.proposalHandledAt)))
      .run();
    if (res.changes === 0) throw new ConflictError();
    return { revision: revision + 1 };
  });
}
