import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Markdown } from "@/components/markdown";
import { MarkedMarkdown } from "@/components/marked-markdown";
import { Badge } from "@/components/ui/card";
import { diffToMarkedMarkdown } from "@/lib/core/marked-text";
import { sectionLabel, type ChangeStatus, type RoleDiff, type TextDiff } from "@/lib/roles/diff";
import type { VersionSummary } from "@/lib/roles/history";

/**
 * An inline word diff: removed words struck through in red, added words underlined in green.
 * Markdown texts are rendered (sanitized), their changes marked inside.
 */
export function TextDiffView({ diff, markdown = false }: { diff: TextDiff; markdown?: boolean }) {
  if (markdown) return <MarkedMarkdown className="text-sm leading-relaxed">{diffToMarkedMarkdown(diff)}</MarkedMarkdown>;
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

/** The versions a diff spans, oldest first: each one's number, date and summary. */
export async function VersionSummaries({ versions, label }: { versions: VersionSummary[]; label: string }) {
  const t = await getTranslations("diff");
  const format = await getFormatter();
  if (!versions.length) return null;
  return (
    <section className="mb-4 rounded-lg border border-slate-200 bg-white p-4" aria-label={label}>
      <h3 className="text-sm font-semibold text-slate-600">{label}</h3>
      <ol className="mt-2 space-y-2 text-sm">
        {versions.map((v) => (
          <li key={v.number}>
            <span className="font-medium text-slate-900">{t("versionLine", { number: v.number, date: format.dateTime(new Date(v.publishedAt), { dateStyle: "medium" }) })}</span>
            <span className="text-slate-700">: {v.summary}</span>
          </li>
        ))}
      </ol>
    </section>
  );
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
          <TextDiffView diff={diff.purposeDiff} markdown />
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
          {r.status === "added" && r.description ? <Markdown className="mt-1 text-sm text-slate-700">{r.description}</Markdown> : null}
          {r.titleDiff ? (
            <div className="mt-2">
              <p className="rb-eyebrow">{t("title")}</p>
              <TextDiffView diff={r.titleDiff} />
            </div>
          ) : null}
          {r.descriptionDiff ? (
            <div className="mt-2">
              <p className="rb-eyebrow">{t("description")}</p>
              <TextDiffView diff={r.descriptionDiff} markdown />
            </div>
          ) : null}
          {r.sections.map((s) => (
            <div key={`${s.name}-${s.category ?? s.kind ?? (s.escalate ? "escalate" : "")}`} className="mt-2">
              <p className="rb-eyebrow">{sectionLabel(s, d)}</p>
              <TextDiffView diff={s.diff} markdown={s.markdown} />
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
                    {task.descriptionDiff ? <TextDiffView diff={task.descriptionDiff} markdown /> : null}
                    {task.status === "added" && task.description ? <Markdown className="mt-1 text-slate-700">{task.description}</Markdown> : null}
                  </li>
                ))}
            </ul>
          ) : null}
        </section>
      ))}
    </div>
  );
}
