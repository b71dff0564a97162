import "server-only";
import { notFound } from "next/navigation";
import { ForbiddenError, NotFoundError } from "@/lib/core/errors";
import { SLUG_MAX, SLUG_PATTERN } from "@/lib/core/validation";

/**
 * For pages: runs a lib read and shows the 404 page when the record is absent, out of the
 * person's scope, or behind a permission they lack (a page never confirms that something exists).
 */
export function found<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof NotFoundError || e instanceof ForbiddenError) notFound();
    throw e;
  }
}

/** For ?page=N only: anything that is not a page number is the first page. Never for ids. */
export function pageParam(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/**
 * A text filter in the query (?q=, ?teamName=): trimmed and cut to `max` characters; "" when absent.
 * A repeated parameter (?q=a&q=b, which Next hands over as an array) is its first value, never a crash.
 */
export function textParam(value: string | string[] | undefined, max: number): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first.trim().slice(0, max) : "";
}

/** The shape of a database id in a URL: digits with no sign, no leading zero, no spaces. */
export const ID_PATTERN = /^[1-9][0-9]*$/;

/** A strict id, or null: positive whole number within the safe-integer range, written plainly. */
export function parseId(value: unknown): number | null {
  if (typeof value !== "string" || value.length > 16 || !ID_PATTERN.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : null;
}

/** A strict slug, or null. */
export function parseSlug(value: unknown): string | null {
  return typeof value === "string" && value.length <= SLUG_MAX && SLUG_PATTERN.test(value) ? value : null;
}

/** A route id (`[id]`, `[number]`, or a required id in the query): anything else is the 404 page. */
export function idParam(value: string | string[] | undefined): number {
  return parseId(value) ?? notFound();
}

/** An optional id in the query (a filter): absent or empty is undefined, junk is the 404 page. */
export function optionalIdParam(value: string | string[] | undefined): number | undefined {
  return value === undefined || value === "" ? undefined : idParam(value);
}

/** A route slug (`[slug]`): anything but the shape Rolebook creates is the 404 page. */
export function slugParam(value: string | string[] | undefined): string {
  return parseSlug(value) ?? notFound();
}
