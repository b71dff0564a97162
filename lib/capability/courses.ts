import "server-only";
import { and, asc, count, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { capabilities, capabilityEvidence, courseCapabilities, courses, quizzes } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { mayEditCourse, mayViewCapabilities } from "@/lib/auth/capability-policy";
import { authorize, can, outOfScope } from "@/lib/auth/policy";
import { ConflictError, FieldError, NotFoundError } from "@/lib/core/errors";
import { NAME_MAX, SEARCH_MAX, TEXT_MAX } from "@/lib/core/limits";
import { pageOf, type Page } from "@/lib/core/pagination";
import { foldForSearch } from "@/lib/core/search-text";
import { likePattern } from "@/lib/capability/records";
import { courseSearchText } from "@/lib/capability/course-search";
import { CAPABILITY_KINDS, COURSE_CAPABILITIES_MAX, COURSE_MINUTES_MAX, type CapabilityKind } from "@/lib/capability/vocabulary";
import { checkUpload, readStoredFile, storeFile } from "@/lib/files/store";
import type { Tx } from "@/lib/roles/documents";
import { textLine, textLines } from "@/lib/core/validation";

/**
 * The training catalog (issue 11, point 2): courses of the three kinds, browsed and searched by
 * everyone (courses.read); written by HR and managers (courses.write), each edit allowed by
 * `mayEditCourse` (HR any course, a manager the ones they wrote). Course images are uploaded files
 * served by /files/<id> (`fileForViewer`).
 */

export const COURSES_PAGE_SIZE = 20;
export const COURSE_SUMMARY_MAX = 1_000;
/** Capabilities offered per search-as-you-type request. */
export const CAPABILITY_SUGGESTIONS = 10;

export type CourseCapability = { key: string; name: string };
export type CourseSummary = {
  id: number;
  title: string;
  kind: CapabilityKind;
  summary: string;
  estimatedMinutes: number;
  capabilities: CourseCapability[];
  hasQuiz: boolean;
};
export type CourseDetail = CourseSummary & { content: string; revision: number; authorId: number | null; mayEdit: boolean };

/** A search box's words as LIKE conditions (every word must appear somewhere in the course). */
function searchCondition(q: string): SQL | undefined {
  const words = foldForSearch(q.slice(0, SEARCH_MAX)).split(" ").filter(Boolean).slice(0, 8);
  if (words.length === 0) return undefined;
  return and(...words.map((w) => sql`${courses.searchText} like ${likePattern(w)} escape '\\'`));
}

/** The capabilities each of these courses builds (canonical records only), by course id. One query. */
function capabilitiesOf(courseIds: number[], db: Pick<Tx, "select"> = getDb()): Map<number, CourseCapability[]> {
  const map = new Map<number, CourseCapability[]>(courseIds.map((id) => [id, []]));
  if (courseIds.length === 0) return map;
  const rows = db
    .select({ courseId: courseCapabilities.courseId, key: capabilities.key, name: capabilities.name })
    .from(courseCapabilities)
    .innerJoin(capabilities, eq(capabilities.key, courseCapabilities.capabilityKey))
    .where(inArray(courseCapabilities.courseId, courseIds))
    .orderBy(asc(capabilities.name))
    .all();
  for (const r of rows) map.get(r.courseId)?.push({ key: r.key, name: r.name });
  return map;
}

const summaryCols = {
  id: courses.id,
  title: courses.title,
  kind: courses.kind,
  summary: courses.summary,
  estimatedMinutes: courses.estimatedMinutes,
  quiz: quizzes.courseId,
};

/** The catalog: every course (everyone signed in), filtered by kind and a search over title, summary and content; paginated. */
export function listCourses(actor: Actor, opts: { q?: string; kind?: CapabilityKind; page?: number } = {}): Page<CourseSummary> {
  authorize(actor, "courses.read", { type: "course" });
  const db = getDb();
  const where = and(opts.kind ? eq(courses.kind, opts.kind) : undefined, opts.q ? searchCondition(opts.q) : undefined);
  const total = db.select({ n: count() }).from(courses).where(where).get()?.n ?? 0;
  const { page, pageCount, offset } = pageOf(total, opts.page, COURSES_PAGE_SIZE);
  const rows = db
    .select(summaryCols)
    .from(courses)
    .leftJoin(quizzes, eq(quizzes.courseId, courses.id))
    .where(where)
    .orderBy(asc(courses.title), asc(courses.id))
    .limit(COURSES_PAGE_SIZE)
    .offset(offset)
    .all();
  const caps = capabilitiesOf(rows.map((r) => r.id));
  return {
    rows: rows.map(({ quiz, ...r }) => ({ ...r, hasQuiz: quiz !== null, capabilities: caps.get(r.id) ?? [] })),
    total,
    page,
    pageCount,
    pageSize: COURSES_PAGE_SIZE,
  };
}

function courseRow(id: number) {
  return getDb()
    .select({ ...summaryCols, content: courses.content, revision: courses.revision, authorId: courses.authorId })
    .from(courses)
    .leftJoin(quizzes, eq(quizzes.courseId, courses.id))
    .where(eq(courses.id, id))
    .get();
}

/** One course to read (everyone signed in), with whether the actor may edit it. */
export function getCourse(actor: Actor, id: number): CourseDetail {
  authorize(actor, "courses.read", { type: "course", id });
  const row = courseRow(id);
  if (!row) throw new NotFoundError("course");
  const { quiz, ...r } = row;
  return { ...r, hasQuiz: quiz !== null, capabilities: capabilitiesOf([id]).get(id) ?? [], mayEdit: mayEditCourse(actor, r) };
}

/** A course as its editor's form starts: refused (not found) unless `mayEditCourse`. */
export function courseForEdit(actor: Actor, id: number): CourseDetail {
  authorize(actor, "courses.write", { type: "course", id });
  const row = courseRow(id);
  if (!row) throw new NotFoundError("course");
  if (!mayEditCourse(actor, row)) throw outOfScope(actor, { type: "course", id }, "mayEditCourse");
  const { quiz, ...r } = row;
  return { ...r, hasQuiz: quiz !== null, capabilities: capabilitiesOf([id]).get(id) ?? [], mayEdit: true };
}

/** May the actor write courses at all (the catalog's "New course" button). */
export function mayWriteCourses(actor: Actor): boolean {
  return can(actor, "courses.write");
}

const trim = (v: unknown) => (typeof v === "string" ? v.trim() : v);
const list = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);

