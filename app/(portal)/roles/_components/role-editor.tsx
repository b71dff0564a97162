"use client";

import { useId, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { errorClass, fieldClass, labelClass } from "@/components/ui/field-styles";
import type { FieldErrors } from "@/lib/core/action-types";
import { CAPABILITY_KINDS, emptyResponsibility, STANDARD_CATEGORIES, type RoleDoc, type RoleResponsibility } from "@/lib/roles/doc";
import { discardDraftAction, publishDraftAction, saveDraftAction } from "../actions";

function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
}

const input = fieldClass();
const small = "rounded border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-40";

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

function Field({
  label,
  error,
  children,
}: {
  label: string;
  error?: string;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => React.ReactNode;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className={labelClass("sm")}>
        {label}
      </label>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": error ? `${id}-e` : undefined })}
      {error ? (
        <p id={`${id}-e`} className={errorClass}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function RoleEditor({
  slug,
  initialDoc,
  initialRevision,
  hasDraft,
}: {
  slug: string;
  initialDoc: RoleDoc;
  initialRevision: number;
  hasDraft: boolean;
}) {
  const t = useTranslations("editor");
  const d = useTranslations("roleDoc");
  const [doc, setDoc] = useState<RoleDoc>(initialDoc);
  const [revision, setRevision] = useState(initialRevision);
  const [saved, setSaved] = useState(hasDraft);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const [summary, setSummary] = useState("");
  const [kind, setKind] = useState<"material" | "editorial">("material");
  const [publishErrors, setPublishErrors] = useState<FieldErrors>({});

  const update = (next: RoleDoc) => {
    setDoc(next);
    setDirty(true);
  };
  const setResp = (i: number, patch: Partial<RoleResponsibility>) =>
    update({ ...doc, responsibilities: doc.responsibilities.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const err = (path: string) => errors[path];
  /** Opens a collapsed section when it holds an error. */
  const openIf = (prefix: string) => (Object.keys(errors).some((k) => k.startsWith(prefix)) ? true : undefined);

  const save = () =>
    startTransition(async () => {
      const clean = { ...doc, tools: (doc.tools ?? []).map((x) => x.trim()).filter(Boolean) };
      const result = await saveDraftAction(null, { slug, revision, doc: JSON.stringify(clean) });
      if (result.ok) {
        setRevision(result.data.revision);
        setSaved(true);
        setDirty(false);
        setErrors({});
        setMessage({ tone: "ok", text: t("saved") });
      } else {
        setErrors(result.fieldErrors);
        setMessage({ tone: "error", text: result.error });
      }
    });

  const publish = () =>
    startTransition(async () => {
      const result = await publishDraftAction(null, { slug, revision, summary, kind });
      if (result && !result.ok) {
        setPublishErrors(result.fieldErrors);
        setMessage({ tone: "error", text: result.error });
      }
    });

  const discard = () =>
    startTransition(async () => {
      if (!window.confirm(t("discardConfirm"))) return;
      const result = await discardDraftAction(null, { slug, revision });
      if (result && !result.ok) setMessage({ tone: "error", text: result.error });
    });

  return (
    <div className="space-y-6">
      <div className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-b border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur">
        <button type="button" onClick={save} disabled={pending} className={buttonClass("primary")}>
          {pending ? t("saving") : t("saveDraft")}
        </button>
        <span className="text-sm text-slate-600" aria-live="polite">
          {dirty ? t("unsaved") : saved ? t("draftSaved") : t("noDraft")}
        </span>
        {message ? (
          <p
            role={message.tone === "error" ? "alert" : "status"}
            className={`rounded-md px-3 py-1.5 text-sm ${message.tone === "error" ? "bg-red-50 text-red-800" : "bg-green-50 text-green-800"}`}
          >
            {message.text}
          </p>
        ) : null}
      </div>

      <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <div className="grid gap-4">
          <Field label={t("roleTitle")} error={err("title")}>
            {(p) => <input {...p} className={input} value={doc.title} maxLength={400} onChange={(e) => update({ ...doc, title: e.target.value })} />}
          </Field>
          <Field label={t("purpose")} error={err("purpose")}>
            {(p) => (
              <textarea {...p} className={input} rows={3} value={doc.purpose} onChange={(e) => update({ ...doc, purpose: e.target.value })} />
            )}
          </Field>
          <Field label={t("tools")} error={err("tools")}>
            {(p) => (
              <textarea
                {...p}
                className={input}
                rows={3}
                value={(doc.tools ?? []).join("\n")}
                onChange={(e) => update({ ...doc, tools: e.target.value.split("\n").map((x) => x.trimStart()) })}
                onBlur={(e) => update({ ...doc, tools: e.target.value.split("\n").map((x) => x.trim()).filter(Boolean) })}
              />
            )}
          </Field>
          <p className="text-xs text-slate-500">{t("markdownHint")}</p>
        </div>
      </section>

      <h2 className="text-xl font-semibold">{t("responsibilities")}</h2>
      {doc.responsibilities.map((r, i) => {
        const base = `responsibilities.${i}`;
        const label = r.title || t("untitled", { n: i + 1 });
        return (
          <fieldset key={r.key} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" aria-label={label}>
            <legend className="sr-only">{label}</legend>
            <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
              <p className="font-semibold text-slate-800">
                {i + 1}. {label}
              </p>
              <div className="flex gap-1">
                <button type="button" className={small} disabled={i === 0} onClick={() => update({ ...doc, responsibilities: move(doc.responsibilities, i, i - 1) })}>
                  {t("moveUp")}
                  <span className="sr-only">: {label}</span>
                </button>
                <button
                  type="button"
                  className={small}
                  disabled={i === doc.responsibilities.length - 1}
                  onClick={() => update({ ...doc, responsibilities: move(doc.responsibilities, i, i + 1) })}
                >
                  {t("moveDown")}
                  <span className="sr-only">: {label}</span>
                </button>
                <button
                  type="button"
                  className={`${small} text-red-700`}
                  onClick={() => update({ ...doc, responsibilities: doc.responsibilities.filter((_, j) => j !== i) })}
                >
                  {t("removeResponsibility")}
                  <span className="sr-only">: {label}</span>
                </button>
              </div>
            </div>
            <div className="grid gap-4">
              <Field label={t("responsibilityTitle")} error={err(`${base}.title`)}>
                {(p) => <input {...p} className={input} value={r.title} maxLength={400} onChange={(e) => setResp(i, { title: e.target.value })} />}
              </Field>
              <Field label={t("description")} error={err(`${base}.description`)}>
                {(p) => <textarea {...p} className={input} rows={2} value={r.description} onChange={(e) => setResp(i, { description: e.target.value })} />}
              </Field>

              <div>
                <h3 className="mb-2 text-sm font-semibold">{t("tasks")}</h3>
                <ol className="space-y-3">
                  {r.tasks.map((task, k) => (
                    <li key={task.key} className="rounded-md border border-slate-200 p-3">
                      <div className="grid gap-2 sm:grid-cols-[1fr_auto]">
                        <Field label={t("taskTitle", { n: k + 1 })} error={err(`${base}.tasks.${k}.title`)}>
                          {(p) => (
                            <input
                              {...p}
                              className={input}
                              value={task.title}
                              maxLength={400}
                              onChange={(e) => setResp(i, { tasks: r.tasks.map((x, j) => (j === k ? { ...x, title: e.target.value } : x)) })}
                            />
                          )}
                        </Field>
                        <div className="flex items-end gap-1">
                          <button type="button" className={small} disabled={k === 0} onClick={() => setResp(i, { tasks: move(r.tasks, k, k - 1) })}>
                            {t("moveUp")}
                            <span className="sr-only">: {task.title}</span>
                          </button>
                          <button type="button" className={small} disabled={k === r.tasks.length - 1} onClick={() => setResp(i, { tasks: move(r.tasks, k, k + 1) })}>
                            {t("moveDown")}
                            <span className="sr-only">: {task.title}</span>
                          </button>
                          <button type="button" className={`${small} text-red-700`} onClick={() => setResp(i, { tasks: r.tasks.filter((_, j) => j !== k) })}>
                            {t("remove")}
                            <span className="sr-only">: {task.title}</span>
                          </button>
                        </div>
                      </div>
                      <div className="mt-2">
                        <Field label={t("taskDescription", { n: k + 1 })} error={err(`${base}.tasks.${k}.description`)}>
                          {(p) => (
                            <textarea
                              {...p}
                              className={input}
                              rows={2}
                              value={task.description}
                              onChange={(e) => setResp(i, { tasks: r.tasks.map((x, j) => (j === k ? { ...x, description: e.target.value } : x)) })}
                            />
                          )}
                        </Field>
                      </div>
                    </li>
                  ))}
                </ol>
                <button type="button" className={`${small} mt-2`} onClick={() => setResp(i, { tasks: [...r.tasks, { key: newKey(), title: "", description: "" }] })}>
                  {t("addTask")}
                  <span className="sr-only">: {label}</span>
                </button>
              </div>

              <details className="rounded-md border border-slate-200 p-3" open={openIf(`${base}.standards`)}>
                <summary className="cursor-pointer text-sm font-semibold">
                  {d("standards")} ({r.standards.length})
                </summary>
                <div className="mt-2 space-y-2">
                  {r.standards.map((s, k) => (
                    <div key={k} className="grid gap-2 sm:grid-cols-[12rem_1fr_auto]">
                      <Field label={t("standardHeading")}>
                        {(p) => (
                          <select
                            {...p}
                            className={input}
                            value={s.category}
                            onChange={(e) =>
                              setResp(i, {
                                standards: r.standards.map((x, j) => (j === k ? { ...x, category: e.target.value as typeof s.category } : x)),
                              })
                            }
                          >
                            {STANDARD_CATEGORIES.map((c) => (
                              <option key={c} value={c}>
                                {d(`category.${c}`)}
                              </option>
                            ))}
                          </select>
                        )}
                      </Field>
                      <Field label={t("standardText")} error={err(`${base}.standards.${k}.text`)}>
                        {(p) => (
                          <input
                            {...p}
                            className={input}
                            value={s.text}
                            onChange={(e) => setResp(i, { standards: r.standards.map((x, j) => (j === k ? { ...x, text: e.target.value } : x)) })}
                          />
                        )}
                      </Field>
                      <button type="button" className={`${small} self-end text-red-700`} onClick={() => setResp(i, { standards: r.standards.filter((_, j) => j !== k) })}>
                        {t("remove")}
                      </button>
                    </div>
                  ))}
                  <button type="button" className={small} onClick={() => setResp(i, { standards: [...r.standards, { category: "vocabulary", text: "" }] })}>
                    {t("addStandard")}
                  </button>
                </div>
              </details>

              <details className="rounded-md border border-slate-200 p-3" open={openIf(`${base}.whenWrong`)}>
                <summary className="cursor-pointer text-sm font-semibold">{d("whenWrong")}</summary>
                <div className="mt-2 grid gap-2">
                  <Field label={t("steps")} error={err(`${base}.whenWrong.steps`)}>
                    {(p) => (
                      <textarea {...p} className={input} rows={3} value={r.whenWrong.steps} onChange={(e) => setResp(i, { whenWrong: { ...r.whenWrong, steps: e.target.value } })} />
                    )}
                  </Field>
                  <Field label={d("escalateTo")} error={err(`${base}.whenWrong.escalateTo`)}>
                    {(p) => (
                      <input {...p} className={input} value={r.whenWrong.escalateTo} onChange={(e) => setResp(i, { whenWrong: { ...r.whenWrong, escalateTo: e.target.value } })} />
                    )}
                  </Field>
                </div>
              </details>

              <PairList
                title={d("decisionRights")}
                firstLabel={t("decision")}
                secondLabel={t("limit")}
                items={r.decisionRights.map((x) => [x.decision, x.limit])}
                errors={(k) => err(`${base}.decisionRights.${k}.decision`)}
                openOnError={openIf(`${base}.decisionRights`)}
                onChange={(items) => setResp(i, { decisionRights: items.map(([decision, limit]) => ({ decision, limit })) })}
                addLabel={t("addDecision")}
                removeLabel={t("remove")}
              />
              <PairList
                title={d("evaluation")}
                firstLabel={t("criterion")}
                secondLabel={t("goodLooksLike")}
                items={r.evaluation.map((x) => [x.criterion, x.good])}
                errors={(k) => err(`${base}.evaluation.${k}.criterion`)}
                openOnError={openIf(`${base}.evaluation`)}
                onChange={(items) => setResp(i, { evaluation: items.map(([criterion, good]) => ({ criterion, good })) })}
                addLabel={t("addCriterion")}
                removeLabel={t("remove")}
              />

              <details className="rounded-md border border-slate-200 p-3" open={openIf(`${base}.capabilities`)}>
                <summary className="cursor-pointer text-sm font-semibold">
                  {d("capabilities")} ({r.capabilities.length})
                </summary>
                <div className="mt-2 space-y-2">
                  {r.capabilities.map((c, k) => (
                    <div key={k} className="grid gap-2 sm:grid-cols-[1fr_12rem_auto]">
                      <Field label={t("capability")} error={err(`${base}.capabilities.${k}.name`)}>
                        {(p) => (
                          <input
                            {...p}
                            className={input}
                            value={c.name}
                            onChange={(e) => setResp(i, { capabilities: r.capabilities.map((x, j) => (j === k ? { ...x, name: e.target.value } : x)) })}
                          />
                        )}
                      </Field>
                      <Field label={t("capabilityKind")}>
                        {(p) => (
                          <select
                            {...p}
                            className={input}
                            value={c.kind}
                            onChange={(e) =>
                              setResp(i, { capabilities: r.capabilities.map((x, j) => (j === k ? { ...x, kind: e.target.value as typeof c.kind } : x)) })
                            }
                          >
                            {CAPABILITY_KINDS.map((kd) => (
                              <option key={kd} value={kd}>
                                {d(`kind.${kd}`)}
                              </option>
                            ))}
                          </select>
                        )}
                      </Field>
                      <button type="button" className={`${small} self-end text-red-700`} onClick={() => setResp(i, { capabilities: r.capabilities.filter((_, j) => j !== k) })}>
                        {t("remove")}
                      </button>
                    </div>
                  ))}
                  <button type="button" className={small} onClick={() => setResp(i, { capabilities: [...r.capabilities, { name: "", kind: "technical" }] })}>
                    {t("addCapability")}
                  </button>
                </div>
              </details>
            </div>
          </fieldset>
        );
      })}
      <button
        type="button"
        className={buttonClass("secondary")}
        onClick={() => update({ ...doc, responsibilities: [...doc.responsibilities, emptyResponsibility(newKey())] })}
      >
        {t("addResponsibility")}
      </button>

      <section className="rounded-lg border border-brand-100 bg-brand-50 p-5" aria-labelledby="publish-heading">
        <h2 id="publish-heading" className="text-lg font-semibold">
          {t("publishTitle")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{dirty || !saved ? t("saveBeforePublish") : t("publishIntro")}</p>
        <div className="mt-3 grid gap-3">
          <Field label={t("summary")} error={publishErrors.summary}>
            {(p) => <input {...p} className={input} value={summary} maxLength={600} onChange={(e) => setSummary(e.target.value)} />}
          </Field>
          <fieldset>
            <legend className="mb-1 text-xs font-medium text-slate-700">{t("kind")}</legend>
            <label className="flex items-start gap-2 text-sm">
              <input type="radio" name="kind" value="material" checked={kind === "material"} onChange={() => setKind("material")} className="mt-1" />
              <span>
                <span className="font-medium">{t("material")}</span> — {t("materialHint")}
              </span>
            </label>
            <label className="mt-1 flex items-start gap-2 text-sm">
              <input type="radio" name="kind" value="editorial" checked={kind === "editorial"} onChange={() => setKind("editorial")} className="mt-1" />
              <span>
                <span className="font-medium">{t("editorial")}</span> — {t("editorialHint")}
              </span>
            </label>
          </fieldset>
          <div className="flex flex-wrap gap-2">
            <button type="button" onClick={publish} disabled={pending || dirty || !saved} className={buttonClass("primary")}>
              {t("publish")}
            </button>
            {saved ? (
              <button type="button" onClick={discard} disabled={pending} className={buttonClass("ghost")}>
                {t("discard")}
              </button>
            ) : null}
          </div>
        </div>
      </section>
    </div>
  );
}

function PairList({
  title,
  firstLabel,
  secondLabel,
  items,
  errors,
  onChange,
  addLabel,
  removeLabel,
  openOnError,
}: {
  openOnError?: boolean;
  title: string;
  firstLabel: string;
  secondLabel: string;
  items: [string, string][];
  errors: (k: number) => string | undefined;
  onChange: (items: [string, string][]) => void;
  addLabel: string;
  removeLabel: string;
}) {
  return (
    <details className="rounded-md border border-slate-200 p-3" open={openOnError}>
      <summary className="cursor-pointer text-sm font-semibold">
        {title} ({items.length})
      </summary>
      <div className="mt-2 space-y-2">
        {items.map(([a, b], k) => (
          <div key={k} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto]">
            <Field label={firstLabel} error={errors(k)}>
              {(p) => <input {...p} className={input} value={a} onChange={(e) => onChange(items.map((x, j) => (j === k ? [e.target.value, x[1]] : x)))} />}
            </Field>
            <Field label={secondLabel}>
              {(p) => <input {...p} className={input} value={b} onChange={(e) => onChange(items.map((x, j) => (j === k ? [x[0], e.target.value] : x)))} />}
            </Field>
            <button type="button" className={`${small} self-end text-red-700`} onClick={() => onChange(items.filter((_, j) => j !== k))}>
              {removeLabel}
            </button>
          </div>
        ))}
        <button type="button" className={small} onClick={() => onChange([...items, ["", ""]])}>
          {addLabel}
        </button>
      </div>
    </details>
  );
}
