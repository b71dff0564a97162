import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import type { PlanDetail, PlanItem } from "@/lib/onboarding/plans";

/** Monday..Sunday week of a date, as YYYY-MM-DD bounds. */
export function weekBounds(todayIso: string) {
  const d = new Date(`${todayIso}T00:00:00Z`);
  const monday = new Date(d);
  monday.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  const sunday = new Date(monday);
  sunday.setUTCDate(monday.getUTCDate() + 6);
  return { start: monday.toISOString().slice(0, 10), end: sunday.toISOString().slice(0, 10) };
}

/** Splits open items into today (with overdue), the rest of this week, and later. */
export function groupItems(items: PlanItem[], today: string) {
  const week = weekBounds(today);
  const open = items.filter((i) => !i.doneAt);
  return {
    today: open.filter((i) => i.dueDate <= today),
    thisWeek: open.filter((i) => i.dueDate > today && i.dueDate <= week.end),
    later: open.filter((i) => i.dueDate > week.end),
    done: items.filter((i) => i.doneAt),
  };
}

export async function PlanProgress({ plan }: { plan: PlanDetail }) {
  const t = await getTranslations("onboarding.plan");
  return (
    <div className="space-y-1">
      <Progress value={plan.progress.percent} label={t("progressLabel")} detail={t("progress", { done: plan.progress.done, total: plan.progress.total })} />
      {plan.progress.overdue ? <p className="text-sm text-red-700">{t("overdue", { count: plan.progress.overdue })}</p> : null}
    </div>
  );
}

function Person({ title, p }: { title: string; p: { name: string; email: string; phone: string | null } | null }) {
  return (
    <Card>
      <h2 className="rb-section-title">{title}</h2>
      {p ? (
        <div className="mt-2 text-sm">
          <p className="font-medium text-slate-900">{p.name}</p>
          <p>
            <a className="text-brand-700 underline" href={`mailto:${p.email}`}>
              {p.email}
            </a>
          </p>
          {p.phone ? (
            <p>
              <a className="text-slate-700" href={`tel:${p.phone.replace(/\s+/g, "")}`}>
                {p.phone}
              </a>
            </p>
          ) : null}
        </div>
      ) : (
        <p className="mt-2 text-sm text-slate-600">—</p>
      )}
    </Card>
  );
}

export async function PlanContacts({ plan }: { plan: PlanDetail }) {
  const t = await getTranslations("onboarding.plan");
  const mine = plan.me.isHire;
  return (
    <div className="space-y-4">
      <Person title={mine ? t("buddy") : t("theBuddy")} p={plan.buddy} />
      <Person title={mine ? t("manager") : t("theManager")} p={plan.manager} />
      {mine ? (
        <Card>
          <Link href="/changes" className="font-medium text-brand-800 underline">
            {t("answerRole")}
          </Link>
        </Card>
      ) : null}
    </div>
  );
}
