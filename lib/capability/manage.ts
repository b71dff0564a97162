import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { capabilities, capabilityEvidence, courseCapabilities, roleDrafts, trainingAssignments } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { audit } from "@/lib/audit/log";
import { ConflictError, FieldError, NotFoundError } from "@/lib/core/errors";
import { NAME_MAX } from "@/lib/core/limits";
import { rewriteCapability } from "@/lib/capability/merge-doc";
import { validUntil } from "@/lib/capability/validity";
import { CAPABILITY_KINDS, VALIDITY_MAX_MONTHS, type CapabilityKind } from "@/lib/capability/vocabulary";
import { parseRoleDoc } from "@/lib/roles/doc";
import type { Tx } from "@/lib/roles/documents";

/**
 * HR's writes on capability records (issue 11, capabilities.manage): editing a record's name, kind
 * and validity (with a revision check), and merging a duplicate into the capability that stays.
 * Each runs in one transaction and audits itself.
 */

export type CapabilityInput = { name: string; kind: CapabilityKind; validityMonths: number | null };

function validate(input: CapabilityInput): CapabilityInput {
  const errors: Record<string, string> = {};
  const name = input.name.trim();
  if (!name) errors.name = "required";
  else if (name.length > NAME_MAX) errors.name = "titleTooLong";
  if (!(CAPABILITY_KINDS as readonly string[]).includes(input.kind)) errors.kind = "invalidChoice";
  const m = input.validityMonths;
  if (m !== null && (!Number.isInteger(m) || m < 1 || m > VALIDITY_MAX_MONTHS)) errors.validityMonths = "capabilities.validityRange";
  if (Object.keys(errors).length) throw new FieldError(errors, { validityMonths: { max: VALIDITY_MAX_MONTHS } });
  return { name, kind: input.kind, validityMonths: m };
}

/**
 * Changes a capability's name, kind and validity. `revision` is the one the editor loaded: if
 * someone changed the record in between (or merged it away), nothing is written (conflict). A new
 * validity recalculates the last valid day of every piece of evidence for it, counted from the day
 * each was earned, so the records never disagree with the capability.
 */
