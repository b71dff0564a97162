import { eq } from "drizzle-orm";
import { beforeAll, expect } from "vitest";
import { getDb } from "@/db/client";
import { capabilities, capabilityEvidence, courses } from "@/db/schema";
import { courseForEdit, createCourse, fileForViewer, getCourse, listCourses, searchCapabilitiesForCourse, updateCourse, uploadCourseImage, type CourseInput } from "@/lib/capability/courses";
import { storeFile } from "@/lib/files/store";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { EMP, forbidden, HR, idOf, MGR, NORA, notFound, refusals, SEED_TIMEOUT, STRANGER, SUP, type RefusalCase } from "@/lib/test/refusals";

/** The training catalog (issue 11, point 2): reading, writing, image uploads and the /files door. */

const TECH = "mehmet.kaya@example.com";
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const PDF = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");

let hrCourse = 0;
let mgrCourse = 0;
let imageId = "";
let certificateId = "";

const courseId = (title: string) => getDb().select({ id: courses.id }).from(courses).where(eq(courses.title, title)).get()!.id;
const rev = (id: number) => getDb().select({ revision: courses.revision }).from(courses).where(eq(courses.id, id)).get()!.revision;
const hvKey = () => getDb().select({ key: capabilities.key }).from(capabilities).where(eq(capabilities.name, "Valid HV qualification for hybrid and electric work")).get()!.key;
const input = (over: Partial<CourseInput> = {}): CourseInput => ({ title: "Refusal course", kind: "technical", summary: "", content: "Text.", estimatedMinutes: 10, capabilities: [], ...over });

beforeAll(async () => {
  await useSeededTestDb();
  hrCourse = courseId("Brake system diagnosis");
  mgrCourse = courseId("Handling an angry customer");
  imageId = uploadCourseImage(actorFor(HR), { bytes: PNG, name: "a.png" }).id;
  const now = new Date().toISOString();
  certificateId = getDb().transaction((tx) => storeFile(tx, { bytes: PDF, mime: "application/pdf", purpose: "certificate", originalName: "hv.pdf", uploadedById: idOf(TECH), now }));
  getDb().insert(capabilityEvidence).values({ personId: idOf(TECH), capabilityKey: hvKey(), kind: "certificate", fileId: certificateId, issuer: "TÜV", validFrom: "2026-01-01", createdAt: now }).run();
}, SEED_TIMEOUT);

const COURSE = (id: () => number) => () => ({ type: "course", id: id() });
const denied = (type: string, id: () => string | number, rule: string) => () => ({ type, id: id(), detail: { rule } });

