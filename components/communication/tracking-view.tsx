import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Badge, Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import type { Tracking, TrackingGroup } from "@/lib/communication/tracking";

/**
 * Who understood, who asked (answered or not), who has not answered yet with days waiting: counts,
 * and one page of people per group, with a link to the rest of a group (paginated).
 */
export async function TrackingView({ tracking, basePath }: { tracking: Tracking; basePath: string }) {
  const t = await getTranslations("tracking");
  const format = await getFormatter();
  const date = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "medium" }) : "—");
  const { counts } = tracking;
  const total = counts.understood + counts.asked + counts.waiting + counts.replaced;
  const more = (group: TrackingGroup, shown: number) =>
    tracking.page?.group === group ? (
      <Pagination page={tracking.page.page} pageCount={tracking.page.pageCount} basePath={basePath} params={{ group }} />
    ) : counts[group] > shown ? (
      <p className="mt-2 text-sm">
        <Link href={`${basePath}?group=${group}`} className="text-brand-700 underline">
          {t("showAll", { count: counts[group] })}
        </Link>
      </p>
    ) : null;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700" data-testid="tracking-summary">
        {t("summary", { understood: counts.understood, asked: counts.asked, waiting: counts.waiting, total })}
        {counts.replaced ? ` · ${t("replacedSummary", { count: counts.replaced })}` : ""}
      </p>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card>
          <h2 className="font-semibold">{t("understood", { count: counts.understood })}</h2>
          <ul className="mt-2 space-y-1 text-sm" aria-label={t("understoodList")}>
            {tracking.understood.map((r) => (
              <li key={r.ackId}>
                {r.name} <span className="text-xs text-slate-500">· {date(r.answeredAt)}</span>
              </li>
            ))}
          </ul>
          {more("understood", tracking.understood.length)}
        </Card>
        <Card>
          <h2 className="font-semibold">{t("asked", { count: counts.asked })}</h2>
          <ul className="mt-2 space-y-1 text-sm" aria-label={t("askedList")}>
            {tracking.asked.map((r) => (
              <li key={r.ackId}>
                <Link href={`/changes/${r.ackId}`} className="text-brand-700 underline">
                  {r.name}
                </Link>{" "}
                {r.answered ? <Badge tone="green">{t("answered")}</Badge> : <Badge tone="amber">{t("awaitingAnswer")}</Badge>}
              </li>
            ))}
          </ul>
          {more("asked", tracking.asked.length)}
        </Card>
        <Card>
          <h2 className="font-semibold">{t("waiting", { count: counts.waiting })}</h2>
          <ul className="mt-2 space-y-1 text-sm" aria-label={t("waitingList")}>
            {tracking.waiting.map((r) => (
              <li key={r.ackId}>
                {r.name} <span className="text-xs text-slate-500">· {t("daysWaiting", { days: r.daysWaiting })}</span>
                {r.reminders ? <span className="text-xs text-slate-500"> · {t("reminded", { count: r.reminders })}</span> : null}
              </li>
            ))}
          </ul>
          {more("waiting", tracking.waiting.length)}
        </Card>
      </div>
      {counts.replaced ? (
        <Card>
          <h2 className="font-semibold">{t("replaced", { count: counts.replaced })}</h2>
          <p className="mt-1 text-sm text-slate-600">{t("replacedHint")}</p>
          <ul className="mt-2 space-y-1 text-sm" aria-label={t("replacedList")}>
            {tracking.replaced.map((r) => (
              <li key={r.ackId}>
                {r.name}
                {r.reminders ? <span className="text-xs text-slate-500"> · {t("reminded", { count: r.reminders })}</span> : null}
              </li>
            ))}
          </ul>
          {more("replaced", tracking.replaced.length)}
        </Card>
      ) : null}
    </div>
  );
}
