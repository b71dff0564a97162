export type Page<T> = { rows: T[]; total: number; page: number; pageCount: number; pageSize: number };

/** Clamps a requested page number to the pages that exist. */
export function pageOf(total: number, requested: number | undefined, pageSize: number) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(requested && Number.isFinite(requested) ? requested : 1)), pageCount);
  return { page, pageCount, offset: (page - 1) * pageSize };
}
