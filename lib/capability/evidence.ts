import "server-only";
import { and, asc, count, desc, eq, inArray, lte, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { capabilities, capabilityEvidence, courses, jobRoles, people, trainingAssignments } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { mayAddCertificate, mayViewCapabilities, signoffRelation } from "@/lib/auth/capability-policy";
import { authorize, outOfScope, recordDenied } from "@/lib/auth/policy";
import { audit } from "@/lib/audit/log";
import { closeTrainingFor } from "@/lib/capability/close";
import { holdingsFor } from "@/lib/capability/holdings";
import { roleNeeds } from "@/lib/capability/needs";
import { canonicalKeys } from "@/lib/capability/records";
import { validUntil, type Holding } from "@/lib/capability/validity";
import { UPLOAD_TYPES, type CapabilityKind, type CellState, type EvidenceKind, type SignoffRelation } from "@/lib/capability/vocabulary";
import { todayIso } from "@/lib/core/dates";
import { ActionError, FieldError, NotFoundError } from "@/lib/core/errors";
import { pageOf, type Page } from "@/lib/core/pagination";
import { checkUpload, storeFile } from "@/lib/files/store";
import { notify } from "@/lib/notifications/notifications";
import { dateInRange } from "@/lib/core/validation";

/**
 * Evidence that a person holds a capability (issue 11, points 4, 5 and 9): a sign-off by someone
 * who watched them do it, or an external certificate; and the read behind "My capability" and a
 * person's capability page. (Passed quizzes add evidence in lib/capability/quizzes.)
 */

export const NOTE_MAX = 2000;
export const ISSUER_MAX = 200;
/** Evidence shown per capability (the most recent first). */
export const EVIDENCE_SHOWN = 3;
export const TRAINING_PAGE_SIZE = 10;

type PersonRow = { id: number; name: string; jobRoleId: number | null; active: boolean };

function personRow(personId: number): PersonRow {
  const row = getDb().select({ id: people.id, name: people.name, jobRoleId: people.jobRoleId, active: people.active }).from(people).where(eq(people.id, personId)).get();
  if (!row) throw new NotFoundError("person");
  return row;
}

/** The capability a key stands for now (its survivor when HR merged it away), or not found. */
function capabilityFor(key: string): { key: string; name: string; validityMonths: number | null } {
  const canonical = canonicalKeys([key]).get(key) ?? key;
  const row = getDb()
    .select({ key: capabilities.key, name: capabilities.name, validityMonths: capabilities.validityMonths })
    .from(capabilities)
    .where(eq(capabilities.key, canonical))
    .get();
  if (!row) throw new NotFoundError("capability");
  return row;
}

function cleanNote(note: string | null | undefined, field: string, required: boolean): string {
  const text = (note ?? "").trim();
  if (required && !text) throw new FieldError({ [field]: "required" });
  if (text.length > NOTE_MAX) throw new FieldError({ [field]: "tooLong" }, { [field]: { max: NOTE_MAX } });
  return text;
}

// ---------- Writing ----------

/**
 * Signs off a person's capability with a note: only someone `signoffRelation` allows (their
 * supervisor, a manager above them, their buddy), never oneself. Starts the capability's validity
 * today, closes the training that stood for the gap, tells the person and audits it.
 */
export function signOff(actor: Actor, input: { personId: number; capabilityKey: string; note: string }, today = todayIso()): { evidenceId: number } {
  authorize(actor, "evidence.signoff", { type: "person", id: input.personId });
  if (input.personId === actor.id) throw new ActionError("capability.signoffSelf");
  const person = personRow(input.personId);
  const relation = signoffRelation(actor, person.id);
  if (!relation) {
    // Someone who may see the person's capabilities learns why; anyone else gets "not found".
    if (!mayViewCapabilities(actor, person.id)) throw outOfScope(actor, { type: "person", id: person.id }, "signoffRelation");
    recordDenied(actor, { type: "person", id: person.id }, { rule: "signoffRelation" });
    throw new ActionError("capability.signoffNotAllowed");
  }
  const note = cleanNote(input.note, "note", true);
  const cap = capabilityFor(input.capabilityKey);
  const now = new Date().toISOString();
  return getDb().transaction((tx) => {
    const row = tx
      .insert(capabilityEvidence)
      .values({
        personId: person.id,
        capabilityKey: cap.key,
        kind: "signoff",
        signoffRelation: relation,
        note,
        validFrom: today,
        validUntil: validUntil(today, cap.validityMonths),
        createdById: actor.id,
        createdAt: now,
      })
      .returning({ id: capabilityEvidence.id })
      .get();
    closeTrainingFor(tx, { personId: person.id, capabilityKeys: [cap.key], actorId: actor.id, now });
    notify(tx, [person.id], "capability.signedOff", { name: actor.name, capability: cap.name }, `/capability#c-${cap.key}`);
    audit({ actorId: actor.id, action: "evidence.signedOff", entityType: "person", entityId: person.id, detail: { name: cap.name, capability: cap.key, relation, evidenceId: row.id } }, tx);
    return { evidenceId: row.id };
  });
}

export type CertificateInput = {
  personId: number;
  capabilityKey: string;
  issuer: string;
  /** YYYY-MM-DD: the day on the certificate; validity counts from it. */
  date: string;
  note?: string | null;
  file: { bytes: Uint8Array; name: string };
};

/**
 * Adds an external certificate as evidence: for oneself, or for someone whose readiness one sees
 * (`mayAddCertificate`). The file must be a PDF, PNG or JPEG by content and at most 10 MB; the date
 * may not be in the future. Validity counts from the certificate's date.
 */
export function addCertificate(actor: Actor, input: CertificateInput, today = todayIso()): { evidenceId: number; fileId: string } {
  authorize(actor, "evidence.certify", { type: "person", id: input.personId });
  const person = personRow(input.personId);
  if (!mayAddCertificate(actor, person.id)) throw outOfScope(actor, { type: "person", id: person.id }, "mayAddCertificate");
  const cap = capabilityFor(input.capabilityKey);
  const errors: Record<string, string> = {};
  const values: Record<string, Record<string, number>> = {};
  const issuer = input.issuer.trim();
  if (!issuer) errors.issuer = "required";
  else if (issuer.length > ISSUER_MAX) {
    errors.issuer = "tooLong";
    values.issuer = { max: ISSUER_MAX };
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || Number.isNaN(Date.parse(`${input.date}T00:00:00Z`))) errors.date = "invalidDate";
  else if (!dateInRange(input.date)) errors.date = "dateOutOfRange";
  else if (input.date > today) errors.date = "capability.certificateFuture";
  const checked = checkUpload(input.file.bytes, UPLOAD_TYPES);
  if (!checked.ok) errors.file = `capability.upload.${checked.problem}`;
  if (Object.keys(errors).length) throw new FieldError(errors, values);
  const note = cleanNote(input.note, "note", false);
  const now = new Date().toISOString();
  const mime = (checked as { ok: true; mime: (typeof UPLOAD_TYPES)[number] }).mime;
  return getDb().transaction((tx) => {
    const fileId = storeFile(tx, { bytes: input.file.bytes, mime, purpose: "certificate", originalName: input.file.name, uploadedById: actor.id, now });
    const row = tx
      .insert(capabilityEvidence)
      .values({
        personId: person.id,
        capabilityKey: cap.key,
        kind: "certificate",
        note,
        fileId,
        issuer,
        validFrom: input.date,
        validUntil: validUntil(input.date, cap.validityMonths),
        createdById: actor.id,
        createdAt: now,
      })
      .returning({ id: capabilityEvidence.id })
      .get();
    closeTrainingFor(tx, { personId: person.id, capabilityKeys: [cap.key], actorId: actor.id, now });
    audit(
      {
        actorId: actor.id,
        action: "evidence.certificateUploaded",
        entityType: "person",
        entityId: person.id,
        detail: { name: cap.name, capability: cap.key, issuer, date: input.date, evidenceId: row.id, fileId },
      },
      tx,
    );
    return { evidenceId: row.id, fileId };
  });
}

// ---------- Reading ----------

export type EvidenceView = {
  id: number;
  kind: EvidenceKind;
  validFrom: string;
  validUntil: string | null;
  note: string;
  issuer: string | null;
  fileId: string | null;
  signoffRelation: SignoffRelation | null;
  byName: string | null;
};

export type CapabilityLine = {
  key: string;
  name: string;
  kind: CapabilityKind;
  validityMonths: number | null;
  holding: Holding;
  cell: CellState;
  /** The most recent evidence first, at most EVIDENCE_SHOWN. */
  evidence: EvidenceView[];
};

export type OpenTraining = { id: number; courseId: number; title: string; dueDate: string; overdue: boolean };

export type CapabilityOverview = {
  person: { id: number; name: string; roleTitle: string | null; roleSlug: string | null };
  isSelf: boolean;
  responsibilities: { key: string; title: string; capabilities: CapabilityLine[] }[];
  /** Every capability the role needs once (for the certificate form's choice). */
  needed: { key: string; name: string }[];
  counts: Record<CellState, number>;
  /** How the actor may sign off this person's capabilities (null: they may not). */
  signoffAs: SignoffRelation | null;
  mayAddCertificate: boolean;
  training: Page<OpenTraining>;
};

/**
 * A person's capability: per responsibility of their role what it needs, what they hold and until
 * when, their recent evidence, their open training; and what the actor may do about it. For
 * whoever `mayViewCapabilities` (the person themself, whoever sees their readiness, their buddy).
 */
export function capabilityOverview(actor: Actor, personId: number, opts: { trainingPage?: number } = {}, today = todayIso()): CapabilityOverview {
  const db = getDb();
  const person = db
    .select({ id: people.id, name: people.name, jobRoleId: people.jobRoleId, roleTitle: jobRoles.title, roleSlug: jobRoles.slug })
    .from(people)
    .leftJoin(jobRoles, eq(jobRoles.id, people.jobRoleId))
    .where(eq(people.id, personId))
    .get();
  if (!person) throw new NotFoundError("person");
  if (!mayViewCapabilities(actor, person.id)) throw outOfScope(actor, { type: "person", id: person.id }, "mayViewCapabilities");

  const needs = person.jobRoleId ? roleNeeds([person.jobRoleId]) : null;
  const role = person.jobRoleId ? needs?.roles.get(person.jobRoleId) : undefined;
  const keys = role?.capabilityKeys ?? [];
  const held = holdingsFor([person.id], keys, today).get(person.id);

  const ranked = db
    .select({
      id: capabilityEvidence.id,
      rn: sql<number>`row_number() over (partition by ${capabilityEvidence.capabilityKey} order by ${capabilityEvidence.validFrom} desc, ${capabilityEvidence.id} desc)`.as("rn"),
    })
    .from(capabilityEvidence)
    .where(and(eq(capabilityEvidence.personId, person.id), inArray(capabilityEvidence.capabilityKey, keys.length ? keys : [""])))
    .as("ranked");
  const evidenceRows = keys.length
    ? db
        .select({
          id: capabilityEvidence.id,
          key: capabilityEvidence.capabilityKey,
          kind: capabilityEvidence.kind,
          validFrom: capabilityEvidence.validFrom,
          validUntil: capabilityEvidence.validUntil,
          note: capabilityEvidence.note,
          issuer: capabilityEvidence.issuer,
          fileId: capabilityEvidence.fileId,
          signoffRelation: capabilityEvidence.signoffRelation,
          byName: people.name,
        })
        .from(capabilityEvidence)
        .innerJoin(ranked, eq(ranked.id, capabilityEvidence.id))
        .leftJoin(people, eq(people.id, capabilityEvidence.createdById))
        .where(lte(ranked.rn, EVIDENCE_SHOWN))
        .orderBy(desc(capabilityEvidence.validFrom), desc(capabilityEvidence.id))
        .all()
    : [];
  const byKey = new Map<string, EvidenceView[]>();
  for (const { key, ...e } of evidenceRows) byKey.set(key, [...(byKey.get(key) ?? []), e]);

  const counts: Record<CellState, number> = { ready: 0, expiring: 0, gap: 0, training: 0 };
  const line = (key: string): CapabilityLine => {
    const rec = needs?.capabilities.get(key);
    const h = held?.get(key);
    const cell = h?.cell ?? "gap";
    return {
      key,
      name: rec?.name ?? key,
      kind: rec?.kind ?? "technical",
      validityMonths: rec?.validityMonths ?? null,
      holding: h?.holding ?? { state: "none", until: null },
      cell,
      evidence: byKey.get(key) ?? [],
    };
  };
  for (const k of keys) counts[line(k).cell] += 1;

  const trainingWhere = and(eq(trainingAssignments.personId, person.id), eq(trainingAssignments.status, "open"));
  const total = db.select({ n: count() }).from(trainingAssignments).where(trainingWhere).get()?.n ?? 0;
  const { page, pageCount, offset } = pageOf(total, opts.trainingPage, TRAINING_PAGE_SIZE);
  const training = db
    .select({ id: trainingAssignments.id, courseId: courses.id, title: courses.title, dueDate: trainingAssignments.dueDate })
    .from(trainingAssignments)
    .innerJoin(courses, eq(courses.id, trainingAssignments.courseId))
    .where(trainingWhere)
    .orderBy(asc(trainingAssignments.dueDate), asc(trainingAssignments.id))
    .limit(TRAINING_PAGE_SIZE)
    .offset(offset)
    .all()
    .map((t) => ({ ...t, overdue: t.dueDate < today }));

  return {
    person: { id: person.id, name: person.name, roleTitle: person.roleTitle, roleSlug: person.roleSlug },
    isSelf: person.id === actor.id,
    responsibilities: (role?.responsibilities ?? []).map((r) => ({ key: r.key, title: r.title, capabilities: r.capabilityKeys.map(line) })),
    needed: keys.map((k) => ({ key: k, name: needs?.capabilities.get(k)?.name ?? k })),
    counts,
    signoffAs: signoffRelation(actor, person.id),
    mayAddCertificate: mayAddCertificate(actor, person.id),
    training: { rows: training, total, page, pageCount, pageSize: TRAINING_PAGE_SIZE },
  };
}

/** Whether the actor may open this person's capability page (for a link on the person's page). */
export function mayOpenCapabilities(actor: Actor, personId: number): boolean {
  return mayViewCapabilities(actor, personId);
}
