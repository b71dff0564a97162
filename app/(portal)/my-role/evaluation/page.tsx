import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Markdown } from "@/components/markdown";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/session";
import { formatDay, formatInstant } from "@/lib/core/format-dates";
import { found, pageParam } from "@/lib/core/page";
import { myNextEvaluation } from "@/lib/evaluations/due";
import { myEvaluationGuide, myReleasedEvaluations } from "@/lib/evaluations/guide";
import { levelText } from "@/lib/evaluations/scale";
import type { Locale } from "@/lib/people/vocabulary";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluations.guide");
  return { title: t("title") };
}

/** "How I will be evaluated": the criteria of one's role, the scale, the next due date and one's past evaluations. */
export default async function HowIWillBeEvaluatedPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const guide = found(() => myEvaluationGuide(actor));
  const next = found(() => myNextEvaluation(actor));
  const past = found(() => myReleasedEvaluations(actor, pageParam(sp.page)));
  const t = await getTranslations("evaluations.guide");
  const ev = await getTranslations("evaluations");
  const locale = (await getLocale()) as Locale;
  const format = await getFormatter();
  const zone = await getTimeZone();
  const responsibilities = guide.role?.criteria.responsibilities ?? [];
  return (
    <div className="max-w-4xl">
      <p className="mb-2 text-sm">
        <Link href="/" className="text-brand-700 hover:underline">
          ← {t("back")}
        </Link>
      </p>
      <PageHeader
        title={t("title")}
        description={guide.role ? t("intro", { role: guide.role.title, version: guide.role.versionNumber }) : t("introNoRole")}
      />
      <div className="space-y-6">
        <Card>
          <h2 className="mb-2 text-lg font-semibold">{t("nextTitle")}</h2>
          {next ? (
            <p className="text-slate-800" data-testid="next-evaluation">
              {t(`next.${next.kind}${next.overdue ? "Overdue" : ""}`, { date: formatDay(format, next.dueDate, { dateStyle: "long" }) })}
            </p>
          ) : null}
          <p className="mt-1 text-sm text-slate-600">{t("nextHint")}</p>
        </Card>

        <section aria-labelledby="criteria-heading">
          <h2 id="criteria-heading" className="mb-3 text-xl font-semibold">
            {t("criteriaTitle")}
          </h2>
          {!guide.role ? (
            <EmptyState>{t("noRole")}</EmptyState>
          ) : responsibilities.length === 0 ? (
            <EmptyState>{t("noCriteria")}</EmptyState>
          ) : (
            <div className="space-y-4">
              {responsibilities.map((r) => (
                <Card key={r.key}>
                  <h3 className="mb-3 text-lg font-semibold text-slate-900">{r.title}</h3>
                  <ul className="space-y-3">
                    {r.criteria.map((c) => (
                      <li key={c.key} className="rounded-md border border-slate-100 bg-slate-50 p-3">
                        <p className="font-medium text-slate-900">{c.criterion}</p>
                        {c.good ? (
                          <div className="mt-1 text-sm">
                            <p className="rb-eyebrow">{t("good")}</p>
                            <Markdown className="text-slate-800">{c.good}</Markdown>
                          </div>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </Card>
              ))}
            </div>
          )}
        </section>

        <section aria-labelledby="scale-heading">
          <h2 id="scale-heading" className="mb-1 text-xl font-semibold">
            {t("scaleTitle")}
          </h2>
          <p className="mb-3 text-sm text-slate-600">{t("scaleIntro")}</p>
          <ol className="grid gap-3 sm:grid-cols-2" data-testid="scale">
            {guide.scale.map((level) => {
              const text = levelText(level, locale, ev);
              return (
                <li key={level.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                  <p className="flex items-center gap-2 font-semibold text-slate-900">
                    <Badge tone="brand">{level.position}</Badge>
                    {text.name}
                  </p>
                  {text.meaning ? <p className="mt-1 text-sm text-slate-700">{text.meaning}</p> : null}
                </li>
              );
            })}
          </ol>
        </section>

        <section aria-labelledby="past-heading">
          <h2 id="past-heading" className="mb-3 text-xl font-semibold">
            {t("pastTitle")}
          </h2>
          {past.total === 0 ? (
            <EmptyState>{t("noPast")}</EmptyState>
          ) : (
            <DataTable columns={[t("period"), t("kind"), t("author"), t("released"), t("open")]}>
              {past.rows.map((e) => (
                <tr key={e.id}>
                  <td className="px-4 py-3">{t("periodRange", { from: formatDay(format, e.periodStart), to: formatDay(format, e.periodEnd) })}</td>
                  <td className="px-4 py-3">{t(`kinds.${e.kind}`)}</td>
                  <td className="px-4 py-3">{e.authorName ?? t("formerAuthor")}</td>
                  <td className="px-4 py-3">{e.releasedAt ? formatInstant(format, e.releasedAt, zone, { dateStyle: "medium" }) : "—"}</td>
                  <td className="px-4 py-3">
                    <Link href={`/evaluations/${e.id}`} className="text-brand-700 underline">
                      {t("openEvaluation")}
                      <span className="sr-only">: {t("periodRange", { from: formatDay(format, e.periodStart), to: formatDay(format, e.periodEnd) })}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          <Pagination page={past.page} pageCount={past.pageCount} basePath="/my-role/evaluation" />
        </section>
      </div>
    </div>
  );
}
