import "server-only";
import { notFound } from "next/navigation";
import { ForbiddenError, NotFoundError } from "@/lib/core/errors";

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

export function pageParam(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n > 0 ? n : 1;
}
