import { eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { capabilities, capabilityEvidence, courseCapabilities, courses, quizzes } from "@/db/schema";
import { courseSearchText } from "@/lib/capability/course-search";
import {
  COURSES_PAGE_SIZE,
  courseForEdit,
  createCourse,
  fileForViewer,
  getCourse,
  listCourses,
  searchCapabilitiesForCourse,
  updateCourse,
  uploadCourseImage,
  type CourseInput,
} from "@/lib/capability/courses";
import { ConflictError, FieldError, ForbiddenError, NotFoundError } from "@/lib/core/errors";
import { storeFile } from "@/lib/files/store";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

const HR = "hr@example.com";
const MGR = "manager@example.com";
const SUP = "supervisor@example.com";
const EMP = "employee@example.com";
const TECH = "mehmet.kaya@example.com";
const HV = "Valid HV qualification for hybrid and electric work";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const PDF = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");

beforeAll(async () => {
  await useSeededTestDb();
}, 120_000);

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}

const capKey = (name: string) => getDb().select({ key: capabilities.key }).from(capabilities).where(eq(capabilities.name, name)).get()!.key;
const courseId = (title: string) => getDb().select({ id: courses.id }).from(courses).where(eq(courses.title, title)).get()!.id;
const input = (over: Partial<CourseInput> = {}): CourseInput => ({
  title: "Tyre fitting basics",
  kind: "technical",
  summary: "Mounting and balancing.",
  content: "Use the **tyre machine** carefully.",
  estimatedMinutes: 20,
  capabilities: [],
  ...over,
});

describe("the seeded catalog", () => {
  it("has nine courses across the three kinds, each building at least one capability", () => {
    const all = listCourses(actorFor(EMP), {});
    expect(all.total).toBe(9);
    expect(new Set(all.rows.map((c) => c.kind))).toEqual(new Set(["technical", "interpersonal", "customer"]));
    for (const c of all.rows) expect(c.capabilities.length, c.title).toBeGreaterThan(0);
  });

  it("links high-voltage vehicle safety to the HV qualification and the quizzed titles exist", () => {
    const hv = getCourse(actorFor(EMP), courseId("High-voltage vehicle safety"));
    expect(hv.capabilities.map((c) => c.name)).toEqual([HV]);
    for (const title of ["Brake system diagnosis", "Explaining an invoice"]) expect(courseId(title)).toBeGreaterThan(0);
  });
});

describe("listCourses", () => {
  it("finds a course by a word only in its content, by its summary, and ignores case and accents", () => {
    const emp = actorFor(EMP);
    expect(listCourses(emp, { q: "oscilloscope" }).rows.map((c) => c.title)).toContain("Electrical fault finding with wiring diagrams");
    expect(listCourses(emp, { q: "LEAP steps" }).rows.map((c) => c.title)).toEqual(["Handling an angry customer"]);
    expect(listCourses(emp, { q: "paid monthly" }).rows.map((c) => c.title)).toEqual(["The brand's service plans"]);
    expect(listCourses(emp, { q: "Öscilloscope" }).total).toBe(listCourses(emp, { q: "oscilloscope" }).total);
    expect(listCourses(emp, { q: "no such words anywhere" }).total).toBe(0);
  });

  it("treats LIKE wildcards in the query as text", () => {
    expect(listCourses(actorFor(EMP), { q: "%" }).total).toBe(0);
    expect(listCourses(actorFor(EMP), { q: "_" }).total).toBe(0);
  });

  it("filters by kind", () => {
    const rows = listCourses(actorFor(EMP), { kind: "interpersonal" }).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((c) => c.kind === "interpersonal")).toBe(true);
  });

  it("marks the courses that end with a quiz", () => {
    const id = courseId("Safe lifting and lifting points");
    expect(listCourses(actorFor(EMP), { q: "safe lifting" }).rows[0].hasQuiz).toBe(false);
    getDb().insert(quizzes).values({ courseId: id, passMark: 80, updatedAt: new Date().toISOString() }).run();
    expect(listCourses(actorFor(EMP), { q: "safe lifting" }).rows[0].hasQuiz).toBe(true);
    expect(getCourse(actorFor(EMP), id).hasQuiz).toBe(true);
    getDb().delete(quizzes).where(eq(quizzes.courseId, id)).run();
  });

  it("paginates", () => {
    const hr = actorFor(HR);
    const before = listCourses(hr, {}).total;
    const made = Array.from({ length: COURSES_PAGE_SIZE + 2 - before }, (_, i) => createCourse(hr, input({ title: `Zz paging ${i}` })).id);
    const first = listCourses(hr, {});
    const second = listCourses(hr, { page: 2 });
    expect(first.rows).toHaveLength(COURSES_PAGE_SIZE);
    expect(second.rows).toHaveLength(2);
    expect(second.pageCount).toBe(2);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(COURSES_PAGE_SIZE + 2);
    getDb().delete(courses).where(eq(courses.title, "Zz paging 0")).run();
    void made;
  });
});

