import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/session";
import { formatDay, formatInstant } from "@/lib/core/format-dates";
import { found, pageParam } from "@/lib/core/page";
import { listRatingsOf, MY_FEEDBACK_PERIODS, ratingsSummary, type MyFeedbackPeriod } from "@/lib/feedback/my-ratings";
import { Stars } from "./_components/stars";
import { MiniTrend, TrendChart } from "./_components/trend-chart";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("myFeedback");
  return { title: t("title") };
}

type Search = { days?: string; page?: string };

/** My feedback (issue 12, point 4): my customer ratings, my average and its trend per standard. Never the customers' contact details. */
export default async function MyFeedbackPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const days: MyFeedbackPeriod = sp.days === "60" ? 60 : 90;
  const summary = found(() => ratingsSummary(actor, actor.id, days));
  const list = found(() => listRatingsOf(actor, actor.id, { page: pageParam(sp.page) }));
  const t = await getTranslations("myFeedback");
  const cat = await getTranslations("roleDoc.category");
  const format = await getFormatter();
  const timeZone = await getTimeZone();
  const avg = (v: number | null) => (v == null ? "–" : format.number(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
  const week = (d: string) => formatDay(format, d, { day: "numeric", month: "short" });

  return (
    <div className="max-w-4xl space-y-8">
      <PageHeader title={t("title")} description={t("intro")} />

      <section aria-labelledby="my-summary" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="my-summary" className="text-lg font-semibold">
            {t("summaryHeading", { days })}
          </h2>
          <nav aria-label={t("periodLabel")} className="flex gap-2 text-sm">
            {MY_FEEDBACK_PERIODS.map((d) => (
              <Link
                key={d}
                href={d === 90 ? "/feedback" : `/feedback?days=${d}`}
                aria-current={d === days ? "page" : undefined}
                className={`rounded-full border px-3 py-1 ${d === days ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"}`}
              >
                {t("lastDays", { days: d })}
              </Link>
            ))}
          </nav>
        </div>
        {summary.overall.n === 0 ? (
          <EmptyState>{t("noRatingsInPeriod")}</EmptyState>
        ) : (
          <>
            <Card>
              <dl className="grid gap-4 sm:grid-cols-3" data-testid="my-headline">
                <div>
                  <dt className="text-sm text-slate-600">{t("average")}</dt>
                  <dd className="text-3xl font-bold text-slate-900" data-testid="my-average">
                    {t("averageValue", { value: avg(summary.overall.average) })}
                  </dd>
                </div>
                <div>
                  <dt className="text-sm text-slate-600">{t("count")}</dt>
                  <dd className="text-3xl font-bold text-slate-900" data-testid="my-count">
                    {summary.overall.n}
                  </dd>
                </div>
                <div>
                  <dt className="text-sm text-slate-600">{t("trend")}</dt>
                  <dd className="text-lg font-semibold text-slate-900">{summary.overall.trend ? t(`trendValue.${summary.overall.trend}`) : t("trendUnknown")}</dd>
                </div>
              </dl>
              <figure className="mt-4">
                <TrendChart values={summary.overall.series} />
                <figcaption className="mt-1 text-sm text-slate-600">{t("chartCaption")}</figcaption>
              </figure>
              <details className="mt-3 text-sm">
                <summary className="cursor-pointer text-brand-800">{t("chartAsTable")}</summary>
                <table className="mt-2 text-left">
                  <caption className="sr-only">{t("chartCaption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="pr-6 font-semibold">
                        {t("weekOf")}
                      </th>
                      <th scope="col" className="font-semibold">
                        {t("average")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {summary.weeks.map((w, i) => (
                      <tr key={w}>
                        <td className="pr-6">{week(w)}</td>
                        <td>{avg(summary.overall.series[i] ?? null)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            </Card>

            <h3 className="text-base font-semibold">{t("perStandard")}</h3>
            {summary.standards.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noTags")}</p>
            ) : (
              <DataTable columns={[t("standard"), t("average"), t("count"), t("trend")]} dense>
                {summary.standards.map((s) => (
                  <tr key={s.tag} data-testid={`standard-${s.tag}`}>
                    <td className="px-3 py-2 font-medium">{cat(s.tag)}</td>
                    <td className="px-3 py-2">{avg(s.average)}</td>
                    <td className="px-3 py-2">{s.n}</td>
                    <td className="px-3 py-2">
                      <span className="inline-flex items-center gap-2">
                        <MiniTrend values={s.series} />
                        {s.trend ? t(`trendValue.${s.trend}`) : t("trendUnknown")}
                      </span>
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="my-ratings" className="space-y-3">
        <h2 id="my-ratings" className="text-lg font-semibold">
          {t("ratingsHeading", { count: list.total })}
        </h2>
        {list.rows.length === 0 ? (
          <EmptyState>{t("noRatings")}</EmptyState>
        ) : (
          <ul className="space-y-3" data-testid="my-ratings">
            {list.rows.map((r) => (
              // Styled by .rb-rating (app/globals.css): 20 cards a page carry no classes of their own.
              <li key={r.id} id={`rating-${r.id}`} className="rb-rating">
                <div>
                  <Stars stars={r.stars} label={t("starsLabel", { stars: r.stars })} />
                  <p>
                    {t(`source.${r.source}`)} · <time dateTime={r.createdAt}>{formatInstant(format, r.createdAt, timeZone)}</time>
                  </p>
                </div>
                <p>{r.comment ? r.comment : <em>{t("noComment")}</em>}</p>
                {r.tags.length ? (
                  <ul aria-label={t("tagsLabel")}>
                    {r.tags.map((tag) => (
                      <li key={tag}>{cat(tag)}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <Pagination page={list.page} pageCount={list.pageCount} basePath="/feedback" params={{ days: days === 90 ? undefined : String(days) }} />
      </section>
    </div>
  );
}
