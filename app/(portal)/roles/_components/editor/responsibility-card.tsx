"use client";

import { useTranslations } from "next-intl";
import { NAME_MAX } from "@/lib/core/limits";
import type { RoleResponsibility } from "@/lib/roles/doc";
import { Field, input, small, type Errors } from "./controls";
import { CapabilitiesSection, CriteriaSection, PairList, StandardsSection, WhenWrongSection } from "./list-sections";
import { TaskRows } from "./task-rows";

/** One responsibility: its title, description, tasks and the collapsible detail sections. */
export function ResponsibilityCard({
  index,
  count,
  value: r,
  onChange,
  onMove,
  onRemove,
  err,
  openIf,
}: {
  index: number;
  /** How many responsibilities there are (the last cannot move down). */
  count: number;
  value: RoleResponsibility;
  onChange: (patch: Partial<RoleResponsibility>) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
} & Errors) {
  const t = useTranslations("editor");
  const d = useTranslations("roleDoc");
  const i = index;
  const base = `responsibilities.${i}`;
  const label = r.title || t("untitled", { n: i + 1 });
  return (
    <fieldset id={`resp-${r.key}`} className="scroll-mt-24 rb-card" aria-label={label}>
      <legend className="sr-only">{label}</legend>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <p className="min-w-0 font-semibold wrap-anywhere text-slate-800">
          {i + 1}. {label}
        </p>
        <div className="flex gap-1">
          <button type="button" className={small} disabled={i === 0} onClick={() => onMove(i - 1)}>
            {t("moveUp")}
            <span className="sr-only">: {label}</span>
          </button>
          <button type="button" className={small} disabled={i === count - 1} onClick={() => onMove(i + 1)}>
            {t("moveDown")}
            <span className="sr-only">: {label}</span>
          </button>
          <button type="button" className={`${small} text-red-700`} onClick={onRemove}>
            {t("removeResponsibility")}
            <span className="sr-only">: {label}</span>
          </button>
        </div>
      </div>
      <div className="grid gap-4">
        <Field label={t("responsibilityTitle")} error={err(`${base}.title`)}>
          {(p) => <input {...p} className={input} value={r.title} maxLength={NAME_MAX} onChange={(e) => onChange({ title: e.target.value })} />}
        </Field>
        <Field label={t("description")} error={err(`${base}.description`)}>
          {(p) => <textarea {...p} className={input} rows={2} value={r.description} onChange={(e) => onChange({ description: e.target.value })} />}
        </Field>
        <TaskRows base={base} label={label} tasks={r.tasks} onChange={(tasks) => onChange({ tasks })} err={err} />
        <StandardsSection
          items={r.standards}
          onChange={(standards) => onChange({ standards })}
          error={(k) => err(`${base}.standards.${k}.text`)}
          open={openIf(`${base}.standards`)}
        />
        <WhenWrongSection
          value={r.whenWrong}
          onChange={(whenWrong) => onChange({ whenWrong })}
          errors={{ steps: err(`${base}.whenWrong.steps`), escalateTo: err(`${base}.whenWrong.escalateTo`) }}
          open={openIf(`${base}.whenWrong`)}
        />
        <PairList
          title={d("decisionRights")}
          firstLabel={t("decision")}
          secondLabel={t("limit")}
          items={r.decisionRights.map((x) => [x.decision, x.limit])}
          error={(k) => err(`${base}.decisionRights.${k}.decision`)}
          open={openIf(`${base}.decisionRights`)}
          onChange={(items) => onChange({ decisionRights: items.map(([decision, limit]) => ({ decision, limit })) })}
          addLabel={t("addDecision")}
        />
        <CriteriaSection
          items={r.evaluation}
          onChange={(evaluation) => onChange({ evaluation })}
          error={(k) => err(`${base}.evaluation.${k}.criterion`)}
          open={openIf(`${base}.evaluation`)}
        />
        <CapabilitiesSection
          items={r.capabilities}
          onChange={(capabilities) => onChange({ capabilities })}
          error={(k) => err(`${base}.capabilities.${k}.name`)}
          open={openIf(`${base}.capabilities`)}
        />
      </div>
    </fieldset>
  );
}
