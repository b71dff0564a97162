import "server-only";
import path from "node:path";
import PDFDocument from "pdfkit";
import type { DateTimeFormatOptions } from "next-intl";
import { formatDay, formatInstant } from "@/lib/core/format-dates";
import type { EvaluationPrint } from "@/lib/evaluations/print";
import { levelText } from "@/lib/evaluations/scale";
import type { Locale } from "@/lib/people/vocabulary";

/** Translations of the "evaluations" messages (next-intl's getTranslations / createTranslator). */
type Translate = (key: string, values?: Record<string, string | number>) => string;
type Formatter = { dateTime: (value: Date, options?: DateTimeFormatOptions) => string };

/**
 * DejaVu Sans, shipped with the app by the dejavu-fonts-ttf package: it has every letter of the six
 * languages (ş ğ ı İ, ā ē ī ū ķ ļ ņ, ą ę ė į ų, ț ș ă â î, č š ž), which the standard PDF fonts lack.
 * Read from the project's node_modules at run time (pdfkit is a server external package).
 */
export function pdfFontPath(weight: "regular" | "bold"): string {
  return path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf", weight === "bold" ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf");
}

const MM = 72 / 25.4;
const MARGIN = 16 * MM;
const GREY = "#475569";
const INK = "#0f172a";

/**
 * The evaluation as an A4 PDF in the reader's language: header, each responsibility's criteria with
 * what good looks like, rating and comment, then summary, strengths, improvements, the private note
 * (when the reader may see it) and what happened after release, with times in the reader's zone.
 */
export function renderEvaluationPdf(
  ev: EvaluationPrint,
  opts: { t: Translate; format: Formatter; locale: Locale; timeZone: string; compress?: boolean },
): Promise<Buffer> {
  const { t, format, locale, timeZone } = opts;
  const regular = pdfFontPath("regular");
  const bold = pdfFontPath("bold");
  const title = t("print.documentTitle", { name: ev.personName });
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    font: regular,
    compress: opts.compress ?? true,
    bufferPages: true,
    lang: locale,
    displayTitle: true,
    info: { Title: title, Author: ev.authorName ?? "", Subject: ev.organisationName, Creator: "Rolebook" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("body", regular);
  doc.registerFont("bold", bold);
  const width = doc.page.width - 2 * MARGIN;
  const day = (d: string) => formatDay(format, d, { dateStyle: "long" });
  const instant = (i: string) => formatInstant(format, i, timeZone);

  /** Starts a new page unless `height` points still fit (a criterion block is never cut). */
  const keep = (height: number) => {
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
  };
  const heading = (text: string, size = 13) => {
    keep(size * 3);
    doc.moveDown(0.6).font("bold").fontSize(size).fillColor(INK).text(text, { width });
    doc.moveDown(0.3);
  };
  const para = (text: string, o: { size?: number; color?: string; font?: string } = {}) =>
    doc
      .font(o.font ?? "body")
      .fontSize(o.size ?? 10)
      .fillColor(o.color ?? INK)
      .text(text, { width });
  const bullets = (items: string[]) => {
    if (!items.length) para("—");
    for (const item of items) doc.font("body").fontSize(10).fillColor(INK).list([item], { width, bulletRadius: 1.5, textIndent: 10 });
  };

  // Header
  para(ev.organisationName, { size: 9, color: GREY });
  doc.moveDown(0.2).font("bold").fontSize(18).fillColor(INK).text(title, { width });
  doc.moveDown(0.5);
  const facts: [string, string][] = [
    [t("print.person"), ev.personName],
    [t("print.role"), t("print.roleVersion", { title: ev.roleTitle, version: ev.versionNumber })],
    [t("print.period"), `${day(ev.periodStart)} – ${day(ev.periodEnd)}`],
    [t("print.kind"), t(`history.kind.${ev.kind}`)],
    [t("print.author"), ev.authorName ?? "—"],
    [t("print.released"), ev.releasedAt ? instant(ev.releasedAt) : t("print.notReleased")],
    [t("print.status"), ev.status === "closed" && ev.outcome ? t(`history.outcome.${ev.outcome}`) : t(`history.status.${ev.status}`)],
  ];
  for (const [label, value] of facts) {
    doc.font("bold").fontSize(10).fillColor(GREY).text(`${label}: `, { continued: true, width });
    doc.font("body").fillColor(INK).text(value);
  }

  // Ratings, per responsibility
  for (const r of ev.responsibilities) {
    heading(r.title);
    for (const c of r.criteria) {
      const rating = c.level ? levelText(c.level, locale, t) : null;
      const lines = [
        c.criterion,
        `${t("print.good")}: ${c.good}`,
        `${t("print.rating")}: ${rating ? rating.name : t("print.notRated")}`,
        c.comment ? `${t("print.comment")}: ${c.comment}` : "",
      ].filter(Boolean);
      doc.font("body").fontSize(10);
      keep(lines.reduce((h, l) => h + doc.heightOfString(l, { width }) + 2, 12));
      para(c.criterion, { font: "bold" });
      para(`${t("print.good")}: ${c.good}`, { size: 9, color: GREY });
      doc.font("bold").fontSize(10).fillColor(INK).text(`${t("print.rating")}: `, { continued: true, width });
      doc.font("body").text(rating ? rating.name : t("print.notRated"));
      if (c.comment) para(c.comment);
      doc.moveDown(0.6);
    }
  }

  heading(t("print.summary"));
  para(ev.summary || "—");
  heading(t("print.strengths"));
  bullets(ev.strengths);
  heading(t("print.improvements"));
  bullets(ev.improvements);
  if (ev.privateNote) {
    heading(t("print.privateNote"));
    para(ev.privateNote);
  }
  if (ev.entries.length) {
    heading(t("print.afterRelease"));
    for (const e of ev.entries) {
      const meta = `${t(`history.entry.${e.kind}`)} · ${e.authorName ?? "—"} · ${instant(e.createdAt)}`;
      doc.font("body").fontSize(10);
      keep(doc.heightOfString(meta, { width }) + (e.body ? doc.heightOfString(e.body, { width }) : 0) + 10);
      para(meta, { font: "bold", size: 9, color: GREY });
      if (e.body) para(e.body);
      doc.moveDown(0.5);
    }
  }

  // Footer on every page: who and which page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font("body")
      .fontSize(8)
      .fillColor(GREY)
      .text(`${ev.personName} · ${t("print.pageOf", { page: i + 1, pageCount: range.count })}`, MARGIN, doc.page.height - MARGIN / 2 - 8, {
        width,
        align: "right",
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