/** What the course form sends. */
export const courseInputSchema = z.object({
  title: textLine(NAME_MAX),
  kind: z.enum(CAPABILITY_KINDS),
  summary: textLines(COURSE_SUMMARY_MAX),
  content: z.preprocess(trim, z.string().max(TEXT_MAX)),
  estimatedMinutes: z.coerce.number().int().min(1).max(COURSE_MINUTES_MAX),
  capabilities: z.preprocess(list, z.array(z.string().min(1).max(200)).max(COURSE_CAPABILITIES_MAX)),
});
export type CourseInput = z.output<typeof courseInputSchema>;

/** The capability keys as stored: each resolved through a merge, every one a real record; otherwise a field error. */
function resolveCapabilityKeys(db: Pick<Tx, "select">, keys: string[]): string[] {
  const wanted = [...new Set(keys)];
  if (wanted.length === 0) return [];
  const rows = db
    .select({ key: capabilities.key, into: capabilities.mergedIntoKey })
    .from(capabilities)
    .where(inArray(capabilities.key, wanted))
    .all();
  if (rows.length !== wanted.length) throw new FieldError({ capabilities: "invalidChoice" });
  return [...new Set(rows.map((r) => r.into ?? r.key))];
}

function parseCourse(input: unknown): CourseInput {
  const parsed = courseInputSchema.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? "_form")] ??= "invalid";
    throw new FieldError(fields);
  }
  return parsed.data;
}

function writeLinks(tx: Tx, courseId: number, keys: string[]): void {
  tx.delete(courseCapabilities).where(eq(courseCapabilities.courseId, courseId)).run();
  if (keys.length) tx.insert(courseCapabilities).values(keys.map((capabilityKey) => ({ courseId, capabilityKey }))).run();
}

/** Adds a course (courses.write); the actor becomes its author. */
export function createCourse(actor: Actor, input: CourseInput): { id: number } {
  authorize(actor, "courses.write", { type: "course" });
  const c = parseCourse(input);
  return getDb().transaction((tx) => {
    const keys = resolveCapabilityKeys(tx, c.capabilities);
    const now = new Date().toISOString();
    const row = tx
      .insert(courses)
      .values({ title: c.title, kind: c.kind, summary: c.summary, content: c.content, estimatedMinutes: c.estimatedMinutes, searchText: courseSearchText(c), authorId: actor.id, createdAt: now, updatedAt: now })
      .returning({ id: courses.id })
      .get();
    writeLinks(tx, row.id, keys);
    return { id: row.id };
  });
}

