import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card } from "@/components/ui/card";
import type { Tracking } from "@/lib/communication/tracking";

/** Who understood, who asked (answered or not), who has not answered yet with days waiting. */
export async function TrackingView({ tracking }: { tracking: Tracking }) {
  const t = await getTranslations("tracking");
  const format = await getFormatter();
  const date = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "medium" }) : "—");
  const total = tracking.understood.length + tracking.asked.length + tracking.waiting.length + tracking.replaced.length;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700" data-testid="tracking-summary">
        {t("summary", { understood: tracking.understood.length, asked: tracking.asked.length, waiting: tracking.waiting.length, total })}
        {tracking.replaced.length ? ` · ${t("replacedSummary", { count: tracking.replaced.length })}` : ""}
      </p>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card>
          <h2 className="font-semibold">{t("understood", { count: tracking.understood.length })}</h2>
          <ul className="mt-2 space-y-1 text-sm" aria-label={t("understoodList")}>
            {tracking.understood.map((r) => (
              <li key={r.ackId}>
                {r.name} <span className="text-xs text-slate-500">· {date(r.answeredAt)}</span>
              </li>
            ))}
          </ul>
        </Card>
        <Card>
          <h2 className="font-semibold">{t("asked", { count: tracking.asked.length })}</h2>
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
        </Card>
        <Card>
          <h2 className="font-semibold">{t("waiting", { count: tracking.waiting.length })}</h2>
          <ul className="mt-2 space-y-1 text-sm" aria-label={t("waitingList")}>
            {tracking.waiting.map((r) => (
              <li key={r.ackId}>
                {r.name} <span className="text-xs text-slate-500">· {t("daysWaiting", { days: r.daysWaiting })}</span>
                {r.reminders ? <span className="text-xs text-slate-500"> · {t("reminded", { count: r.reminders })}</span> : null}
              </li>
            ))}
          </ul>
        </Card>
      </div>
      {tracking.replaced.length ? (
        <Card>
          <h2 className="font-semibold">{t("replaced", { count: tracking.replaced.length })}</h2>
          <p className="mt-1 text-sm text-slate-600">{t("replacedHint")}</p>
          <ul className="mt-2 space-y-1 text-sm" aria-label={t("replacedList")}>
            {tracking.replaced.map((r) => (
              <li key={r.ackId}>
                {r.name}
                {r.reminders ? <span className="text-xs text-slate-500"> · {t("reminded", { count: r.reminders })}</span> : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
