"use client";

import { useTranslations } from "next-intl";
import { NAME_MAX } from "@/lib/core/limits";
import type { RoleTask } from "@/lib/roles/doc";
import { Field, input, move, newKey, patchAt, small, type Errors } from "./controls";

/** The ordered tasks of one responsibility. `base` is its error path, `label` its name for screen readers. */
export function TaskRows({
  base,
  label,
  tasks,
  onChange,
  err,
}: {
  base: string;
  label: string;
  tasks: RoleTask[];
  onChange: (tasks: RoleTask[]) => void;
} & Pick<Errors, "err">) {
  const t = useTranslations("editor");
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold">{t("tasks")}</h3>
      <ol className="space-y-3">
        {tasks.map((task, k) => (
          <li key={task.key} className="rounded-md border border-slate-200 p-3">
            <div className="grid gap-2 sm:grid-cols-[1fr_auto]">
              <Field label={t("taskTitle", { n: k + 1 })} error={err(`${base}.tasks.${k}.title`)}>
                {(p) => <input {...p} className={input} value={task.title} maxLength={NAME_MAX} onChange={(e) => onChange(patchAt(tasks, k, { title: e.target.value }))} />}
              </Field>
              <div className="flex items-end gap-1">
                <button type="button" className={small} disabled={k === 0} onClick={() => onChange(move(tasks, k, k - 1))}>
                  {t("moveUp")}
                  <span className="sr-only">: {task.title}</span>
                </button>
                <button type="button" className={small} disabled={k === tasks.length - 1} onClick={() => onChange(move(tasks, k, k + 1))}>
                  {t("moveDown")}
                  <span className="sr-only">: {task.title}</span>
                </button>
                <button type="button" className={`${small} text-red-700`} onClick={() => onChange(tasks.filter((_, j) => j !== k))}>
                  {t("remove")}
                  <span className="sr-only">: {task.title}</span>
                </button>
              </div>
            </div>
            <div className="mt-2">
              <Field label={t("taskDescription", { n: k + 1 })} error={err(`${base}.tasks.${k}.description`)}>
                {(p) => (
                  <textarea {...p} className={input} rows={2} value={task.description} onChange={(e) => onChange(patchAt(tasks, k, { description: e.target.value }))} />
                )}
              </Field>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" className={`${small} mt-2`} onClick={() => onChange([...tasks, { key: newKey(), title: "", description: "" }])}>
        {t("addTask")}
        <span className="sr-only">: {label}</span>
      </button>
    </div>
  );
}
