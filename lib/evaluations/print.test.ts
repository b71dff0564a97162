import { eq } from "drizzle-orm";
import { createFormatter, createTranslator } from "next-intl";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { evaluationEntries, people } from "@/db/schema";
import { NotFoundError } from "@/lib/core/errors";
import { renderEvaluationPdf } from "@/lib/evaluations/pdf";
import { evaluationForPrint, printFileName } from "@/lib/evaluations/print";
import { insertEvaluation } from "@/lib/test/evaluations";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import tr from "@/i18n/messages/tr.json";

const EMPLOYEE = "employee@example.com";
const SUPERVISOR = "supervisor@example.com";
let released = 0;
let asked = 0;
let draft = 0;

const personId = (email: string) => getDb().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}

beforeAll(async () => {
  await useSeededTestDb();
  released = insertEvaluation({ personEmail: EMPLOYEE, authorEmail: SUPERVISOR, status: "answered", periodEnd: "2026-11-30" });
  asked = insertEvaluation({ personEmail: EMPLOYEE, authorEmail: SUPERVISOR, status: "self_assessment" });
  draft = insertEvaluation({ personEmail: EMPLOYEE, authorEmail: SUPERVISOR, status: "draft" });
  getDb()
    .insert(evaluationEntries)
    .values([
      { evaluationId: released, authorId: personId(EMPLOYEE), kind: "question", body: "Müşteri şikâyetleri için ne yapmalıyım?", createdAt: "2026-12-01T09:00:00.000Z" },
      { evaluationId: released, authorId: personId(SUPERVISOR), kind: "answer", body: "İlk hafta içinde geri dön.", createdAt: "2026-12-01T10:30:00.000Z" },
    ])
    .run();
});

describe("an evaluation for print", () => {
  it("gives the employee their released evaluation without the private note", () => {
    const ev = evaluationForPrint(actorFor(EMPLOYEE), released);
    expect(ev.privateNote).toBeNull();
    expect(JSON.stringify(ev)).not.toContain("Private: discuss the promotion");
    expect(ev.personName).toBe("Elif Yılmaz");
    expect(ev.authorName).toBe("Sven de Vries");
    expect(ev.entries.map((e) => e.kind)).toEqual(["question", "answer"]);
    expect(ev.responsibilities.flatMap((r) => r.criteria).every((c) => c.level?.code === "meets" && c.comment === "Meets the standard.")).toBe(true);
  });

  it("gives the author and the manager above them the private note", () => {
    expect(evaluationForPrint(actorFor(SUPERVISOR), released).privateNote).toBe("Private: discuss the promotion next spring.");
    expect(evaluationForPrint(actorFor("manager@example.com"), released).privateNote).toBe("Private: discuss the promotion next spring.");
  });

  it("shows a draft to its author, never to the employee (not even when asked for a self-assessment)", () => {
    expect(evaluationForPrint(actorFor(SUPERVISOR), draft).released).toBe(false);
    expect(thrown(() => evaluationForPrint(actorFor(EMPLOYEE), draft))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => evaluationForPrint(actorFor(EMPLOYEE), asked))).toBeInstanceOf(NotFoundError);
  });

  it("is not found for a peer, the buddy of someone else, and a missing id", () => {
    expect(thrown(() => evaluationForPrint(actorFor("newhire@example.com"), released))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => evaluationForPrint(actorFor("thomas.bakker@example.com"), released))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => evaluationForPrint(actorFor(SUPERVISOR), 999_999))).toBeInstanceOf(NotFoundError);
  });

  it("names the file after the person and the period's end, in plain ASCII", () => {
    expect(printFileName({ personName: "Elif Yılmaz", periodEnd: "2026-11-30" })).toBe("evaluation-elif-yilmaz-2026-11-30.pdf");
    expect(printFileName({ personName: "Jānis Ozoliņš", periodEnd: "2026-06-30" })).toBe("evaluation-janis-ozolins-2026-06-30.pdf");
  });
});

describe("the PDF", () => {
  it("is a PDF in Turkish with an embedded font that has the Turkish letters", async () => {
    const ev = evaluationForPrint(actorFor(EMPLOYEE), released);
    const t = createTranslator({ locale: "tr", messages: tr, namespace: "evaluations" }) as unknown as (key: string, values?: Record<string, string | number>) => string;
    const format = createFormatter({ locale: "tr", timeZone: "Europe/Istanbul" });
    const bytes = await renderEvaluationPdf(ev, { t, format, locale: "tr", timeZone: "Europe/Istanbul", compress: false });
    const text = bytes.toString("latin1");
    expect(text.startsWith("%PDF-")).toBe(true);
    expect(text).toMatch(/\/FontFile2/);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    // The glyphs drawn map back to these letters (the font's ToUnicode map, hex UTF-16): ş ı İ ğ ü ö ç.
    const unicode = [...text.matchAll(/<([0-9a-f]{4})>/g)].map((m) => m[1]);
    for (const letter of ["ş", "ı", "ğ", "ü", "ç", "Ö"]) expect(unicode, letter).toContain(letter.charCodeAt(0).toString(16).padStart(4, "0"));
    // The title is in Turkish (the document information dictionary: UTF-16BE with its byte-order mark).
    const title = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("Değerlendirme: Elif Yılmaz", "utf16le").swap16()]);
    expect(bytes.includes(title)).toBe(true);
  });
});
