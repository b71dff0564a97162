import "server-only";
import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { jobRoles, people, taskThreadPosts, taskThreads, tasks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/policy";
import { mayStartThread, threadRolesCondition, threadsCondition, type ThreadAccess } from "@/lib/auth/confidence-policy";
import { THREAD_STATUSES, type ThreadStatus } from "@/lib/confidence/vocabulary";
import { pageOf, type Page } from "@/lib/core/pagination";

import { accessTo, POSTS_PAGE_SIZE, tasksOf, THREADS_PAGE_SIZE, visibleThread } from "@/lib/threads/threads";

/**
 * Reading team threads (the writing is in ./threads.ts): the list with its filters, one thread with
 * its posts and what the reader may do, and the per-task counts behind the "Discuss" links.
 */

const proposer = alias(people, "proposer");

export type ThreadListRow = {
  id: number;
  title: string;
  status: ThreadStatus;
  taskKey: string;
  taskTitle: string | null;
  role: { id: number; title: string };
  author: string | null;
  replies: number;
  updatedAt: string;
};

const author = alias(people, "author");
const replyCount = sql<number>`(select count(*) from ${taskThreadPosts} where ${taskThreadPosts.threadId} = ${taskThreads.id})`;

/** Threads the actor may read, latest activity first, optionally narrowed to a role, a task, a status. */
export function listThreads(
  actor: Actor,
  opts: { jobRoleId?: number; taskKey?: string; status?: ThreadStatus; page?: number } = {},
): Page<ThreadListRow> {
  authorize(actor, "threads.participate", { type: "task_thread" });
  const db = getDb();
  const filters: (SQL | undefined)[] = [
    threadsCondition(actor),
    opts.jobRoleId != null ? eq(taskThreads.jobRoleId, opts.jobRoleId) : undefined,
    opts.taskKey ? eq(taskThreads.taskKey, opts.taskKey) : undefined,
    opts.status && THREAD_STATUSES.includes(opts.status) ? eq(taskThreads.status, opts.status) : undefined,
  ];
  const where = and(...filters);
  const total = db.select({ n: count() }).from(taskThreads).where(where).get()?.n ?? 0;
  const { page, pageCount, offset } = pageOf(total, opts.page, THREADS_PAGE_SIZE);
  const rows = db
    .select({
      id: taskThreads.id,
      title: taskThreads.title,
      status: taskThreads.status,
      taskKey: taskThreads.taskKey,
      taskTitle: tasks.title,
      roleId: jobRoles.id,
      roleTitle: jobRoles.title,
      author: author.name,
      replies: replyCount,
      updatedAt: taskThreads.updatedAt,
    })
    .from(taskThreads)
    .innerJoin(jobRoles, eq(jobRoles.id, taskThreads.jobRoleId))
    .leftJoin(tasks, eq(tasks.key, taskThreads.taskKey))
    .leftJoin(author, eq(author.id, taskThreads.authorId))
    .where(where)
    .orderBy(desc(taskThreads.updatedAt), desc(taskThreads.id))
    .limit(THREADS_PAGE_SIZE)
    .offset(offset)
    .all()
    .map(({ roleId, roleTitle, ...r }) => ({ ...r, role: { id: roleId, title: roleTitle } }));
  return { rows, total, page, pageCount, pageSize: THREADS_PAGE_SIZE };
}

/** The roles whose threads the actor may read (the list's filter); a handful, capped. */
export function threadRoles(actor: Actor): { id: number; title: string }[] {
  authorize(actor, "threads.participate", { type: "task_thread" });
  return getDb().select({ id: jobRoles.id, title: jobRoles.title }).from(jobRoles).where(threadRolesCondition(actor)).orderBy(asc(jobRoles.title)).limit(100).all();
}

/** The tasks of a role whose threads the actor may read (the list's task filter); empty otherwise. */
export function threadTasks(actor: Actor, jobRoleId: number): { key: string; title: string; responsibility: string }[] {
  authorize(actor, "threads.participate", { type: "task_thread" });
  const visible = getDb().select({ id: jobRoles.id }).from(jobRoles).where(and(eq(jobRoles.id, jobRoleId), threadRolesCondition(actor))).get();
  return visible ? tasksOf(jobRoleId) : [];
}

export type PostView = { id: number; author: string | null; body: string; createdAt: string };

export type ThreadView = {
  id: number;
  revision: number;
  title: string;
  body: string;
  status: ThreadStatus;
  createdAt: string;
  author: string | null;
  role: { id: number; slug: string; title: string };
  task: { key: string; title: string | null };
  solution: (PostView & { solvedBy: string | null }) | null;
  proposedAt: string | null;
  proposedBy: string | null;
  posts: Page<PostView>;
  access: ThreadAccess;
};

const solver = alias(people, "solver");

export function getThread(actor: Actor, id: number, opts: { page?: number } = {}): ThreadView {
  const t = visibleThread(actor, id);
  const db = getDb();
  const head = db
    .select({
      author: author.name,
      roleSlug: jobRoles.slug,
      roleTitle: jobRoles.title,
      taskTitle: tasks.title,
      solvedBy: solver.name,
      proposedBy: proposer.name,
    })
    .from(taskThreads)
    .innerJoin(jobRoles, eq(jobRoles.id, taskThreads.jobRoleId))
    .leftJoin(author, eq(author.id, taskThreads.authorId))
    .leftJoin(tasks, eq(tasks.key, taskThreads.taskKey))
    .leftJoin(solver, eq(solver.id, taskThreads.solvedById))
    .leftJoin(proposer, eq(proposer.id, taskThreads.proposedById))
    .where(eq(taskThreads.id, id))
    .get()!;
  const postCols = { id: taskThreadPosts.id, author: author.name, body: taskThreadPosts.body, createdAt: taskThreadPosts.createdAt };
  const total = db.select({ n: count() }).from(taskThreadPosts).where(eq(taskThreadPosts.threadId, id)).get()?.n ?? 0;
  const { page, pageCount, offset } = pageOf(total, opts.page, POSTS_PAGE_SIZE);
  const rows = db
    .select(postCols)
    .from(taskThreadPosts)
    .leftJoin(author, eq(author.id, taskThreadPosts.authorId))
    .where(eq(taskThreadPosts.threadId, id))
    .orderBy(asc(taskThreadPosts.createdAt), asc(taskThreadPosts.id))
    .limit(POSTS_PAGE_SIZE)
    .offset(offset)
    .all();
  const solution =
    t.solutionPostId != null
      ? (db.select(postCols).from(taskThreadPosts).leftJoin(author, eq(author.id, taskThreadPosts.authorId)).where(eq(taskThreadPosts.id, t.solutionPostId)).get() ?? null)
      : null;
  return {
    id: t.id,
    revision: t.revision,
    title: t.title,
    body: t.body,
    status: t.status,
    createdAt: t.createdAt,
    author: head.author,
    role: { id: t.jobRoleId, slug: head.roleSlug, title: head.roleTitle },
    task: { key: t.taskKey, title: head.taskTitle },
    solution: solution ? { ...solution, solvedBy: head.solvedBy } : null,
    proposedAt: t.proposedAt,
    proposedBy: head.proposedBy,
    posts: { rows, total, page, pageCount, pageSize: POSTS_PAGE_SIZE },
    access: accessTo(actor, t),
  };
}

export type TaskThreadCounts = {
  /** The actor may read this role's threads (else no links are shown). */
  visible: boolean;
  /** The actor may open a thread on its tasks (holds the role). */
  mayStart: boolean;
  /** Open and solved threads per task key. */
  byTask: Record<string, { open: number; solved: number }>;
};

/** Thread counts per task of a role, for the "Discuss (n)" links: one grouped query. */
export function threadCountsForRole(actor: Actor, jobRoleId: number): TaskThreadCounts {
  const none: TaskThreadCounts = { visible: false, mayStart: false, byTask: {} };
  if (!can(actor, "threads.participate")) return none;
  const db = getDb();
  const visible = Boolean(db.select({ id: jobRoles.id }).from(jobRoles).where(and(eq(jobRoles.id, jobRoleId), threadRolesCondition(actor))).get());
  if (!visible) return none;
  const byTask: TaskThreadCounts["byTask"] = {};
  for (const r of db
    .select({ taskKey: taskThreads.taskKey, status: taskThreads.status, n: count() })
    .from(taskThreads)
    .where(and(eq(taskThreads.jobRoleId, jobRoleId), threadsCondition(actor)))
    .groupBy(taskThreads.taskKey, taskThreads.status)
    .all()) {
    const entry = (byTask[r.taskKey] ??= { open: 0, solved: 0 });
    entry[r.status] = r.n;
  }
  return { visible, mayStart: mayStartThread(actor, jobRoleId), byTask };
}
