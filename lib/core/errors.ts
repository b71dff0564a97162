/**
 * Expected failures. Lib functions throw these; the action wrapper turns them into
 * `{ ok: false, error, fieldErrors }` and pages turn NotFoundError into the 404 page.
 * `error` and field messages are translation keys under "errors".
 */
export class NotFoundError extends Error {
  readonly code = "notFound";
  constructor(what = "record") {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

export class ForbiddenError extends Error {
  readonly code = "forbidden";
  constructor(readonly permission: string) {
    super(`forbidden: ${permission}`);
    this.name = "ForbiddenError";
  }
}

export class ConflictError extends Error {
  readonly code = "conflict";
  constructor() {
    super("conflict: the record changed since it was loaded");
    this.name = "ConflictError";
  }
}

/**
 * A business-rule failure tied to fields, e.g. a duplicate email. Values are "errors.*" keys;
 * `values` fills in a field's message (e.g. {levels.2: {count: 3}} for "used by 3 ratings").
 */
export class FieldError extends Error {
  readonly code = "invalid";
  constructor(
    readonly fieldErrors: Record<string, string>,
    readonly values: Record<string, Record<string, string | number>> = {},
  ) {
    super("invalid input");
    this.name = "FieldError";
  }
}

/** A failure with a message for the whole form; `key` is under "errors", `values` fill it in. */
export class ActionError extends Error {
  readonly code = "action";
  constructor(
    readonly key: string,
    readonly values: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = "ActionError";
  }
}