export function updateCapability(actor: Actor, key: string, revision: number, input: CapabilityInput): { revision: number } {
  authorize(actor, "capabilities.manage", { type: "capability", id: key });
  const value = validate(input);
  return getDb().transaction((tx) => {
    const row = tx.select().from(capabilities).where(eq(capabilities.key, key)).get();
    if (!row) throw new NotFoundError("capability");
    if (row.revision !== revision || row.mergedIntoKey) throw new ConflictError();
    const now = new Date().toISOString();
    tx.update(capabilities)
      .set({ name: value.name, kind: value.kind, validityMonths: value.validityMonths, searchName: value.name.toLowerCase(), revision: revision + 1, updatedAt: now })
      .where(and(eq(capabilities.key, key), eq(capabilities.revision, revision)))
      .run();
    if (row.validityMonths !== value.validityMonths) {
      const days = tx
        .selectDistinct({ validFrom: capabilityEvidence.validFrom })
        .from(capabilityEvidence)
        .where(eq(capabilityEvidence.capabilityKey, key))
        .all();
      for (const d of days)
        tx.update(capabilityEvidence)
          .set({ validUntil: validUntil(d.validFrom, value.validityMonths) })
          .where(and(eq(capabilityEvidence.capabilityKey, key), eq(capabilityEvidence.validFrom, d.validFrom)))
          .run();
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (row.name !== value.name) changes.name = { from: row.name, to: value.name };
    if (row.kind !== value.kind) changes.kind = { from: row.kind, to: value.kind };
    if (row.validityMonths !== value.validityMonths) changes.validityMonths = { from: row.validityMonths, to: value.validityMonths };
    audit({ actorId: actor.id, action: "capability.update", entityType: "capability", entityId: key, detail: { name: value.name, changes } }, tx);
    return { revision: revision + 1 };
  });
}

export type MergeResult = { into: string; evidence: number; courses: number; assignments: number; drafts: number };

/**
 * Merges the duplicate `from` (at the revision HR saw) into `into`, in one transaction: its
 * evidence, course links and training assignments move to `into`; role drafts that name it name
 * `into` instead (published versions keep their keys: readers resolve them through
 * `merged_into_key`); anything already merged into `from` now points at `into` (one level deep);
 * then `from` is marked merged. Audited as `capability.merge` on the survivor.
 */
export function mergeCapability(actor: Actor, from: string, revision: number, into: string): MergeResult {
  authorize(actor, "capabilities.manage", { type: "capability", id: from });
  return getDb().transaction((tx) => {
    const loser = tx.select().from(capabilities).where(eq(capabilities.key, from)).get();
    if (!loser) throw new NotFoundError("capability");
    if (loser.revision !== revision || loser.mergedIntoKey) throw new ConflictError();
    const result = mergeInto(tx, loser, into, actor.id);
    audit(
      {
        actorId: actor.id,
        action: "capability.merge",
        entityType: "capability",
        entityId: into,
        detail: { from, title: loser.name, evidence: result.evidence, courses: result.courses, assignments: result.assignments, drafts: result.drafts },
      },
      tx,
    );
    return result;
  });
}

/** The merge itself, inside the caller's transaction (the demo seed uses it too). */
export function mergeInto(tx: Tx, loser: { key: string; revision: number }, into: string, actorId: number | null): MergeResult {
  if (into === loser.key) throw new FieldError({ into: "capabilities.mergeSelf" });
  const target = tx.select().from(capabilities).where(eq(capabilities.key, into)).get();
  if (!target) throw new FieldError({ into: "capabilities.mergeUnknown" });
  if (target.mergedIntoKey) throw new FieldError({ into: "capabilities.mergeTargetMerged" });
  const now = new Date().toISOString();

  // Evidence moves, and counts its validity by the survivor's rule from the day it was earned.
  const days = tx.selectDistinct({ validFrom: capabilityEvidence.validFrom }).from(capabilityEvidence).where(eq(capabilityEvidence.capabilityKey, loser.key)).all();
  const evidence = tx.update(capabilityEvidence).set({ capabilityKey: into }).where(eq(capabilityEvidence.capabilityKey, loser.key)).run().changes;
  for (const d of days)
    tx.update(capabilityEvidence)
      .set({ validUntil: validUntil(d.validFrom, target.validityMonths) })
      .where(and(eq(capabilityEvidence.capabilityKey, into), eq(capabilityEvidence.validFrom, d.validFrom)))
      .run();
  const links = tx.select({ courseId: courseCapabilities.courseId }).from(courseCapabilities).where(eq(courseCapabilities.capabilityKey, loser.key)).all();
  if (links.length) {
    tx.insert(courseCapabilities)
      .values(links.map((l) => ({ courseId: l.courseId, capabilityKey: into })))
      .onConflictDoNothing()
      .run();
    tx.delete(courseCapabilities).where(eq(courseCapabilities.capabilityKey, loser.key)).run();
  }
  const assignments = tx.update(trainingAssignments).set({ capabilityKey: into }).where(eq(trainingAssignments.capabilityKey, loser.key)).run().changes;

  // Role drafts that name the duplicate (the key appears in the stored JSON; the parse decides).
  const drafts = tx
    .select({ jobRoleId: roleDrafts.jobRoleId, content: roleDrafts.content, revision: roleDrafts.revision })
    .from(roleDrafts)
    .where(sql`instr(${roleDrafts.content}, ${loser.key}) > 0`)
    .all();
  let rewritten = 0;
  for (const d of drafts) {
    const doc = rewriteCapability(parseRoleDoc(d.content), loser.key, { key: into, name: target.name, kind: target.kind });
    if (!doc) continue;
    tx.update(roleDrafts)
      .set({ content: JSON.stringify(doc), revision: d.revision + 1, updatedAt: now, ...(actorId != null ? { updatedById: actorId } : {}) })
      .where(and(eq(roleDrafts.jobRoleId, d.jobRoleId), eq(roleDrafts.revision, d.revision)))
      .run();
    rewritten++;
  }

  // Earlier duplicates of the duplicate now point straight at the survivor (kept one level deep).
  const earlier = tx.select({ key: capabilities.key }).from(capabilities).where(eq(capabilities.mergedIntoKey, loser.key)).all();
  if (earlier.length)
    tx.update(capabilities)
      .set({ mergedIntoKey: into, updatedAt: now, revision: sql`${capabilities.revision} + 1` })
      .where(inArray(capabilities.key, earlier.map((e) => e.key)))
      .run();
  tx.update(capabilities)
    .set({ mergedIntoKey: into, revision: loser.revision + 1, updatedAt: now })
    .where(eq(capabilities.key, loser.key))
    .run();
  return { into, evidence, courses: links.length, assignments, drafts: rewritten };
}
