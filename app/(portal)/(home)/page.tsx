import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Markdown } from "@/components/markdown";
import { ResponsibilityList, ToolsCard } from "@/components/roles/responsibility-list";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getMyRole } from "@/lib/roles/catalog";
import { myOpenPlan } from "@/lib/onboarding/plans";
import { planDay } from "@/lib/onboarding/rules";
import { requireActor } from "@/lib/auth/session";
import { todayIso } from "@/lib/core/dates";
import { ItemList } from "../onboarding/_components/item-list";
import { groupItems, PlanContacts, PlanProgress } from "../onboarding/_components/plan-parts";
import { formatDay } from "@/lib/core/format-dates";
import { withRaiseAbout } from "@/components/concerns/raise-about";
import { withCapabilityLink } from "../capability/_components/capability-link";
import { faqFooters } from "@/components/faq/faq-list";
import { faqForRole } from "@/lib/faq/read";
import { threadCountsForRole } from "@/lib/threads/read";
import { DiscussLink } from "../threads/_components/discuss-link";
import { PulseWaitingCard } from "../pulse/_components/pulse-card";
import { DemoInProductionWarning } from "@/components/shell/demo-banner";
import { can } from "@/lib/auth/policy";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("myRole");
  return { title: t("title") };
}

export default async function MyRolePage() {
  const actor = await requireActor();
  const t = await getTranslations("myRole");
  const format = await getFormatter();
  const { person, role, manager, team } = getMyRole(actor);
  const discuss = role ? threadCountsForRole(actor, role.id) : null;
  const taskCount = role?.responsibilities.reduce((n, r) => n + r.tasks.length, 0) ?? 0;
  const today = todayIso();
  const plan = myOpenPlan(actor, today);
  const p = await getTranslations("onboarding.plan");
  const ev = await getTranslations("evaluations.guide");
  const groups = plan ? groupItems(plan.items, today) : null;
  const names = plan ? { buddy: plan.buddy?.name ?? null, manager: plan.manager?.name ?? null, hire: plan.person.name } : null;

  return (
    <div>
      <PageHeader
        title={role ? role.title : t("title")}
        description={t("greeting", { name: person.name.split(" ")[0] })}
      />
      {can(actor, "organisation.manage") ? <DemoInProductionWarning /> : null}
      <PulseWaitingCard actor={actor} />
      {plan && groups && names ? (
        <section aria-labelledby="onboarding-heading" className="mb-8 rounded-xl border border-brand-100 bg-brand-50/60 p-5">
          <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
            <h2 id="onboarding-heading" className="text-xl font-semibold">
              {t("onboardingBanner", { day: Math.max(0, planDay(plan.startDate, today)) })}
            </h2>
            <Link href={`/onboarding/${plan.id}`} className="text-sm text-brand-700 underline">
              {p("allItems")}
            </Link>
          </div>
          <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
            <div className="space-y-5">
              <PlanProgress plan={plan} />
              <div>
                <h3 className="mb-2 font-semibold">{p("today")}</h3>
                {groups.today.length ? (
                  <ItemList items={groups.today} planId={plan.id} roleSlug={plan.role?.slug ?? null} viewerIsHire names={names} label={p("today")} />
                ) : (
                  <p className="text-sm text-slate-600">{p("nothingToday")}</p>
                )}
              </div>
              <div>
                <h3 className="mb-2 font-semibold">{p("thisWeek")}</h3>
                {groups.thisWeek.length ? (
                  <ItemList items={groups.thisWeek} planId={plan.id} roleSlug={plan.role?.slug ?? null} viewerIsHire names={names} label={p("thisWeek")} />
                ) : (
                  <p className="text-sm text-slate-600">{p("nothingThisWeek")}</p>
                )}
              </div>
            </div>
            <PlanContacts plan={plan} />
          </div>
        </section>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <div className="space-y-6">
          {role ? (
            <>
              <Card>
                <h2 className="rb-section-title">{t("purpose")}</h2>
                <Markdown className="mt-2 text-slate-800">{role.purpose}</Markdown>
                <p className="mt-3 text-sm text-slate-600">
                  {t("summary", { responsibilities: role.responsibilities.length, tasks: taskCount })}{" "}
                  <Link href={`/roles/${role.slug}`} className="text-brand-700 underline">
                    {t("openRolePage")}
                  </Link>
                </p>
                <p className="mt-2 text-sm text-slate-600">
                  <Link href="/my-role/evaluation" className="font-medium text-brand-700 underline">
                    {ev("title")}
                  </Link>
                  : {ev("homeHint")}
                </p>
              </Card>
              <section>
                <h2 className="mb-3 text-xl font-semibold">{t("responsibilities")}</h2>
                <ResponsibilityList
                  responsibilities={role.responsibilities}
                  footer={withCapabilityLink(
                    withRaiseAbout(faqFooters(faqForRole(actor, role.id), role.slug, role.responsibilities.map((r) => r.key)), role.responsibilities.map((r) => r.key)),
                    role.responsibilities.map((r) => r.key),
                  )}
                  taskExtra={(task) => <DiscussLink counts={discuss!} roleId={role.id} task={task} />}
                />
              </section>
            </>
          ) : (
            <EmptyState>{t("noRole")}</EmptyState>
          )}
        </div>
        <aside className="space-y-4">
          {role ? null : (
            <Card>
              <h2 className="rb-section-title">{ev("title")}</h2>
              <p className="mt-2 text-sm text-slate-700">{ev("homeHint")}</p>
              <Link href="/my-role/evaluation" className="mt-2 inline-block text-sm font-medium text-brand-700 underline">
                {ev("title")}
              </Link>
            </Card>
          )}
          {role ? <ToolsCard tools={role.tools} /> : null}
          <Card>
            <h2 className="rb-section-title">{t("yourManager")}</h2>
            {manager ? (
              <div className="mt-2 text-sm">
                <p className="font-medium text-slate-900">{manager.name}</p>
                <p>
                  <a className="text-brand-700 underline" href={`mailto:${manager.email}`}>
                    {manager.email}
                  </a>
                </p>
                {manager.phone ? <p className="text-slate-600">{manager.phone}</p> : null}
              </div>
            ) : (
              <p className="mt-2 text-sm text-slate-600">{t("noManager")}</p>
            )}
          </Card>
          <Card>
            <h2 className="rb-section-title">{t("yourTeam")}</h2>
            {team ? (
              <div className="mt-2 text-sm">
                <p className="font-medium text-slate-900">{team.name}</p>
                {team.managerName ? <p className="text-slate-600">{t("teamManagedBy", { name: team.managerName })}</p> : null}
              </div>
            ) : (
              <p className="mt-2 text-sm text-slate-600">{t("noTeam")}</p>
            )}
          </Card>
          <Card>
            <h2 className="rb-section-title">{t("startDate")}</h2>
            <p className="mt-2 text-sm text-slate-800">
              {formatDay(format, person.startDate, { dateStyle: "long" })}
            </p>
          </Card>
        </aside>
      </div>
    </div>
  );
}
