import "server-only";
import { and, asc, count, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { evaluationRatings, organisation, ratingLevels } from "@/db/schema";
import { audit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { ConflictError, FieldError } from "@/lib/core/errors";
import { LOCALES, type Locale } from "@/lib/people/vocabulary";

/** One level of the organisation's rating scale, in the order lowest first. */
export type RatingLevel = {
  id: number;
  /** 1…n: the level's value in averages and trends. */
  position: number;
  /** A default level's code: its name and meaning are messages (evaluations.level.<code>). */
  code: string | null;
  /** HR's own wording per locale; wins over the default messages. */
  labels: Partial<Record<Locale, string>>;
  meanings: Partial<Record<Locale, string>>;
};

/** The scale, lowest level first (a handful of rows; readable by everyone who is evaluated). */
export function ratingScale(): RatingLevel[] {
  return getDb()
    .select()
    .from(ratingLevels)
    .orderBy(asc(ratingLevels.position))
    .all()
    .map((l) => ({ id: l.id, position: l.position, code: l.code, labels: JSON.parse(l.labels), meanings: JSON.parse(l.meanings) }));
}

/** Translations of the "evaluations" messages (any next-intl translator fits). */
type Translate = (key: string) => string;

/** A level's name and meaning in the reader's language: HR's wording, else the default level's message, else English wording. */
export function levelText(level: RatingLevel, locale: Locale, t: Translate): { name: string; meaning: string } {
  const pick = (own: Partial<Record<Locale, string>>, field: "name" | "meaning") =>
    own[locale] || (level.code ? t(`level.${level.code}.${field}`) : "") || own.en || Object.values(own).find(Boolean) || "";
  return { name: pick(level.labels, "name"), meaning: pick(level.meanings, "meaning") };
}

// ---------- HR edits the scale ----------

/** The most levels a scale may have, and the fewest. */
export const SCALE_MAX_LEVELS = 10;
export const SCALE_MIN_LEVELS = 2;
/** A level's name and its short meaning, per language. */
export const LEVEL_NAME_MAX = 80;
export const LEVEL_MEANING_MAX = 300;

/** A level as HR edits it: an existing one (`id`) or a new one (`id` null); `remove` marks it for removal. */
export type LevelInput = {
  id: number | null;
  labels: Partial<Record<Locale, string>>;
  meanings: Partial<Record<Locale, string>>;
  remove?: boolean;
};

export type ScaleForEdit = {
  revision: number;
  levels: (RatingLevel & { used: number })[];
};

/** The scale for HR's editor: every level with how many ratings use it, and the revision it was loaded at. */
export function ratingScaleForEdit(actor: Actor): ScaleForEdit {
  authorize(actor, "organisation.manage", { type: "organisation", id: 1 });
  const db = getDb();
  const used = new Map(
    db
      .select({ levelId: evaluationRatings.levelId, n: count() })
      .from(evaluationRatings)
      .where(isNotNull(evaluationRatings.levelId))
      .groupBy(evaluationRatings.levelId)
      .all()
      .map((r) => [r.levelId!, r.n]),
  );
  const org = db.select({ revision: organisation.scaleRevision }).from(organisation).where(eq(organisation.id, 1)).get();
  return { revision: org?.revision ?? 1, levels: ratingScale().map((l) => ({ ...l, used: used.get(l.id) ?? 0 })) };
}

/** Only the locales' non-empty, trimmed texts. */
function cleanTexts(texts: Partial<Record<Locale, string>>): Partial<Record<Locale, string>> {
  const out: Partial<Record<Locale, string>> = {};
  for (const locale of LOCALES) {
    const v = texts[locale]?.trim();
    if (v) out[locale] = v;
  }
  return out;
}

/** "Needs improvement, Meets expectations, …": the scale in English words, for the audit entry. */
function scaleWords(levels: { code: string | null; labels: Partial<Record<Locale, string>> }[]): string {
  return levels.map((l) => l.labels.en || l.code || Object.values(l.labels).find(Boolean) || "?").join(", ");
}

/**
 * HR replaces the organisation's scale with `levels`, lowest first: existing levels keep their id
 * (and code), new ones are added, levels marked `remove` (or left out) are deleted. A level any
 * rating uses cannot be removed: refused next to it ("levels.<i>", with the count), nothing written.
 * At least two levels remain; a level without a default (code) needs a name and a meaning in at
 * least one language. Positions are renumbered 1…n in one transaction. `revision` is the scale's
 * revision the editor was loaded at (`organisation.scaleRevision`): a stale one is a conflict.
 */
export function updateRatingScale(actor: Actor, revision: number, levels: LevelInput[]): { revision: number } {
  authorize(actor, "organisation.manage", { type: "organisation", id: 1 });
  const db = getDb();
  return db.transaction((tx) => {
    const current = tx.select().from(ratingLevels).all();
    const byId = new Map(current.map((l) => [l.id, l]));
    const seen = new Set<number>();
    for (const l of levels) {
      // A level that no longer exists, or twice: the editor was loaded before someone else's change.
      if (l.id !== null && (!byId.has(l.id) || seen.has(l.id))) throw new ConflictError();
      if (l.id !== null) seen.add(l.id);
    }
    const org = tx.select({ revision: organisation.scaleRevision }).from(organisation).where(eq(organisation.id, 1)).get();
    if (!org || org.revision !== revision) throw new ConflictError();

    const kept = levels.filter((l) => !l.remove).map((l) => ({ ...l, labels: cleanTexts(l.labels), meanings: cleanTexts(l.meanings) }));
    const removed = [...levels.filter((l) => l.remove && l.id !== null).map((l) => l.id!), ...current.filter((l) => !seen.has(l.id)).map((l) => l.id)];
    const errors: Record<string, string> = {};
    const values: Record<string, Record<string, number>> = {};
    if (removed.length) {
      const usage = tx
        .select({ levelId: evaluationRatings.levelId, n: count() })
        .from(evaluationRatings)
        .where(inArray(evaluationRatings.levelId, removed))
        .groupBy(evaluationRatings.levelId)
        .all();
      for (const u of usage) {
        const i = levels.findIndex((l) => l.id === u.levelId);
        const field = i >= 0 ? `levels.${i}` : "levels";
        errors[field] = "levelInUse";
        values[field] = { count: u.n };
      }
    }
    levels.forEach((l, i) => {
      if (l.remove) return;
      const code = l.id !== null ? byId.get(l.id)!.code : null;
      const labels = cleanTexts(l.labels);
      const meanings = cleanTexts(l.meanings);
      const tooLong = Object.values(labels).some((v) => v.length > LEVEL_NAME_MAX) || Object.values(meanings).some((v) => v.length > LEVEL_MEANING_MAX);
      if (tooLong) errors[`levels.${i}`] ??= "levelTextTooLong";
      else if (!code && (!Object.keys(labels).length || !Object.keys(meanings).length)) errors[`levels.${i}`] ??= "levelNeedsWords";
    });
    if (kept.length < SCALE_MIN_LEVELS) errors.levels ??= "scaleTooFew";
    if (kept.length > SCALE_MAX_LEVELS) errors.levels ??= "scaleTooMany";
    if (Object.keys(errors).length) throw new FieldError(errors, values);

    const now = new Date().toISOString();
    if (removed.length) tx.delete(ratingLevels).where(inArray(ratingLevels.id, removed)).run();
    kept.forEach((l, i) => {
      const set = { position: i + 1, labels: JSON.stringify(l.labels), meanings: JSON.stringify(l.meanings), updatedAt: now };
      if (l.id !== null) tx.update(ratingLevels).set(set).where(eq(ratingLevels.id, l.id)).run();
      else tx.insert(ratingLevels).values({ ...set, code: null, createdAt: now }).run();
    });
    const bumped = tx
      .update(organisation)
      .set({ scaleRevision: sql`${organisation.scaleRevision} + 1` })
      .where(and(eq(organisation.id, 1), eq(organisation.scaleRevision, revision)))
      .run();
    if (bumped.changes === 0) throw new ConflictError();
    const before = [...current].sort((a, b) => a.position - b.position).map((l) => ({ code: l.code, labels: JSON.parse(l.labels) }));
    const after = kept.map((l) => ({ code: l.id !== null ? byId.get(l.id)!.code : null, labels: l.labels }));
    audit(
      {
        actorId: actor.id,
        action: "organisation.update",
        entityType: "organisation",
        entityId: 1,
        detail: { changes: { ratingScale: { from: scaleWords(before), to: scaleWords(after) } }, levels: kept.length, removed: removed.length },
      },
      tx,
    );
    return { revision: revision + 1 };
  });
}
