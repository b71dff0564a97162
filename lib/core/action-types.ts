export type FieldErrors = Record<string, string>;
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors: FieldErrors };
