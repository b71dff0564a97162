import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { concernAddressees, concernAuthors, concernMessages, concerns, people, pulseAnswers } from "@/db/schema";
import type { ConcernAudience, ConcernStatus } from "@/lib/confidence/vocabulary";
import { hashReceiptCode, newReceiptCode } from "@/lib/concerns/receipt";

const personId = (email: string) => getDb().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Test fixture: a concern written straight to the database (no rules checked), addressed to
 * `addresseeEmails`, by `authorEmail` (named) or anonymously (then its receipt `code` is returned).
 * `answer`: an addressee's first reply (the first addressee's). Returns its id.
 */
export function insertConcern(opts: {
  authorEmail?: string;
  anonymous?: boolean;
  audience?: ConcernAudience;
  addresseeEmails: string[];
  body?: string;
  status?: ConcernStatus;
  jobRoleId?: number | null;
  responsibilityKey?: string | null;
  createdOn?: string;
  answer?: string;
}): { id: string; code: string | null } {
  const db = getDb();
  const anonymous = opts.anonymous ?? !opts.authorEmail;
  const id = randomUUID();
  const code = anonymous ? newReceiptCode() : null;
  const createdOn = opts.createdOn ?? today();
  const status = opts.status ?? (opts.answer ? "answered" : "open");
  db.transaction((tx) => {
    tx.insert(concerns)
      .values({
        id,
        anonymous,
        audience: opts.audience ?? "manager",
        jobRoleId: opts.jobRoleId ?? null,
        responsibilityKey: opts.responsibilityKey ?? null,
        body: opts.body ?? "A concern from a test.",
        status,
        receiptHash: code ? hashReceiptCode(code) : null,
        createdOn,
        waitingSince: status === "open" ? createdOn : null,
      })
      .run();
    if (!anonymous) tx.insert(concernAuthors).values({ concernId: id, personId: personId(opts.authorEmail!) }).run();
    for (const email of opts.addresseeEmails) tx.insert(concernAddressees).values({ concernId: id, personId: personId(email), addedOn: createdOn }).run();
    tx.insert(concernMessages)
      .values({ id: randomUUID(), concernId: id, seq: 1, fromAuthor: true, personId: anonymous ? null : personId(opts.authorEmail!), body: opts.body ?? "A concern from a test.", createdAt: anonymous ? createdOn : new Date().toISOString() })
      .run();
    if (opts.answer)
      tx.insert(concernMessages)
        .values({ id: randomUUID(), concernId: id, seq: 2, fromAuthor: false, personId: personId(opts.addresseeEmails[0]!), body: opts.answer, createdAt: new Date().toISOString() })
        .run();
  });
  return { id, code };
}

/** Test fixture: `n` pulse answers for a role (and team) in a month, every item scored `score`. */
export function insertPulseAnswers(opts: { jobRoleId: number; teamId?: number | null; month: string; n: number; score?: number; leastClearKey?: string | null }): void {
  const s = opts.score ?? 4;
  const rows = Array.from({ length: opts.n }, () => ({
    id: randomUUID(),
    jobRoleId: opts.jobRoleId,
    teamId: opts.teamId ?? null,
    month: opts.month,
    expected: s,
    how: s,
    wrong: s,
    judged: s,
    resources: s,
    leastClearKey: opts.leastClearKey ?? null,
  }));
  if (rows.length) getDb().insert(pulseAnswers).values(rows).run();
}
