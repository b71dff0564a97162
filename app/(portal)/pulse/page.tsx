import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { ButtonLink } from "@/components/ui/button-link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { formatDay } from "@/lib/core/format-dates";
import { found, pageParam } from "@/lib/core/page";
import { myAnsweredPulses, myOpenPulses, pulseMinimumGroup } from "@/lib/pulse/answer";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pulse");
  return { title: t("title") };
}

/** My role-clarity pulses: the ones waiting for me, and the ones I answered (never what I answered). */
export default async function PulsePage({ searchParams }: { searchParams: Promise<{ page?: string; answered?: string }> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const open = found(() => myOpenPulses(actor));
  const answered = found(() => myAnsweredPulses(actor, { page: pageParam(sp.page) }));
  const t = await getTranslations("pulse");
  const format = await getFormatter();
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title={t("title")} description={t("intro")} actions={can(actor, "pulse.send") ? <ButtonLink href="/pulse/send" variant="secondary">{t("sendLink")}</ButtonLink> : null} />
      {sp.answered === "1" ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("thanks")}
        </p>
      ) : null}
      <Card>
        <h2 className="font-semibold text-slate-900">{t("anonymousTitle")}</h2>
        <p className="mt-1 text-sm text-slate-700">{t("anonymousBody")}</p>
        <p className="mt-1 text-sm text-slate-700">{t("groupRule", { min: pulseMinimumGroup() })}</p>
      </Card>
      <section aria-labelledby="pulse-open-heading">
        <h2 id="pulse-open-heading" className="mb-3 text-xl font-semibold">
          {t("waiting")}
        </h2>
        {open.length === 0 ? (
          <EmptyState>{t("noneOpen")}</EmptyState>
        ) : (
          <ul className="space-y-2">
            {open.map((p) => (
              <li key={p.id}>
                <Card className="flex flex-wrap items-center justify-between gap-3">
                  <div>
                    <p className="font-medium text-slate-900">{t(`occasion.${p.occasion}`)}</p>
                    <p className="text-sm text-slate-600">{t("sentOn", { date: formatDay(format, p.sentOn) })}</p>
                  </div>
                  <Link href={`/pulse/${p.id}`} className="font-medium text-brand-700 underline">
                    {t("answer")}
                  </Link>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="pulse-answered-heading">
        <h2 id="pulse-answered-heading" className="mb-3 text-xl font-semibold">
          {t("answeredList")}
        </h2>
        {answered.rows.length === 0 ? (
          <EmptyState>{t("noneAnswered")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {answered.rows.map((p) => (
              <li key={p.id} className="px-4 py-3 text-sm">
                <span className="font-medium text-slate-900">{t(`occasion.${p.occasion}`)}</span>
                <span className="text-slate-600"> · {t("answeredOn", { date: formatDay(format, p.answeredOn ?? p.sentOn) })}</span>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={answered.page} pageCount={answered.pageCount} basePath="/pulse" />
      </section>
    </div>
  );
}
