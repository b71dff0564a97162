import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/session";
import { found, pageParam } from "@/lib/core/page";
import { hasUpwardResults, myUpwardLeaders, myUpwardResults, UPWARD_SCALE } from "@/lib/feedback/upward";
import { UPWARD_CLARITY, UPWARD_ITEMS, UPWARD_MIN_GROUP, UPWARD_WARMTH } from "@/lib/feedback/vocabulary";
import { UpwardForm } from "./_components/upward-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("upward");
  return { title: t("title") };
}

export default async function LeaderFeedbackPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const t = await getTranslations("upward");
  const format = await getFormatter();
  const { period, leaders } = found(() => myUpwardLeaders(actor));
  const open = leaders.filter((l) => !l.answeredThisPeriod);
  const done = leaders.filter((l) => l.answeredThisPeriod);
  const leads = found(() => hasUpwardResults(actor));
  const results = leads ? found(() => myUpwardResults(actor, { page: pageParam(sp.page) })) : null;
  const rows = results ? [...results.rows] : [];
  // The running quarter is listed even before anyone answered, so a leader sees where it stands.
  if (results && results.page === 1 && !rows.some((r) => r.period === period)) rows.unshift({ period, shown: false });
  const avg = (n: number) => format.number(n, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader title={t("title")} description={t("intro")} />
      <Card>
        <h2 className="font-semibold text-slate-900">{t("anonymousTitle")}</h2>
        <p className="mt-1 text-sm text-slate-700">{t("anonymousBody")}</p>
        <p className="mt-1 text-sm text-slate-700">{t("groupRule", { min: UPWARD_MIN_GROUP })}</p>
      </Card>

      <section aria-labelledby="upward-give" className="space-y-3">
        <h2 id="upward-give" className="text-lg font-semibold text-slate-900">
          {t("giveHeading", { period })}
        </h2>
        {done.map((l) => (
          <p key={l.id} className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900" data-testid="upward-given">
            {t("alreadyGiven", { name: l.name, period })}
          </p>
        ))}
        {leaders.length === 0 ? (
          <EmptyState>{t("noLeader")}</EmptyState>
        ) : open.length ? (
          <Card>
            <UpwardForm
              leaders={open.map((l) => ({ id: l.id, label: l.roleTitle ? `${l.name} — ${l.roleTitle}` : l.name }))}
              leaderLabel={t("leader")}
              intro={open.length === 1 ? t("aboutLeader", { name: open[0]!.name }) : t("aboutLeaders")}
              groups={[
                { heading: t("warmth"), items: UPWARD_WARMTH.map((key) => ({ key, label: t(`items.${key}`) })) },
                { heading: t("clarity"), items: UPWARD_CLARITY.map((key) => ({ key, label: t(`items.${key}`) })) },
              ]}
              scale={UPWARD_SCALE.map((value) => ({ value, label: t(`scale.${value}`) }))}
              submitLabel={t("submit")}
              sentLabel={t("sent")}
            />
          </Card>
        ) : null}
      </section>

      {results ? (
        <section aria-labelledby="upward-results" className="space-y-3">
          <h2 id="upward-results" className="text-lg font-semibold text-slate-900">
            {t("resultsHeading")}
          </h2>
          <p className="text-sm text-slate-600">{t("resultsIntro", { min: UPWARD_MIN_GROUP })}</p>
          {rows.map((r) =>
            r.shown ? (
              <Card key={r.period}>
                <h3 className="font-semibold text-slate-900">{t("periodAnswers", { period: r.period, count: r.answers })}</h3>
                <dl className="mt-3 grid gap-3 sm:grid-cols-2">
                  <div className="rounded-md bg-slate-50 p-3">
                    <dt className="text-sm text-slate-600">{t("warmth")}</dt>
                    <dd className="text-2xl font-semibold text-slate-900">{t("outOf5", { value: avg(r.warmth) })}</dd>
                  </div>
                  <div className="rounded-md bg-slate-50 p-3">
                    <dt className="text-sm text-slate-600">{t("clarity")}</dt>
                    <dd className="text-2xl font-semibold text-slate-900">{t("outOf5", { value: avg(r.clarity) })}</dd>
                  </div>
                </dl>
                <table className="mt-4 w-full text-sm">
                  <caption className="sr-only">{t("itemsCaption", { period: r.period })}</caption>
                  <thead>
                    <tr className="border-b border-slate-200 text-left text-slate-600">
                      <th scope="col" className="py-2 pr-4 font-medium">
                        {t("item")}
                      </th>
                      <th scope="col" className="py-2 text-right font-medium">
                        {t("average")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {UPWARD_ITEMS.map((i) => (
                      <tr key={i} className="border-b border-slate-100">
                        <th scope="row" className="py-2 pr-4 text-left font-normal text-slate-800">
                          {t(`items.${i}`)}
                        </th>
                        <td className="py-2 text-right tabular-nums text-slate-900">{avg(r.items[i])}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </Card>
            ) : (
              <Card key={r.period}>
                <h3 className="font-semibold text-slate-900">{r.period}</h3>
                <p className="mt-1 text-sm text-slate-700">{t(r.period === period ? "fewer" : "fewerClosed", { min: UPWARD_MIN_GROUP })}</p>
              </Card>
            ),
          )}
          <Pagination page={results.page} pageCount={results.pageCount} basePath="/feedback/leader" />
        </section>
      ) : null}
    </div>
  );
}
