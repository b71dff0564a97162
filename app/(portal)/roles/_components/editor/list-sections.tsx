"use client";

import { useTranslations } from "next-intl";
import { NAME_MAX } from "@/lib/core/limits";
// From the vocabularies, not lib/roles/doc.ts: client code must not load zod (its schemas probe
// `new Function`, which the Content Security Policy refuses).
import { CAPABILITY_KINDS } from "@/lib/capability/vocabulary";
import { STANDARD_CATEGORIES } from "@/lib/roles/vocabulary";
import type { RoleResponsibility } from "@/lib/roles/doc";
import { CapabilitySearch } from "../../../capabilities/_components/capability-search";
import { Field, input, move, newKey, patchAt, Section, small } from "./controls";

type Props<K extends keyof RoleResponsibility> = {
  items: RoleResponsibility[K];
  onChange: (items: RoleResponsibility[K]) => void;
  /** The error on item `k`'s required field. */
  error: (k: number) => string | undefined;
  open?: boolean;
};

export function StandardsSection({ items, onChange, error, open }: Props<"standards">) {
  const t = useTranslations("editor");
  const d = useTranslations("roleDoc");
  return (
    <Section title={`${d("standards")} (${items.length})`} open={open}>
      <div className="mt-2 space-y-2">
        {items.map((s, k) => (
          <div key={k} className="grid gap-2 sm:grid-cols-[12rem_1fr_auto]">
            <Field label={t("standardHeading")}>
              {(p) => (
                <select {...p} className={input} value={s.category} onChange={(e) => onChange(patchAt(items, k, { category: e.target.value as typeof s.category }))}>
                  {STANDARD_CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {d(`category.${c}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t("standardText")} error={error(k)}>
              {(p) => <input {...p} className={input} value={s.text} onChange={(e) => onChange(patchAt(items, k, { text: e.target.value }))} />}
            </Field>
            <button type="button" className={`${small} self-end text-red-700`} onClick={() => onChange(items.filter((_, j) => j !== k))}>
              {t("remove")}
            </button>
          </div>
        ))}
        <button type="button" className={small} onClick={() => onChange([...items, { category: "vocabulary", text: "" }])}>
          {t("addStandard")}
        </button>
      </div>
    </Section>
  );
}

export function WhenWrongSection({
  value,
  onChange,
  errors,
  open,
}: {
  value: RoleResponsibility["whenWrong"];
  onChange: (value: RoleResponsibility["whenWrong"]) => void;
  errors: { steps?: string; escalateTo?: string };
  open?: boolean;
}) {
  const t = useTranslations("editor");
  const d = useTranslations("roleDoc");
  return (
    <Section title={d("whenWrong")} open={open}>
      <div className="mt-2 grid gap-2">
        <Field label={t("steps")} error={errors.steps}>
          {(p) => <textarea {...p} className={input} rows={3} value={value.steps} onChange={(e) => onChange({ ...value, steps: e.target.value })} />}
        </Field>
        <Field label={d("escalateTo")} error={errors.escalateTo}>
          {(p) => <input {...p} className={input} value={value.escalateTo} maxLength={NAME_MAX} onChange={(e) => onChange({ ...value, escalateTo: e.target.value })} />}
        </Field>
      </div>
    </Section>
  );
}

/** A list of two-text rows without identity (decision rights): a title, then a longer text. */
export function PairList({
  title,
  firstLabel,
  secondLabel,
  items,
  error,
  onChange,
  addLabel,
  open,
}: {
  title: string;
  firstLabel: string;
  secondLabel: string;
  items: [string, string][];
  error: (k: number) => string | undefined;
  onChange: (items: [string, string][]) => void;
  addLabel: string;
  open?: boolean;
}) {
  const t = useTranslations("editor");
  return (
    <Section title={`${title} (${items.length})`} open={open}>
      <div className="mt-2 space-y-2">
        {items.map(([a, b], k) => (
          <div key={k} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto]">
            <Field label={firstLabel} error={error(k)}>
              {(p) => <input {...p} className={input} value={a} maxLength={NAME_MAX} onChange={(e) => onChange(items.map((x, j) => (j === k ? [e.target.value, x[1]] : x)))} />}
            </Field>
            <Field label={secondLabel}>
              {(p) => <input {...p} className={input} value={b} onChange={(e) => onChange(items.map((x, j) => (j === k ? [x[0], e.target.value] : x)))} />}
            </Field>
            <button type="button" className={`${small} self-end text-red-700`} onClick={() => onChange(items.filter((_, j) => j !== k))}>
              {t("remove")}
            </button>
          </div>
        ))}
        <button type="button" className={small} onClick={() => onChange([...items, ["", ""]])}>
          {addLabel}
        </button>
      </div>
    </Section>
  );
}

/**
 * The evaluation criteria of a responsibility. Each row keeps its stable key through edits, moves
 * and removals (evaluations rate a criterion by its key across versions); a new row gets a new key.
 */
export function CriteriaSection({ items, onChange, error, open }: Props<"evaluation">) {
  const t = useTranslations("editor");
  const d = useTranslations("roleDoc");
  return (
    <Section title={`${d("evaluation")} (${items.length})`} open={open}>
      <ol className="mt-2 space-y-2">
        {items.map((c, k) => (
          <li key={c.key} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto]">
            <Field label={t("criterion")} error={error(k)}>
              {(p) => <input {...p} className={input} value={c.criterion} maxLength={NAME_MAX} onChange={(e) => onChange(patchAt(items, k, { criterion: e.target.value }))} />}
            </Field>
            <Field label={t("goodLooksLike")}>
              {(p) => <input {...p} className={input} value={c.good} onChange={(e) => onChange(patchAt(items, k, { good: e.target.value }))} />}
            </Field>
            <div className="flex items-end gap-1">
              <button type="button" className={small} disabled={k === 0} onClick={() => onChange(move(items, k, k - 1))}>
                {t("moveUp")}
                <span className="sr-only">: {c.criterion}</span>
              </button>
              <button type="button" className={small} disabled={k === items.length - 1} onClick={() => onChange(move(items, k, k + 1))}>
                {t("moveDown")}
                <span className="sr-only">: {c.criterion}</span>
              </button>
              <button type="button" className={`${small} text-red-700`} onClick={() => onChange(items.filter((_, j) => j !== k))}>
                {t("remove")}
                <span className="sr-only">: {c.criterion}</span>
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" className={`${small} mt-2`} onClick={() => onChange([...items, { key: newKey(), criterion: "", good: "" }])}>
        {t("addCriterion")}
      </button>
    </Section>
  );
}

export function CapabilitiesSection({ items, onChange, error, open }: Props<"capabilities">) {
  const t = useTranslations("editor");
  const d = useTranslations("roleDoc");
  return (
    <Section title={`${d("capabilities")} (${items.length})`} open={open}>
      <div className="mt-2 space-y-2">
        {items.map((c, k) => (
          <div key={c.key} className="grid gap-2 sm:grid-cols-[1fr_12rem_auto]">
            <Field label={t("capability")} error={error(k)}>
              {(p) => <input {...p} className={input} value={c.name} maxLength={NAME_MAX} onChange={(e) => onChange(patchAt(items, k, { name: e.target.value }))} />}
            </Field>
            <Field label={t("capabilityKind")}>
              {(p) => (
                <select {...p} className={input} value={c.kind} onChange={(e) => onChange(patchAt(items, k, { kind: e.target.value as typeof c.kind }))}>
                  {CAPABILITY_KINDS.map((kd) => (
                    <option key={kd} value={kd}>
                      {d(`kind.${kd}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button type="button" className={`${small} self-end text-red-700`} onClick={() => onChange(items.filter((_, j) => j !== k))}>
              {t("remove")}
              <span className="sr-only">: {c.name}</span>
            </button>
          </div>
        ))}
        {/* Picking an existing capability shares its key (and record) across roles; a new name creates one. */}
        <CapabilitySearch
          label={t("addCapability")}
          hint={t("addCapabilityHint")}
          exclude={items.map((c) => c.key)}
          onPick={(c) => onChange([...items, { key: c.key, name: c.name, kind: c.kind }])}
          onCreate={(name) => onChange([...items, { key: newKey(), name, kind: "technical" }])}
        />
      </div>
    </Section>
  );
}
