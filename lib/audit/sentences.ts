/**
 * How an audit entry reads: a sentence in the reader's language ("Helena Rossi changed Elif
 * Yılmaz's phone and team"). Pure: the page renders it with next-intl's `t.rich`, tests with
 * `t.markup`. Messages live under `audit.sentence.*`, `audit.subject.*`, `audit.field.*`.
 */

/** Every action the app writes to the audit log (a test checks lib/ writes no other). */
export const AUDIT_ACTIONS = [
  "access.denied",
  "access.flagged",
  "access.granted",
  "access.revoked",
  "ack.ask",
  "ack.remind",
  "ack.reply",
  "ack.understood",
  "announcement.publish",
  "auth.signin",
  "capability.merge",
  "capability.update",
  "concern.raised",
  "concern.answered",
  "concern.closed",
  "concern.forwarded",
  "concern.replied",
  "concern.resolved",
  "demo.seed",
  "email.bounceClear",
  "email.retry",
  "evaluation.release",
  "evaluation.self.request",
  "evaluation.self.submit",
  "evaluation.start",
  "evaluation.addendum",
  "evaluation.disagree",
  "evaluation.escalate",
  "evaluation.question",
  "evaluation.reply",
  "evaluation.review",
  "evaluation.understood",
  "evidence.added",
  "evidence.certificateUploaded",
  "evidence.signedOff",
  "faq.delete",
  "feedback.note",
  "faq.publish",
  "faq.save",
  "faq.unpublish",
  "followup.contacted",
  "followup.handed",
  "followup.noted",
  "followup.solved",
  "holiday.add",
  "holiday.remove",
  "invitation.accept",
  "invitation.send",
  "integration.keyCreate",
  "integration.keyRevoke",
  "integration.webhookAdd",
  "integration.webhookRemove",
  "onboarding.checkin",
  "onboarding.close",
  "onboarding.item.add",
  "onboarding.item.done",
  "onboarding.item.remind",
  "onboarding.item.remove",
  "onboarding.item.undone",
  "onboarding.start",
  "organisation.update",
  "person.create",
  "person.deactivate",
  "person.reactivate",
  "person.update",
  "posting.publish",
  "posting.withdraw",
  "pulse.autoSent",
  "pulse.sent",
  "role.customerFacing",
  "role.draft.discard",
  "role.draft.save",
  "role.publish",
  "security.signin",
  "security.signinFailed",
  "security.signinLocked",
  "security.signout",
  "security.sessionRevoked",
  "security.passwordChanged",
  "security.passwordResetRequested",
  "security.passwordReset",
  "security.secondFactorEnrolled",
  "security.secondFactorUsed",
  "security.secondFactorReset",
  "security.secondFactorDisabled",
  "security.ssoSignin",
  "security.ssoRefused",
  "security.setupCompleted",
  "template.item.add",
  "template.item.remove",
  "template.item.update",
  "template.regenerate",
  "thread.proposed",
  "thread.solved",
  "thread.started",
  "training.assigned",
  "transfer.apply",
  "transfer.schedule",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Sign-ins: hidden from the log unless the reader asks for them. */
export const SIGN_IN_PREFIX = "auth.";
/** The frequent security events hidden with them (the rest, e.g. a password change, always show). */
export const SIGN_IN_ACTIONS = ["security.signin", "security.signout", "security.signinFailed"] as const;

/** The record an entry is about, as far as the reader may see it. */
export type AuditSubjectKind = "person" | "role" | "version" | "announcement" | "plan" | "evaluation" | "concern" | "task" | "organisation" | "record";
export type AuditSubject = {
  kind: AuditSubjectKind;
  /** The entry's record type and id as stored. */
  type: string;
  id: string | null;
  /** Display name (a person's name, a role title, an announcement title…); null when the record is gone or out of reach. */
  name: string | null;
  /** The version number, for kind "version". */
  version?: number;
  /** Where the reader can open the record; null when it no longer exists or they may not see it. */
  href: string | null;
};

export type FieldChange = { field: string; from: unknown; to: unknown };

/** The changes an entry records: `{changes: {field: {from, to}}}`; older entries only listed `fields`. */
export function changesOf(detail: Record<string, unknown>): { changes: FieldChange[]; fields: string[] } {
  const raw = detail.changes;
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    const changes = Object.entries(raw as Record<string, unknown>)
      .filter(([, v]) => v && typeof v === "object" && "from" in v && "to" in v)
      .map(([field, v]) => ({ field, from: (v as { from: unknown }).from, to: (v as { to: unknown }).to }));
    // A password reset is a flag (its value is never recorded): named, but without old or new value.
    return { changes, fields: [...changes.map((c) => c.field), ...(detail.signInReset === true ? ["password"] : [])] };
  }
  const fields = Array.isArray(detail.fields) ? detail.fields.filter((f): f is string => typeof f === "string") : [];
  return { changes: [], fields };
}

