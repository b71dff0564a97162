import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { ButtonLink } from "@/components/ui/button-link";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { formatDay } from "@/lib/core/format-dates";
import { pageParam } from "@/lib/core/page";
import { EVALUATION_FILTERS, evaluationsWaitingCount, listEvaluations, type EvaluationFilter } from "@/lib/evaluations/read";
import { waitingCount } from "@/lib/evaluations/waiting";
import { statusTone } from "../_components/status";
import { badgeLabel } from "@/lib/core/capped-count";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluations");
  return { title: t("title") };
}

/** Evaluations the reader may see: about them, written by them, drafts, and those waiting for them. */
export default async function EvaluationsPage({ searchParams }: { searchParams: Promise<{ show?: string; page?: string }> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const writes = can(actor, "evaluations.write");
  const tabs: EvaluationFilter[] = writes ? [...EVALUATION_FILTERS] : ["all", "waiting"];
  const show = (sp.show ?? "all") as EvaluationFilter;
  if (!tabs.includes(show)) notFound();
  const result = listEvaluations(actor, show, pageParam(sp.page));
  const waiting = evaluationsWaitingCount(actor);
  // Questions and disagreements left unanswered by the people below the reader, and reviews: their own page.
  const unanswered = waitingCount(actor);
  const showsUnanswered = unanswered > 0 || writes;
  const shell = await getTranslations("shell");
  const t = await getTranslations("evaluations.write");
  const title = await getTranslations("evaluations");
  const format = await getFormatter();
  return (
    <div className="max-w-4xl">
      <PageHeader
        title={title("title")}
        description={t("listIntro")}
        actions={writes ? <ButtonLink href="/evaluations/new">{t("newTitle")}</ButtonLink> : null}
      />
      <nav aria-label={t("filters")} className="mb-4 flex flex-wrap gap-2">
        {tabs.map((f) => (
          <Link
            key={f}
            href={f === "all" ? "/evaluations" : `/evaluations?show=${f}`}
            aria-current={f === show ? "page" : undefined}
            className={`rounded-full border px-3 py-1 text-sm ${f === show ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"}`}
          >
            {t(`filter.${f}`)}
            {f === "waiting" && waiting ? <span className="ml-1.5 font-semibold">({badgeLabel(waiting)})</span> : null}
          </Link>
        ))}
        {showsUnanswered ? (
          <Link href="/evaluations/waiting" className="rounded-full border border-slate-300 bg-white px-3 py-1 text-sm text-slate-800 hover:bg-slate-50">
            {shell("nav.evaluationsWaiting")}
            {unanswered ? <span className="ml-1.5 font-semibold">({unanswered})</span> : null}
          </Link>
        ) : null}
      </nav>
      {result.rows.length === 0 ? (
        <EmptyState>{t(`empty.${show}`)}</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label={title("title")}>
          {result.rows.map((e) => (
            <li key={e.id}>
              <Card>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h2 className="font-semibold">
                    <Link href={`/evaluations/${e.id}`} className="rb-link">
                      {t("heading", { name: e.personName })}
                    </Link>
                  </h2>
                  <Badge tone={statusTone(e.status)}>{t(`status.${e.status}`)}</Badge>
                </div>
                <p className="mt-1 text-sm text-slate-600">
                  {[
                    t(`kind.${e.kind}`),
                    e.roleTitle,
                    t("periodValue", { start: formatDay(format, e.periodStart), end: formatDay(format, e.periodEnd) }),
                    t("byAuthor", { name: e.authorName ?? t("formerAuthor") }),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} basePath="/evaluations" params={{ show: show === "all" ? undefined : show }} />
    </div>
  );
}