/** Changes a course (`mayEditCourse`), refusing an edit made on an older revision (conflict). */
export function updateCourse(actor: Actor, id: number, revision: number, input: CourseInput): { id: number; revision: number } {
  authorize(actor, "courses.write", { type: "course", id });
  const db = getDb();
  const row = db.select({ id: courses.id, authorId: courses.authorId }).from(courses).where(eq(courses.id, id)).get();
  if (!row) throw new NotFoundError("course");
  if (!mayEditCourse(actor, row)) throw outOfScope(actor, { type: "course", id }, "mayEditCourse");
  const c = parseCourse(input);
  return db.transaction((tx) => {
    const keys = resolveCapabilityKeys(tx, c.capabilities);
    const done = tx
      .update(courses)
      .set({ title: c.title, kind: c.kind, summary: c.summary, content: c.content, estimatedMinutes: c.estimatedMinutes, searchText: courseSearchText(c), revision: sql`${courses.revision} + 1`, updatedAt: new Date().toISOString() })
      .where(and(eq(courses.id, id), eq(courses.revision, revision)))
      .run();
    if (done.changes !== 1) throw new ConflictError();
    writeLinks(tx, id, keys);
    return { id, revision: revision + 1 };
  });
}

/** Search-as-you-type for the capabilities a course builds (course writers): never merged-away duplicates, at most a handful. */
export function searchCapabilitiesForCourse(actor: Actor, q: string): (CourseCapability & { kind: CapabilityKind })[] {
  authorize(actor, "courses.write", { type: "capability" });
  const text = q.trim().slice(0, SEARCH_MAX);
  if (!text) return [];
  return getDb()
    .select({ key: capabilities.key, name: capabilities.name, kind: capabilities.kind })
    .from(capabilities)
    .where(and(isNull(capabilities.mergedIntoKey), sql`${capabilities.searchName} like ${likePattern(text)} escape '\\'`))
    .orderBy(asc(capabilities.name))
    .limit(CAPABILITY_SUGGESTIONS)
    .all();
}

/** Course images: PNG or JPEG, found by content. */
export const COURSE_IMAGE_TYPES = ["image/png", "image/jpeg"] as const;

/** Stores an image for a course's content (courses.write); returns the id to write as `![alt](/files/<id>)`. */
export function uploadCourseImage(actor: Actor, file: { bytes: Uint8Array; name: string }): { id: string } {
  authorize(actor, "courses.write", { type: "file" });
  const checked = checkUpload(file.bytes, COURSE_IMAGE_TYPES);
  if (!checked.ok) throw new FieldError({ file: checked.problem === "tooLarge" ? "courseImageTooLarge" : checked.problem === "empty" ? "required" : "courseImageBadType" });
  return getDb().transaction((tx) => ({
    id: storeFile(tx, { bytes: file.bytes, mime: checked.mime, purpose: "course_image", originalName: file.name, uploadedById: actor.id, now: new Date().toISOString() }),
  }));
}

/**
 * A stored file for /files/<id>: course images to everyone signed in (courses.read); a certificate
 * only to someone who may see the capabilities of a person it is evidence for
 * (`mayViewCapabilities`). Anything else is not found.
 */
export function fileForViewer(actor: Actor, id: string): { mime: string; bytes: Buffer; name: string } {
  const stored = readStoredFile(id);
  if (!stored) throw new NotFoundError("file");
  const { row, bytes } = stored;
  if (row.purpose === "course_image") {
    authorize(actor, "courses.read", { type: "file", id });
  } else {
    const holders = getDb()
      .select({ personId: capabilityEvidence.personId })
      .from(capabilityEvidence)
      .where(eq(capabilityEvidence.fileId, id))
      .limit(20)
      .all();
    if (!holders.some((h) => mayViewCapabilities(actor, h.personId))) throw outOfScope(actor, { type: "file", id }, "mayViewCapabilities");
  }
  return { mime: row.mime, bytes, name: row.originalName };
}
