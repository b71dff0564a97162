import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "./client";
import { capabilities, capabilityEvidence, onboardings } from "./schema";
import { storeFile } from "../lib/files/store";
import { addDays, addMonths, validUntil } from "../lib/capability/validity";
import type { SignoffRelation } from "../lib/capability/vocabulary";

/**
 * Demo data for the capability tool (issue 11): evidence. Most technicians hold most of their
 * capabilities through sign-offs by the foreman and certificates (small real PDF files); one HV
 * certificate has expired and two lapse within 30 days; Elif holds most of her Service Advisor
 * capabilities, the new hire Nora only a couple. Runs after the capability records (validity) exist.
 */

const HV = "Valid HV qualification for hybrid and electric work";
const LIFT = "Safe lift operation and manufacturer lifting points";
const TECHNICIAN = [
  "Manufacturer diagnostic tool and guided fault finding",
  "Wiring diagrams, multimeter and oscilloscope",
  "Known faults and technical service bulletins for the brand's models",
  "Manufacturer repair portal and torque specifications",
  "Brand repair certification at the level in the training matrix",
  "Health-check app and short video recording",
  HV,
  LIFT,
  "Warranty tagging rules and the tool-board procedure",
];
const ADVISOR = [
  "Tablet check-in app and DMS booking screens",
  "Asking open questions to pin down intermittent faults",
  "Warning lights and the brand's current model range",
  "Repair orders, labour codes and estimates in the DMS",
  "Explaining findings and prices by phone without pressure",
  "Manufacturer warranty portal and claim coding",
  "Warranty, extended-warranty and mobility-guarantee conditions of the brand",
  "Reading labour and parts lines on a DMS invoice",
  "Presenting costs confidently and handling price objections",
  "Courtesy-car booking in the DMS and the loan agreement",
  "Insurance excess and licence rules for loan cars",
];

/**
 * The HV certificate of each technician: days before today it was issued (null: none). With 24
 * months of validity: Oliver's lapsed 10 days ago, Janis's and Burak's lapse within 30 days.
 */
type Cert = { issuer: string; issuedMonthsAgo: number; extraDays: number };
const HV_CERTS: Record<string, Cert | null> = {
  "mehmet.kaya@example.com": { issuer: "IMI Awards (Level 3 EV)", issuedMonthsAgo: 8, extraDays: 0 },
  "pieter.vandijk@example.com": { issuer: "Innovam (EV-Vakbekwaam)", issuedMonthsAgo: 14, extraDays: 0 },
  "janis.ozolins@example.com": { issuer: "IMI Awards (Level 3 EV)", issuedMonthsAgo: 24, extraDays: -12 },
  "oliver.hughes@example.com": { issuer: "IMI Awards (Level 2 EV)", issuedMonthsAgo: 24, extraDays: 10 },
  "tomas.kazlauskas@example.com": { issuer: "Manufacturer HV academy", issuedMonthsAgo: 3, extraDays: 0 },
  "burak.demir@example.com": { issuer: "TÜV Hochvolt Stufe 2", issuedMonthsAgo: 24, extraDays: -25 },
  "raluca.dumitru@example.com": null,
  "lukas.petrauskas@example.com": null,
};
/** Technical capabilities (by index in TECHNICIAN, HV excluded) each technician has NOT been signed off on yet. */
const TECH_MISSING: Record<string, number[]> = {
  "mehmet.kaya@example.com": [],
  "pieter.vandijk@example.com": [4],
  "janis.ozolins@example.com": [1],
  "oliver.hughes@example.com": [],
  "tomas.kazlauskas@example.com": [2, 4],
  "burak.demir@example.com": [4, 8],
  "raluca.dumitru@example.com": [1, 2, 4, 7],
  "lukas.petrauskas@example.com": [0, 1, 2, 3, 4, 7, 8],
};

/** A small, valid one-page PDF naming the certificate (what a scanned certificate stands in for). */
export function certificatePdf(lines: string[]): Uint8Array {
  const esc = (s: string) => s.replace(/[^\x20-\x7e]/g, "?").replace(/[\\()]/g, (c) => `\\${c}`);
  const text = lines.map((l, i) => `BT /F1 ${i === 0 ? 20 : 12} Tf 72 ${720 - i * 28} Td (${esc(l)}) Tj ET`).join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(text, "latin1")} >>\nstream\n${text}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