const cases: RefusalCase[] = [
  // Reading: everyone signed in with a known app role.
  ...forbidden("listCourses", [STRANGER], (a) => listCourses(a, {}), "courses.read", () => ({ type: "course" })),
  ...forbidden("getCourse", [STRANGER], (a) => getCourse(a, hrCourse), "courses.read", COURSE(() => hrCourse)),
  { ...notFound("getCourse: a course that does not exist", EMP, (a) => getCourse(a, 999_999), null) },

  // Writing: HR and managers only; a manager only their own courses.
  ...forbidden("createCourse", [SUP, EMP, NORA, STRANGER], (a) => createCourse(a, input()), "courses.write", () => ({ type: "course" })),
  ...forbidden("courseForEdit", [SUP, EMP], (a) => courseForEdit(a, mgrCourse), "courses.write", COURSE(() => mgrCourse)),
  ...forbidden("updateCourse", [SUP, EMP], (a) => updateCourse(a, mgrCourse, rev(mgrCourse), input()), "courses.write", COURSE(() => mgrCourse)),
  { ...notFound("courseForEdit: a manager may not open HR's course", MGR, (a) => courseForEdit(a, hrCourse), null), denied: denied("course", () => hrCourse, "mayEditCourse") },
  { ...notFound("updateCourse: a manager may not change HR's course", MGR, (a) => updateCourse(a, hrCourse, rev(hrCourse), input()), null), denied: denied("course", () => hrCourse, "mayEditCourse") },
  { ...notFound("updateCourse: a course that does not exist", HR, (a) => updateCourse(a, 999_999, 1, input()), null) },
  ...forbidden("searchCapabilitiesForCourse", [SUP, EMP], (a) => searchCapabilitiesForCourse(a, "hv"), "courses.write", () => ({ type: "capability" })),
  ...forbidden("uploadCourseImage", [SUP, EMP], (a) => uploadCourseImage(a, { bytes: PNG, name: "a.png" }), "courses.write", () => ({ type: "file" })),

  // Files: course images for everyone signed in; certificates for whoever may see the holder's capabilities.
  ...forbidden("fileForViewer (course image)", [STRANGER], (a) => fileForViewer(a, imageId), "courses.read", () => ({ type: "file", id: imageId })),
  { ...notFound("fileForViewer: a colleague may not open a technician's certificate", EMP, (a) => fileForViewer(a, certificateId), null), denied: denied("file", () => certificateId, "mayViewCapabilities") },
  { ...notFound("fileForViewer: the new hire may not open a technician's certificate", NORA, (a) => fileForViewer(a, certificateId), null), denied: denied("file", () => certificateId, "mayViewCapabilities") },
  { ...notFound("fileForViewer: an id that is no file", HR, (a) => fileForViewer(a, "../test.db"), null) },

  // Bad input, refused next to its field with nothing written.
  { name: "createCourse: an unknown capability is refused next to the field", as: HR, call: (a) => createCourse(a, input({ capabilities: ["no-such-capability"] })), expect: "field", fieldErrors: { capabilities: "invalidChoice" } },
  { name: "createCourse: no title and no time", as: MGR, call: (a) => createCourse(a, input({ title: " ", estimatedMinutes: 0 })), expect: "field", fieldErrors: { title: "invalid", estimatedMinutes: "invalid" } },
  { name: "uploadCourseImage: a PDF named .png is refused by content", as: MGR, call: (a) => uploadCourseImage(a, { bytes: PDF, name: "photo.png" }), expect: "field", fieldErrors: { file: "courseImageBadType" } },

  // Allowed: the reads, then the writes last.
  { name: "positive: the certificate's holder opens it", as: TECH, call: (a) => fileForViewer(a, certificateId), expect: (r: { mime: string }) => expect(r.mime).toBe("application/pdf") },
  { name: "positive: the holder's supervisor opens it", as: SUP, call: (a) => fileForViewer(a, certificateId), expect: (r: { mime: string }) => expect(r.mime).toBe("application/pdf") },
  { name: "positive: the new hire sees a course image", as: NORA, call: (a) => fileForViewer(a, imageId), expect: (r: { mime: string }) => expect(r.mime).toBe("image/png") },
  { name: "positive: the new hire reads the catalog", as: NORA, call: (a) => listCourses(a, {}), expect: (r: { total: number }) => expect(r.total).toBe(9) },
  {
    name: "positive: a manager changes the course they wrote",
    as: MGR,
    call: (a) => updateCourse(a, mgrCourse, rev(mgrCourse), input({ title: "Handling an angry customer", capabilities: [hvKey()] })),
    expect: (r: { id: number }) => expect(r.id).toBe(mgrCourse),
    changes: ["courses", "course_capabilities"],
  },
  {
    name: "positive: HR changes a manager's course",
    as: HR,
    call: (a) => updateCourse(a, mgrCourse, rev(mgrCourse), input({ title: "Handling an angry customer (HR edit)" })),
    expect: (r: { id: number }) => expect(r.id).toBe(mgrCourse),
    changes: ["courses", "course_capabilities"],
  },
  {
    name: "positive: a manager adds a course",
    as: MGR,
    call: (a) => createCourse(a, input()),
    expect: (r: { id: number }) => expect(r.id).toBeGreaterThan(0),
    changes: ["courses", "sqlite_sequence"],
  },
];

refusals(cases);
