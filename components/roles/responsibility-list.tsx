import { getTranslations } from "next-intl/server";
import { Markdown } from "@/components/markdown";
import type { ResponsibilityView } from "@/lib/roles";

/** A role's responsibilities, each with the tasks it owns, in order. */
export async function ResponsibilityList({ responsibilities }: { responsibilities: ResponsibilityView[] }) {
  const t = await getTranslations("roles");
  if (!responsibilities.length) return <p className="text-slate-600">{t("noResponsibilities")}</p>;
  return (
    <ol className="space-y-4" aria-label={t("responsibilities")}>
      {responsibilities.map((r, i) => (
        <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h3 className="flex items-baseline gap-3 text-lg font-semibold text-slate-900">
            <span className="text-sm font-medium text-brand-700" aria-hidden>
              {i + 1}.
            </span>
            {r.title}
          </h3>
          {r.description ? <Markdown className="mt-1 text-slate-700">{r.description}</Markdown> : null}
          {r.tasks.length ? (
            <div className="mt-3">
              <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
                {t("tasks", { count: r.tasks.length })}
              </h4>
              <ul className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-100">
                {r.tasks.map((task) => (
                  <li key={task.id} className="px-3 py-2">
                    <p className="font-medium text-slate-900">{task.title}</p>
                    {task.description ? <Markdown className="text-sm text-slate-600">{task.description}</Markdown> : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
