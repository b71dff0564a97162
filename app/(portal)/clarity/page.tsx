import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/session";
import { PULSE_ITEMS } from "@/lib/confidence/vocabulary";
import { formatDay } from "@/lib/core/format-dates";
import { found, pageParam } from "@/lib/core/page";
import { clarityOverview } from "@/lib/pulse/results";
import { ClarityEmptyState } from "./_components/empty-state";
import { Sparkline } from "./_components/sparkline";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("clarity");
  return { title: t("title") };
}

/** Managers and HR: each role in scope, its item scores over the last 3 ended months and their trend by month. */
export default async function ClarityPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireActor();
  const { page } = await searchParams;
  const result = found(() => clarityOverview(actor, { page: pageParam(page) }));
  const t = await getTranslations("clarity");
  const format = await getFormatter();
  const month = (m: string) => formatDay(format, `${m}-01`, { month: "short", year: "numeric" });
  const min = result.minGroup;
  const anyShown = result.rows.some((r) => r.headline.shown || r.months.some((m) => m.shown));
  const recent = result.rows[0]?.headline.months ?? [];
  const period = recent.length ? t("period", { from: month(recent[0]!), to: month(recent.at(-1)!) }) : "";
  return (
    <div>
      <PageHeader title={t("title")} description={t("intro", { min })} />
      {result.total === 0 ? (
        <p className="text-slate-600">{t("noRoles")}</p>
      ) : (
        <div className="space-y-6">
          {!anyShown && result.page === 1 ? <ClarityEmptyState min={min} /> : null}
          <DataTable columns={[t("role"), t("answers"), ...PULSE_ITEMS.map((i) => t(`itemShort.${i}`))]} dense cells>
            {result.rows.map((r) => (
              <tr key={r.id} data-testid="clarity-role-row">
                <td className="font-medium">
                  <Link href={`/clarity/${r.slug}`} className="rb-link">
                    {r.title}
                  </Link>
                </td>
                <td className="text-slate-700">
                  {r.headline.shown ? (
                    <>
                      {t("answersCount", { count: r.headline.n ?? 0 })}
                      <span className="block text-xs text-slate-500">{period}</span>
                    </>
                  ) : r.anyAnswers ? (
                    t("fewerThan", { min })
                  ) : (
                    t("notEnoughYet")
                  )}
                </td>
                {PULSE_ITEMS.map((item) => {
                  const values = r.months.map((m) => m.means?.[item] ?? null);
                  const trend = r.months.filter((m) => m.means).map((m) => `${month(m.month)}: ${m.means![item].toFixed(1)}`);
                  return (
                    <td key={item} className="whitespace-nowrap">
                      {r.headline.means ? (
                        <span className="flex items-center gap-2">
                          <span className="font-semibold tabular-nums text-slate-900">{r.headline.means[item].toFixed(1)}</span>
                          <Sparkline values={values} />
                          {trend.length > 1 ? <span className="sr-only">{t("trend", { values: trend.join("; ") })}</span> : null}
                        </span>
                      ) : (
                        <span className="text-slate-500">
                          <span aria-hidden="true">—</span>
                          <span className="sr-only">{t("notShown")}</span>
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </DataTable>
          <p className="max-w-3xl text-xs text-slate-500">{t("scaleNote", { min })}</p>
        </div>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} basePath="/clarity" />
    </div>
  );
}
