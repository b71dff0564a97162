import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { ChangeStatus, RoleDiff, TextDiff } from "@/lib/roles/diff";

/** An inline word diff: removed words struck through in red, added words underlined in green. */
export function TextDiffView({ diff }: { diff: TextDiff }) {
  return (
    <p className="whitespace-pre-wrap text-sm leading-relaxed">
      {diff.map((p, i) =>
        p.added ? (
          <ins key={i} className="rounded bg-green-100 text-green-900 no-underline decoration-green-700 underline">
            {p.value}
          </ins>
        ) : p.removed ? (
          <del key={i} className="rounded bg-red-100 text-red-900 line-through">
            {p.value}
          </del>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </p>
  );
}

const TONE: Record<ChangeStatus, "green" | "red" | "amber" | "brand" | "slate"> = {
  added: "green",
  removed: "red",
  moved: "amber",
  changed: "brand",
  unchanged: "slate",
};

export async function StatusBadge({ status }: { status: ChangeStatus }) {
  const t = await getTranslations("diff");
  return <Badge tone={TONE[status]}>{t(`status.${status}`)}</Badge>;
}

/** A role diff: title and purpose text changes, then each responsibility with its task changes. */
export async function RoleDiffView({ diff }: { diff: RoleDiff }) {
  const t = await getTranslations("diff");
  const d = await getTranslations("roleDoc");
  if (!diff.changed) return <p className="text-slate-600">{t("noChanges")}</p>;
  return (
    <div className="space-y-4" data-testid="role-diff">
      {diff.titleDiff ? (
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="text-sm font-semibold text-slate-600">{t("title")}</h3>
          <TextDiffView diff={diff.titleDiff} />
        </section>
      ) : null}
      {diff.purposeDiff ? (
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="text-sm font-semibold text-slate-600">{t("purpose")}</h3>
          <TextDiffView diff={diff.purposeDiff} />
        </section>
      ) : null}
      {diff.toolsDiff ? (
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="text-sm font-semibold text-slate-600">{d("tools")}</h3>
          <TextDiffView diff={diff.toolsDiff} />
        </section>
      ) : null}
      {diff.responsibilities.map((r) => (
        <section key={r.key} className="rounded-lg border border-slate-200 bg-white p-4" aria-label={r.title}>
          <div className="flex flex-wrap items-center gap-2">
            <h3 className={`font-semibold ${r.status === "removed" ? "text-red-800 line-through" : "text-slate-900"}`}>{r.title}</h3>
            <StatusBadge status={r.status} />
          </div>
          {r.titleDiff ? (
            <div className="mt-2">
              <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("title")}</p>
              <TextDiffView diff={r.titleDiff} />
            </div>
          ) : null}
          {r.descriptionDiff ? (
            <div className="mt-2">
              <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("description")}</p>
              <TextDiffView diff={r.descriptionDiff} />
            </div>
          ) : null}
          {r.sections.map((s) => (
            <div key={s.name} className="mt-2">
              <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{d(s.name)}</p>
              <TextDiffView diff={s.diff} />
            </div>
          ))}
          {r.tasks.some((x) => x.status !== "unchanged") ? (
            <ul className="mt-3 space-y-2" aria-label={t("taskChanges")}>
              {r.tasks
                .filter((x) => x.status !== "unchanged")
                .map((task) => (
                  <li key={task.key} className="rounded-md border border-slate-100 bg-slate-50 p-2 text-sm">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className={task.status === "removed" ? "text-red-800 line-through" : "font-medium"}>{task.title}</span>
                      <StatusBadge status={task.status} />
                      {task.movedFrom ? <span className="text-xs text-slate-600">{t("movedFrom", { from: task.movedFrom })}</span> : null}
                    </div>
                    {task.titleDiff ? <TextDiffView diff={task.titleDiff} /> : null}
                    {task.descriptionDiff ? <TextDiffView diff={task.descriptionDiff} /> : null}
                  </li>
                ))}
            </ul>
          ) : null}
        </section>
      ))}
    </div>
  );
}