describe("writing courses", () => {
  it("creates a course with its author and links, searchable at once", () => {
    const mgr = actorFor(MGR);
    const { id } = createCourse(mgr, input({ title: "Torque wrench practice", capabilities: [capKey(HV)] }));
    const c = getCourse(mgr, id);
    expect(c).toMatchObject({ title: "Torque wrench practice", authorId: mgr.id, revision: 1, mayEdit: true });
    expect(c.capabilities.map((x) => x.name)).toEqual([HV]);
    expect(listCourses(actorFor(EMP), { q: "tyre machine" }).rows.map((r) => r.id)).toContain(id);
  });

  it("refuses a capability that does not exist, writing nothing", () => {
    const before = listCourses(actorFor(HR), {}).total;
    const e = thrown(() => createCourse(actorFor(HR), input({ title: "Broken", capabilities: ["no-such-key"] })));
    expect(e).toBeInstanceOf(FieldError);
    expect((e as FieldError).fieldErrors).toEqual({ capabilities: "invalidChoice" });
    expect(listCourses(actorFor(HR), {}).total).toBe(before);
  });

  it("links a merged-away duplicate's survivor", () => {
    const db = getDb();
    const survivor = capKey("Safe lift operation and manufacturer lifting points");
    db.insert(capabilities).values({ key: "dup-lift", name: "Lift safety (duplicate)", kind: "technical", searchName: "lift safety (duplicate)", mergedIntoKey: survivor }).run();
    const { id } = createCourse(actorFor(HR), input({ title: "Lift refresher", capabilities: ["dup-lift", survivor] }));
    expect(db.select().from(courseCapabilities).where(eq(courseCapabilities.courseId, id)).all().map((r) => r.capabilityKey)).toEqual([survivor]);
    expect(searchCapabilitiesForCourse(actorFor(HR), "lift safety")).toEqual([]);
  });

  it("refuses an edit made on an older revision", () => {
    const hr = actorFor(HR);
    const { id } = createCourse(hr, input({ title: "Revision test" }));
    expect(updateCourse(hr, id, 1, input({ title: "Revision test 2" }))).toEqual({ id, revision: 2 });
    expect(thrown(() => updateCourse(hr, id, 1, input({ title: "Stale" })))).toBeInstanceOf(ConflictError);
    expect(getCourse(hr, id).title).toBe("Revision test 2");
  });

  it("lets a manager edit only the courses they wrote, and HR any", () => {
    const mgr = actorFor(MGR);
    const own = courseId("Handling an angry customer");
    const hrs = courseId("Brake system diagnosis");
    expect(courseForEdit(mgr, own).mayEdit).toBe(true);
    expect(getCourse(mgr, hrs).mayEdit).toBe(false);
    expect(thrown(() => courseForEdit(mgr, hrs))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => updateCourse(mgr, hrs, 1, input()))).toBeInstanceOf(NotFoundError);
    expect(courseForEdit(actorFor(HR), own).mayEdit).toBe(true);
    expect(getCourse(actorFor(EMP), own).mayEdit).toBe(false);
    expect(thrown(() => createCourse(actorFor(SUP), input()))).toBeInstanceOf(ForbiddenError);
  });

  it("suggests capabilities by name, never merged ones, at most ten", () => {
    const found = searchCapabilitiesForCourse(actorFor(MGR), "hv qualification");
    expect(found.map((c) => c.name)).toEqual([HV]);
    expect(searchCapabilitiesForCourse(actorFor(MGR), "a").length).toBeLessThanOrEqual(10);
    expect(searchCapabilitiesForCourse(actorFor(MGR), "   ")).toEqual([]);
    const all = getDb().select({ key: capabilities.key }).from(capabilities).where(isNull(capabilities.mergedIntoKey)).all();
    expect(all.length).toBeGreaterThan(10);
  });
});

describe("files", () => {
  it("accepts a PNG course image by content and serves it to anyone signed in", () => {
    const { id } = uploadCourseImage(actorFor(MGR), { bytes: PNG, name: "diagram.pdf" });
    const f = fileForViewer(actorFor(EMP), id);
    expect(f.mime).toBe("image/png");
    expect(Buffer.compare(f.bytes, Buffer.from(PNG))).toBe(0);
  });

  it("refuses a PDF or an unknown file as a course image, whatever its name", () => {
    const pdf = thrown(() => uploadCourseImage(actorFor(HR), { bytes: PDF, name: "photo.png" }));
    expect((pdf as FieldError).fieldErrors).toEqual({ file: "courseImageBadType" });
    const text = thrown(() => uploadCourseImage(actorFor(HR), { bytes: new TextEncoder().encode("<svg/>"), name: "a.jpg" }));
    expect((text as FieldError).fieldErrors).toEqual({ file: "courseImageBadType" });
    expect((thrown(() => uploadCourseImage(actorFor(HR), { bytes: new Uint8Array(), name: "a.png" })) as FieldError).fieldErrors).toEqual({ file: "required" });
  });

  it("serves a certificate only to whoever may see the holder's capabilities", () => {
    const db = getDb();
    const tech = actorFor(TECH);
    const fileId = db.transaction((tx) => storeFile(tx, { bytes: PDF, mime: "application/pdf", purpose: "certificate", originalName: "hv.pdf", uploadedById: tech.id, now: new Date().toISOString() }));
    // Not yet evidence for anyone: nobody sees it.
    expect(thrown(() => fileForViewer(actorFor(HR), fileId))).toBeInstanceOf(NotFoundError);
    db.insert(capabilityEvidence).values({ personId: tech.id, capabilityKey: capKey(HV), kind: "certificate", fileId, issuer: "TÜV", validFrom: "2026-01-01", createdAt: new Date().toISOString() }).run();
    expect(fileForViewer(tech, fileId).mime).toBe("application/pdf");
    expect(fileForViewer(actorFor(SUP), fileId).mime).toBe("application/pdf");
    expect(thrown(() => fileForViewer(actorFor(EMP), fileId))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => fileForViewer(actorFor(EMP), "not-a-uuid"))).toBeInstanceOf(NotFoundError);
  });
});

it("folds a course's search text", () => {
  expect(courseSearchText({ title: "Ölçüm", summary: "Bērziņa", content: "A  B" })).toBe("olcum\nberzina\na b".replace(/\n/g, " "));
});
