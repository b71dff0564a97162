import "server-only";
import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { getDb, preparedQuery } from "@/db/client";
import { acknowledgements, jobRoles, roleVersions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { answerAck } from "@/lib/communication/answers";
import type { AckState } from "@/lib/communication/vocabulary";
import { ConflictError, FieldError, NotFoundError } from "@/lib/core/errors";
import { parseRoleDoc, type RoleDoc } from "@/lib/roles/doc";

/**
 * A person reads and confirms their whole role: someone who never understood any version of it
 * (a new hire, someone who changed roles) reads the whole current version, not a diff between
 * versions they never saw. Confirming it records "understood" for that version and ticks their
 * onboarding item "Read and answer your role description".
 */

/** Whether the person ever understood a version of the role: built once (db/client.ts `preparedQuery`). */
const understoodRow = preparedQuery((db) =>
  db
    .select({ id: acknowledgements.id })
    .from(acknowledgements)
    .where(
      and(
        eq(acknowledgements.personId, sql.placeholder("personId")),
        eq(acknowledgements.state, "understood"),
        inArray(acknowledgements.roleVersionId, db.select({ id: roleVersions.id }).from(roleVersions).where(eq(roleVersions.jobRoleId, sql.placeholder("jobRoleId")))),
      ),
    )
    .limit(1)
    .prepare(),
);

/** Whether the person ever confirmed they understood a version of the role. One indexed query. */
export function hasUnderstoodRole(personId: number, jobRoleId: number): boolean {
  return Boolean(understoodRow().get({ personId, jobRoleId }));
}

export type ContentsEntry = { key: string; title: string };

/** The contents list of a role: its responsibilities in order (anchors `r-<key>` on the page). */
export function roleContents(doc: RoleDoc): ContentsEntry[] {
  return doc.responsibilities.map((r) => ({ key: r.key, title: r.title }));
}

export type MyRole = {
  role: { id: number; slug: string; title: string };
  version: { id: number; number: number; summary: string; publishedAt: string };
  doc: RoleDoc;
  contents: ContentsEntry[];
  /** Never understood any version: they read the whole role (always so on this page). */
  firstTime: boolean;
  /**
   * Their latest answer about the role (an editorial version after it asks nothing new), if any:
   * answering an open one answers it; without one, confirming opens one for the current version.
   */
  ack: { id: number; version: number; state: AckState; revision: number; answeredAt: string | null } | null;
};

/** A role with its current version, read by My role on every request: built once (db/client.ts `preparedQuery`). */
const currentVersionOfRole = preparedQuery((db) =>
  db
    .select({ id: jobRoles.id, slug: jobRoles.slug, title: jobRoles.title, version: roleVersions })
    .from(jobRoles)
    .innerJoin(roleVersions, and(eq(roleVersions.jobRoleId, jobRoles.id), eq(roleVersions.number, jobRoles.currentVersion)))
    .where(eq(jobRoles.id, sql.placeholder("jobRoleId")))
    .prepare(),
);

/** A person's latest answer (not superseded) about any version of a role: built once. */
const latestAnswer = preparedQuery((db) =>
  db
    .select({ id: acknowledgements.id, version: roleVersions.number, state: acknowledgements.state, revision: acknowledgements.revision, answeredAt: acknowledgements.answeredAt })
    .from(acknowledgements)
    .innerJoin(roleVersions, eq(roleVersions.id, acknowledgements.roleVersionId))
    .where(and(eq(acknowledgements.personId, sql.placeholder("personId")), eq(roleVersions.jobRoleId, sql.placeholder("jobRoleId")), ne(acknowledgements.state, "superseded")))
    .orderBy(desc(roleVersions.number))
    .limit(1)
    .prepare(),
);

/** The current version of the actor's own role, to read and confirm; not found without one. */
export function getMyRole(actor: Actor): MyRole {
  authorize(actor, "acks.answer");
  if (!actor.jobRoleId) throw new NotFoundError("job role");
  const row = currentVersionOfRole().get({ jobRoleId: actor.jobRoleId });
  if (!row) throw new NotFoundError("job role");
  const doc = parseRoleDoc(row.version.content);
  const ack = latestAnswer().get({ personId: actor.id, jobRoleId: row.id });
  return {
    role: { id: row.id, slug: row.slug, title: row.title },
    version: { id: row.version.id, number: row.version.number, summary: row.version.summary, publishedAt: row.version.publishedAt },
    doc,
    contents: roleContents(doc),
    firstTime: !hasUnderstoodRole(actor.id, row.id),
    ack: ack ?? null,
  };
}

/**
 * The actor answers the whole current version of their own role: "understood" ("I have read and
 * understood my role"), or "ask" with a question (the usual clarification thread with the role's
 * owner). `version` and `revision` are what the page showed (revision 0: they had no answer yet);
 * a newer version, or an answer given meanwhile, is a conflict. Returns the answer's id and state.
 */
export function answerMyRole(actor: Actor, version: number, revision: number, event: "understood" | "ask", question?: string): { id: number; state: AckState } {
  const mine = getMyRole(actor);
  if (event === "ask" && !question?.trim()) throw new FieldError({ body: "required" });
  if (mine.version.number !== version) throw new ConflictError();
  let ack = mine.ack;
  if (!ack) {
    if (revision !== 0) throw new ConflictError();
    // Someone who joined the role after its last material change has no answer to give yet: open one.
    const db = getDb();
    const owner = db.select({ ownerId: jobRoles.ownerId }).from(jobRoles).where(eq(jobRoles.id, mine.role.id)).get();
    const created = db
      .insert(acknowledgements)
      .values({ personId: actor.id, roleVersionId: mine.version.id, baseVersionId: null, ownerId: owner?.ownerId ?? null, state: "pending", createdAt: new Date().toISOString() })
      .onConflictDoNothing()
      .returning({ id: acknowledgements.id, state: acknowledgements.state, revision: acknowledgements.revision, answeredAt: acknowledgements.answeredAt })
      .get();
    if (!created) throw new ConflictError();
    ack = { ...created, version: mine.version.number };
    revision = created.revision;
  }
  return { id: ack.id, state: answerAck(actor, ack.id, revision, event, question) };
}
