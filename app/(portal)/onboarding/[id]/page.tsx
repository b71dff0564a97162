import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { getPlan } from "@/lib/onboarding/plans";
import { dueDateWindow, planDay } from "@/lib/onboarding/rules";
import { holidaysBetween } from "@/lib/org/settings";
import { found, idParam } from "@/lib/core/page";
import { getRoleBySlug } from "@/lib/roles/catalog";
import { can } from "@/lib/auth/policy";
import { offersProbationEvaluation } from "@/lib/evaluations/due";
import { requireActor } from "@/lib/auth/session";
import { todayIso } from "@/lib/core/dates";
import { ItemList } from "../_components/item-list";
import { AddItemForm, CheckinForm, ClosePlanForm, RemoveItemButton } from "../_components/plan-forms";
import { groupItems, PlanContacts, PlanProgress } from "../_components/plan-parts";
import { formatDay } from "@/lib/core/format-dates";
import { PlainText } from "@/components/ui/plain-text";
import { SuccessNote } from "@/components/ui/notice";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ started?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("onboarding");
  return { title: t("title") };
}

const MILESTONES = ["day1", "week1", "day30", "day60", "day90"] as const;

export default async function PlanPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const id = idParam((await params).id);
  const today = todayIso();
  const plan = found(() => getPlan(actor, id, today));
  const { started } = await searchParams;
  const t = await getTranslations("onboarding.plan");
  const o = await getTranslations("onboarding");
  const ev = await getTranslations("evaluations.due");
  const format = await getFormatter();
  const groups = groupItems(plan.items, today);
  const window = dueDateWindow(plan.startDate);
  const day = planDay(plan.startDate, today, holidaysBetween(window.from, window.to));
  const names = { buddy: plan.buddy?.name ?? null, manager: plan.manager?.name ?? null, hire: plan.person.name };
  const role = plan.role && plan.me.mayChange ? found(() => getRoleBySlug(actor, plan.role!.slug)) : null;
  const links = role
    ? role.responsibilities.flatMap((r) => [
        { value: `responsibility:${r.key}`, label: r.title },
        ...r.tasks.map((x) => ({ value: `task:${x.key}`, label: `— ${x.title}` })),
      ])
    : [];
  const list = (items: typeof plan.items, label: string) => (
    <ItemList
      items={items}
      planId={plan.id}
      roleSlug={plan.role?.slug ?? null}
      viewerIsHire={plan.me.isHire}
      names={names}
      label={label}
      removable={plan.me.mayChange ? RemoveItemButton : undefined}
    />
  );
  const mine = (note: (typeof plan.checkins)[number] | undefined) => note?.note ?? "";

  return (
    <div>
      {can(actor, "onboarding.manage") || !plan.me.isHire ? (
        <p className="mb-2 text-sm">
          <Link href={can(actor, "onboarding.manage") ? "/onboarding" : "/onboarding/tasks"} className="text-brand-700 hover:underline">
            ← {can(actor, "onboarding.manage") ? o("title") : o("myTasks")}
          </Link>
        </p>
      ) : null}
      <PageHeader
        title={t("title", { name: plan.person.name })}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {plan.role ? <Link href={`/roles/${plan.role.slug}`} className="text-brand-700 underline">{plan.role.title}</Link> : null}
            <Badge tone="brand">{o(`kind.${plan.kind}`)}</Badge>
            <span>{formatDay(format, plan.startDate, { dateStyle: "long" })}</span>
            <span>· {day >= 0 ? t("day", { day }) : t("before", { days: -day })}</span>
          </span>
        }
        actions={
          <a href="/api/onboarding/calendar" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50">
            {o("calendar")}
          </a>
        }
      />
      {started ? (
        <SuccessNote>
          {t("started")}
        </SuccessNote>
      ) : null}
      {plan.status === "closed" ? (
        <p className="mb-4 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-800">
          {plan.closedReason ? t("closedReason", { reason: plan.closedReason }) : t("closedAllDone")}
        </p>
      ) : null}
      {plan.status === "closed" && plan.kind === "new_hire" && plan.closedByMe && offersProbationEvaluation(actor, plan.person.id) ? (
        <p role="status" className="mb-4 rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-slate-800" data-testid="probation-offer">
          {ev("probationOffer", { name: plan.person.name })}{" "}
          <Link href={`/evaluations/new?person=${plan.person.id}&kind=probation`} className="font-medium text-brand-700 underline">
            {ev("startProbation")}
          </Link>
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <div className="space-y-6">
          <Card>
            <PlanProgress plan={plan} />
          </Card>
          <section aria-labelledby="today">
            <h2 id="today" className="mb-2 text-lg font-semibold">
              {t("today")}
            </h2>
            {groups.today.length ? list(groups.today, t("today")) : <p className="text-sm text-slate-600">{t("nothingToday")}</p>}
          </section>
          <section aria-labelledby="week">
            <h2 id="week" className="mb-2 text-lg font-semibold">
              {t("thisWeek")}
            </h2>
            {groups.thisWeek.length ? list(groups.thisWeek, t("thisWeek")) : <p className="text-sm text-slate-600">{t("nothingThisWeek")}</p>}
          </section>
          {groups.later.length ? (
            <section aria-labelledby="later">
              <h2 id="later" className="mb-2 text-lg font-semibold">
                {t("later")}
              </h2>
              {list(groups.later, t("later"))}
            </section>
          ) : null}
          {groups.done.length ? (
            <details className="rounded-lg border border-slate-200 bg-white p-3">
              <summary className="cursor-pointer font-semibold">
                {t("done")} ({groups.done.length})
              </summary>
              <div className="mt-3">{list(groups.done, t("done"))}</div>
            </details>
          ) : null}
          {plan.me.mayChange ? (
            <Card>
              <h2 className="mb-3 text-lg font-semibold">{t("addItem")}</h2>
              <AddItemForm planId={plan.id} links={links} />
            </Card>
          ) : null}
          {plan.me.mayCheckin ? (
            <section aria-labelledby="checkins">
              <h2 id="checkins" className="mb-2 text-lg font-semibold">
                {t("checkins")}
              </h2>
              <div className="grid gap-3 md:grid-cols-2">
                {MILESTONES.map((m) => {
                  const notes = plan.checkins.filter((c) => c.milestone === m);
                  return (
                    <Card key={m}>
                      <h3 className="font-semibold">{t(`milestone.${m}`)}</h3>
                      <ul className="my-2 space-y-1 text-sm">
                        {notes
                          .filter((c) => c.authorId !== actor.id)
                          .map((c) => (
                            <li key={c.id}>
                              <p className="text-xs text-slate-500">{t("checkinBy", { name: c.authorName, date: format.dateTime(new Date(c.updatedAt), { dateStyle: "medium" }) })}</p>
                              <PlainText>{c.note}</PlainText>
                            </li>
                          ))}
                      </ul>
                      <CheckinForm planId={plan.id} milestone={m} label={t(`milestone.${m}`)} note={mine(notes.find((c) => c.authorId === actor.id))} />
                    </Card>
                  );
                })}
              </div>
            </section>
          ) : null}
        </div>
        <aside className="space-y-4">
          <PlanContacts plan={plan} />
          {plan.me.mayChange ? (
            <Card>
              <h2 className="mb-2 rb-section-title">{t("close")}</h2>
              <ClosePlanForm planId={plan.id} revision={plan.revision} />
            </Card>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
