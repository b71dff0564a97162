import Link from "@/components/ui/link";
import { getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Badge } from "@/components/ui/card";
import type { PlanItem } from "@/lib/onboarding/plans";
import { itemTextForReader } from "@/lib/onboarding/phrases-server";
import { RemindButton } from "./plan-forms";
import { isReadRoleItem } from "@/lib/onboarding/read-role";
import { TickButton } from "./tick-button";
import { formatDay, formatInstant } from "@/lib/core/format-dates";
import { PlainText } from "@/components/ui/plain-text";

/** Plan items with who does each, when it is due, and whether it is done; generated items in the reader's language. */
export async function ItemList({
  items,
  planId,
  roleSlug,
  viewerIsHire,
  names,
  label,
  removable,
}: {
  items: PlanItem[];
  planId: number;
  roleSlug: string | null;
  viewerIsHire: boolean;
  names: { buddy: string | null; manager: string | null; hire: string };
  label: string;
  removable?: React.ComponentType<{ itemId: number; planId: number; title: string }>;
}) {
  const t = await getTranslations("onboarding.plan");
  const rr = await getTranslations("roleReading");
  const ac = await getTranslations("access");
  const [format, zone] = await Promise.all([getFormatter(), getTimeZone()]);
  const text = await itemTextForReader();
  const Remove = removable;
  const who = (a: PlanItem["assignee"]) => {
    const role = viewerIsHire ? t(`assignee.${a}`) : t(`assigneeOther.${a}`);
    const name = a === "buddy" ? names.buddy : a === "manager" ? names.manager : a === "hire" && !viewerIsHire ? names.hire : null;
    return name ? `${role}: ${name}` : role;
  };
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label={label}>
      {items.map((i) => {
        const { title, description } = text(i);
        return (
        <li key={i.id} className="flex flex-wrap items-start justify-between gap-3 p-3">
          <div className="min-w-0 flex-1">
            <p className={`font-medium ${i.doneAt ? "text-slate-500 line-through" : "text-slate-900"}`}>{title}</p>
            {description ? <PlainText className="text-sm text-slate-600">{description}</PlainText> : null}
            <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
              <span>{who(i.assignee)}</span>
              <span>· {t("due", { date: formatDay(format, i.dueDate, { weekday: "short", day: "numeric", month: "short" }) })}</span>
              {i.overdue ? <Badge tone="red">{t("overdueBadge")}</Badge> : null}
              {i.doneAt ? <Badge tone="green">{t("doneBy", { date: format.dateTime(new Date(i.doneAt), { dateStyle: "medium" }) })}</Badge> : null}
              {!i.doneAt && !i.canTick ? <Badge>{t("notDone")}</Badge> : null}
              {isReadRoleItem(i) && viewerIsHire ? (
                <Link className="text-brand-700 underline" href="/my-role">
                  {rr("openFromPlan")}
                </Link>
              ) : null}
              {isReadRoleItem(i) && !viewerIsHire && !i.doneAt ? <span>{rr("doneWhenConfirmed")}</span> : null}
              {i.courseId ? (
                <Link className="text-brand-700 underline" href={`/training/${i.courseId}`}>
                  {ac("openCourse")}
                </Link>
              ) : null}
              {i.linkKey && roleSlug ? (
                <Link className="text-brand-700 underline" href={`/roles/${roleSlug}#${i.linkKind === "task" ? "t" : "r"}-${i.linkKey}`}>
                  {t("role")}
                </Link>
              ) : null}
            </p>
          </div>
          <div className="flex items-start gap-2">
            {i.canTick ? <TickButton itemId={i.id} planId={planId} done={Boolean(i.doneAt)} title={title} /> : null}
            {i.mayRemind ? (
              <RemindButton
                itemId={i.id}
                planId={planId}
                title={title}
                nextAt={i.nextRemindAt ? formatInstant(format, i.nextRemindAt, zone, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }) : null}
              />
            ) : null}
            {Remove && !i.doneAt ? <Remove itemId={i.id} planId={planId} title={title} /> : null}
          </div>
        </li>
        );
      })}
    </ul>
  );
}
