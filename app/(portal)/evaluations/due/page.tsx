import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button-link";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/session";
import { todayIso } from "@/lib/core/dates";
import { formatDay } from "@/lib/core/format-dates";
import { found, pageParam } from "@/lib/core/page";
import { DUE_HORIZON_DAYS, evaluationsDue } from "@/lib/evaluations/due";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluations.due");
  return { title: t("title") };
}

/** Supervisors, managers and HR: whose evaluation is overdue or due soon, overdue first. */
export default async function EvaluationsDuePage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const today = todayIso();
  const result = found(() => evaluationsDue(actor, pageParam(sp.page), today));
  const t = await getTranslations("evaluations.due");
  const format = await getFormatter();
  return (
    <div>
      <PageHeader title={t("title")} description={t("intro", { days: DUE_HORIZON_DAYS })} />
      {result.rows.length === 0 ? (
        <EmptyState>{t("empty", { days: DUE_HORIZON_DAYS })}</EmptyState>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-600">{t("count", { count: result.total })}</p>
          <DataTable columns={[t("person"), t("kind"), t("dueDate"), t("draft"), t("action")]}>
            {result.rows.map((r) => (
              <tr key={r.personId} data-testid="due-row" data-overdue={r.overdue ? "true" : "false"}>
                <td className="px-4 py-3">
                  <Link href={`/people/${r.personId}`} className="font-medium text-brand-800 hover:underline">
                    {r.name}
                  </Link>
                  {r.roleTitle ? <p className="text-xs text-slate-600">{r.roleTitle}</p> : null}
                </td>
                <td className="px-4 py-3">{t(`kinds.${r.kind}`)}</td>
                <td className="px-4 py-3">
                  <span className="mr-2">{formatDay(format, r.dueDate)}</span>
                  {r.overdue ? <Badge tone="red">{t("overdue")}</Badge> : <Badge tone="amber">{t("dueSoon")}</Badge>}
                </td>
                <td className="px-4 py-3">
                  {r.draftId ? (
                    <Link href={`/evaluations/${r.draftId}`} className="text-brand-700 underline">
                      {t("openDraft")}
                      <span className="sr-only">: {r.name}</span>
                    </Link>
                  ) : (
                    <span className="text-slate-500">{t("noDraft")}</span>
                  )}
                </td>
                <td className="px-4 py-3">
                  <ButtonLink href={`/evaluations/new?person=${r.personId}&kind=${r.kind}`} variant={r.draftId ? "secondary" : "primary"} className="px-3 py-1.5">
                    {t("start")}
                    <span className="sr-only">: {r.name}</span>
                  </ButtonLink>
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} basePath="/evaluations/due" />
    </div>
  );
}