export function parseDetail(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const KNOWN = new Set<string>(AUDIT_ACTIONS);

/** "person.update" → "personUpdate" (a message key); an action the app does not know → "other". */
export function sentenceKey(action: string, detail: Record<string, unknown> = {}): string {
  if (!KNOWN.has(action)) return "other";
  const key = action.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase());
  if (action === "person.update" && changesOf(detail).fields.length === 0) return "personUpdateNothing";
  return key;
}

/** Field names with a label in `audit.field.*`; others read as "details". */
export const FIELD_LABELS = [
  "name",
  "email",
  "phone",
  "appRole",
  "jobRole",
  "team",
  "reportsTo",
  "startDate",
  "locale",
  "timeZone",
  "password",
  "active",
  "published",
  "location",
  "title",
  "applyEmail",
  "applyUrl",
  "ratingScale",
  "probationDays",
  "evaluationIntervalMonths",
  "pulseMinGroup",
  "customerFacing",
] as const;

export function fieldLabelKey(field: string): string {
  return (FIELD_LABELS as readonly string[]).includes(field) ? field : "other";
}

/** Record types with a label in `audit.types.*` (filter options, and sentences about a whole area). */
export const RECORD_TYPES = [
  "acknowledgement",
  "announcement",
  "api_key",
  "audit_log",
  "capability",
  "concern",
  "evaluation",
  "holiday",
  "job_posting",
  "job_role",
  "onboarding",
  "onboarding_item",
  "onboarding_template",
  "organisation",
  "permission",
  "person",
  "pulse_round",
  "rating_followup",
  "role",
  "role_version",
  "task_transfer",
  "team",
  "webhook",
] as const;

export function typeLabelKey(type: string): string {
  return (RECORD_TYPES as readonly string[]).includes(type) ? type : "other";
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The values a sentence interpolates: who, what (the subject's phrase), the changed fields as a
 * list in the reader's language, and the few details some sentences name.
 */
export function sentenceValues(
  entry: { actorName: string | null; action: string; detail: Record<string, unknown> },
  subject: AuditSubject,
  t: Translate,
  list: (items: string[]) => string,
): Record<string, string | number> {
  const { fields } = changesOf(entry.detail);
  const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");
  const num = (v: unknown) => (typeof v === "number" ? v : 0);
  const labels = [...new Set(fields.map((f) => t(`field.${fieldLabelKey(f)}`)))];
  return {
    actor: entry.actorName ?? t("system"),
    name: subjectPhrase(subject, t),
    fields: list(labels),
    version: str(entry.detail.version) || str(subject.version) || "?",
    title: str(entry.detail.title) || str(entry.detail.task) || str(entry.detail.name) || "…",
    count: typeof entry.detail.recipients === "number" ? entry.detail.recipients : 0,
    // pulse.autoSent: how many of the automatic sends were for onboarding and for a role change.
    onboarding: ["onboarding_30", "onboarding_60", "onboarding_90"].reduce((n, k) => n + num(entry.detail[k]), 0),
    roleChange: num(entry.detail.role_change),
  };
}

/** "Elif Yılmaz", "Service Advisor (version 2)", "Nora's onboarding plan", "a record that no longer exists". */
export function subjectPhrase(subject: AuditSubject, t: Translate): string {
  if (subject.name == null) return subject.id == null ? t(`types.${typeLabelKey(subject.type)}`) : t("subject.gone");
  if (subject.kind === "version") return t("subject.version", { name: subject.name, version: subject.version ?? "?" });
  if (subject.kind === "plan") return t("subject.plan", { name: subject.name });
  if (subject.kind === "evaluation") return t("subject.evaluation", { name: subject.name });
  if (subject.kind === "concern") return t("subject.concern", { name: subject.name });
  return subject.name;
}
