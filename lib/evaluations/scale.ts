import "server-only";
import { asc } from "drizzle-orm";
import { getDb } from "@/db/client";
import { ratingLevels } from "@/db/schema";
import type { Locale } from "@/lib/people/vocabulary";

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
