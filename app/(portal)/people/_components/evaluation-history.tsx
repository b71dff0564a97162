import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { ButtonLink } from "@/components/ui/button-link";
import { Badge, Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import type { Actor } from "@/lib/auth/actor";
import { formatDay, formatInstant } from "@/lib/core/format-dates";
import { evaluationHistory, evaluationHistoryShown, ratingTrends } from "@/lib/evaluations/history";
import { levelText, ratingScale } from "@/lib/evaluations/scale";
import { isLocale } from "@/i18n/config";
import { RatingChart } from "./rating-chart";

/**
 * A person's released evaluations and how each responsibility's rating moved, for the person and
 * those who may see their evaluations; with "Start evaluation" for whoever may evaluate them.
 * Renders nothing for anyone else (the buddy, peers).
 */
export async function EvaluationHistory({ actor, personId, page, timeZone }: { actor: Actor; personId: number; page: number; timeZone: string }) {
  const { shown, mayStart } = evaluationHistoryShown(actor, personId);
  if (!shown) return null;
  const history = evaluationHistory(actor, personId, { page });
  const { scaleSize, trends } = ratingTrends(actor, personId);
  const t = await getTranslations("evaluations");
  const format = await getFormatter();
  const loc = await getLocale();
  const locale = isLocale(loc) ? loc : "en";
  const scale = history.total ? ratingScale() : [];
  const levelName = (average: number) => {
    const level = scale.find((l) => l.position === Math.round(average));
    const name = level ? levelText(level, locale, t).name : "";
    return Number.isInteger(average)
      ? name
      : t("history.trendAverage", { level: name, value: format.number(average, { maximumFractionDigits: 1 }), max: scaleSize });
  };

  return (
    <Card className="mb-6">
      <section aria-labelledby="evaluations-heading">
        <div className="mb-3 flex flex-wrap items-start justify-between gap-3">
          <div>
            <h2 id="evaluations-heading" className="text-lg font-semibold">
              {t("history.title")}
            </h2>
            <p className="text-sm text-slate-600">{t("history.description")}</p>
          </div>
          {mayStart ? (
            <ButtonLink variant="secondary" href={`/evaluations/new?person=${personId}`} data-print="hide">
              {t("history.start")}
            </ButtonLink>
          ) : null}
        </div>
        {history.total === 0 ? (
          <p className="text-sm text-slate-600">{t("history.empty")}</p>
        ) : (
          <>
            <DataTable dense columns={[t("history.period"), t("history.kindColumn"), t("history.author"), t("history.released"), t("history.statusColumn")]}>
              {history.rows.map((r) => (
                <tr key={r.id}>
                  <td className="px-3 py-2">
                    <Link href={`/evaluations/${r.id}`} className="text-brand-700 underline">
                      {formatDay(format, r.periodStart)} – {formatDay(format, r.periodEnd)}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{t(`history.kind.${r.kind}`)}</td>
                  <td className="px-3 py-2">{r.authorName ?? "—"}</td>
                  <td className="px-3 py-2">{r.releasedAt ? formatInstant(format, r.releasedAt, timeZone, { dateStyle: "medium" }) : "—"}</td>
                  <td className="px-3 py-2">
                    <Badge tone={r.status === "closed" ? (r.outcome === "disagreement_kept" ? "amber" : "green") : r.status === "escalated" ? "red" : "brand"}>
                      {r.status === "closed" && r.outcome ? t(`history.outcome.${r.outcome}`) : t(`history.status.${r.status}`)}
                    </Badge>
                  </td>
                </tr>
              ))}
            </DataTable>
            <Pagination page={history.page} pageCount={history.pageCount} basePath={`/people/${personId}`} />
            <h3 className="mt-6 text-base font-semibold">{t("history.trendsTitle")}</h3>
            <p className="mb-3 text-sm text-slate-600">{t("history.trendsHelp")}</p>
            {trends.length === 0 ? (
              <p className="text-sm text-slate-600">{t("history.noTrends")}</p>
            ) : (
              <ul className="grid gap-4 sm:grid-cols-2" aria-label={t("history.trendsTitle")}>
                {trends.map((trend) => (
                  <li key={trend.responsibilityKey} className="flex items-start gap-3 rounded-md border border-slate-200 p-3" data-print="keep">
                    <RatingChart values={trend.points.map((p) => p.average)} scaleSize={scaleSize} />
                    <div className="min-w-0 text-sm">
                      <p className="font-medium text-slate-900">{trend.title}</p>
                      <p className="text-slate-700">
                        <span className="sr-only">{t("history.trendSequence")}: </span>
                        {trend.points.map((p) => levelName(p.average)).join(" → ")}
                      </p>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
    </Card>
  );
}