export function seedEvidence(today: Date, personIds: Map<string, number>): void {
  const db = getDb();
  const todayIso = today.toISOString().slice(0, 10);
  const id = (email: string) => personIds.get(email);
  const foreman = id("supervisor@example.com");
  const manager = id("manager@example.com");
  if (!foreman || !manager) return;

  // Names → the capability that counts (a duplicate HR merged away resolves to its survivor).
  const rows = db
    .select({ key: capabilities.key, name: capabilities.name, into: capabilities.mergedIntoKey, validityMonths: capabilities.validityMonths })
    .from(capabilities)
    .where(inArray(capabilities.name, [...TECHNICIAN, ...ADVISOR]))
    .all();
  const byKey = new Map(db.select({ key: capabilities.key, validityMonths: capabilities.validityMonths }).from(capabilities).all().map((r) => [r.key, r]));
  const cap = new Map<string, { key: string; months: number | null }>();
  for (const r of rows) {
    const key = r.into ?? r.key;
    if (!cap.has(r.name) || !r.into) cap.set(r.name, { key, months: byKey.get(key)?.validityMonths ?? null });
  }
  const now = `${todayIso}T08:00:00.000Z`;
  type Row = typeof capabilityEvidence.$inferInsert;
  const values: Row[] = [];
  const signoff = (email: string, name: string, by: number, relation: SignoffRelation, daysAgo: number, note: string) => {
    const personId = id(email);
    const c = cap.get(name);
    if (!personId || !c) return;
    const from = addDays(todayIso, -daysAgo);
    values.push({ personId, capabilityKey: c.key, kind: "signoff", signoffRelation: relation, note, validFrom: from, validUntil: validUntil(from, c.months), createdById: by, createdAt: now });
  };

  const notes = [
    "Watched a complete guided fault-finding job from the first reading to the fixed car.",
    "Did the measurement on a live circuit without help and explained what the trace showed.",
    "Found the matching bulletin on the portal before starting the job.",
    "Torqued and documented every fastener to the portal values; checked it myself afterwards.",
    "Holds the brand certificate level the training matrix asks for; checked the record.",
    "Recorded a clear health-check video the customer approved from.",
    "",
    "Set the car on the lift on the marked points and ran the safety checks first.",
    "Tagged the warranty parts and returned every tool to the board.",
  ];
  Object.entries(TECH_MISSING).forEach(([email, missing], p) => {
    TECHNICIAN.forEach((name, i) => {
      if (name === HV || missing.includes(i)) return;
      signoff(email, name, foreman, "supervisor", 40 + ((p * 37 + i * 23) % 160), notes[i]!);
    });
  });
  ADVISOR.forEach((name, i) => {
    if (i === 10) return; // Elif still lacks the loan-car insurance rules.
    signoff("employee@example.com", name, i % 4 === 0 ? manager : foreman, i % 4 === 0 ? "manager" : "supervisor", 60 + i * 19, "Watched Elif do this with a real customer at the desk; nothing to correct.");
  });
  // The new hire: two things her buddy watched her do in her first days.
  const nora = id("newhire@example.com");
  if (nora) {
    const plan = db.select({ buddyId: onboardings.buddyId }).from(onboardings).where(and(eq(onboardings.personId, nora), eq(onboardings.status, "open"))).get();
    const buddy = plan?.buddyId ?? foreman;
    const relation: SignoffRelation = plan?.buddyId ? "buddy" : "supervisor";
    signoff("newhire@example.com", ADVISOR[0]!, buddy, relation, 0, "Checked in two cars with the tablet on her own, photos and all.");
    signoff("newhire@example.com", ADVISOR[2]!, buddy, relation, 0, "Explained the warning lights of a current model to a customer correctly.");
  }

  const hv = cap.get(HV);
  db.transaction((tx) => {
    if (values.length) tx.insert(capabilityEvidence).values(values).run();
    if (!hv) return;
    const months = hv.months ?? 24;
    for (const [email, cert] of Object.entries(HV_CERTS)) {
      const personId = id(email);
      if (!personId || !cert) continue;
      const from = addDays(addMonths(todayIso, -cert.issuedMonthsAgo), -cert.extraDays);
      const fileId = storeFile(tx, {
        bytes: certificatePdf(["High-voltage vehicle qualification", `Issued by ${cert.issuer}`, `Holder: ${email.split("@")[0]}`, `Date of issue: ${from}`, `Valid for ${months} months`]),
        mime: "application/pdf",
        purpose: "certificate",
        originalName: `hv-certificate-${email.split(".")[0]}.pdf`,
        uploadedById: foreman,
        now,
      });
      tx.insert(capabilityEvidence)
        .values({ personId, capabilityKey: hv.key, kind: "certificate", fileId, issuer: cert.issuer, note: "", validFrom: from, validUntil: validUntil(from, months), createdById: foreman, createdAt: now })
        .run();
    }
  });
}
