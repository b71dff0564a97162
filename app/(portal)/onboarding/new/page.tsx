import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { assertMayStartOnboarding, buddySuggestions, managerCandidates, onboardingCandidate, openPlanOf } from "@/lib/onboarding/start";
import { HirePicker } from "../_components/onboarding-person-picker";
import { nextWorkingDay } from "@/lib/onboarding/rules";
import { templateFreshness } from "@/lib/onboarding/templates";
import { holidaysBetween } from "@/lib/org/settings";
import { found, optionalIdParam } from "@/lib/core/page";
import { listRoles } from "@/lib/roles/catalog";
import { requireActor } from "@/lib/auth/session";
import { todayIso } from "@/lib/core/dates";
import { StartForm } from "../_components/start-form";
import { formatDay } from "@/lib/core/format-dates";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("onboarding.new");
  return { title: t("title") };
}

export default async function NewOnboardingPage({ searchParams }: { searchParams: Promise<{ person?: string; from?: string }> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  found(() => assertMayStartOnboarding(actor));
  const t = await getTranslations("onboarding.new");
  const format = await getFormatter();
  const personId = optionalIdParam(sp.person);
  const fromRoleId = optionalIdParam(sp.from);
  const person = personId ? (onboardingCandidate(actor, personId) ?? undefined) : undefined;
  const suggestions = person ? buddySuggestions(actor, person.id) : [];
  const managers = person ? managerCandidates(actor, person.id) : [];
  const defaultManager = managers.find((m) => m.id === person?.reportsToId) ?? managers.find((m) => m.id === actor.id) ?? managers[0];
  const today = todayIso();
  const suggestedStart = person ? (person.startDate > today ? person.startDate : today) : today;
  const startDate = nextWorkingDay(suggestedStart, holidaysBetween(suggestedStart, `${Number(suggestedStart.slice(0, 4)) + 1}${suggestedStart.slice(4)}`));
  const template = person?.jobRoleId ? templateFreshness(actor, person.jobRoleId) : null;
  const openPlan = person ? openPlanOf(actor, person.id) : null;
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("title")} description={t("intro")} />
      <Card className="mb-6">
        <form method="get" action="/onboarding/new" className="flex flex-wrap items-end gap-3">
          <HirePicker label={t("person")} hint={t("personHint")} initial={person ? { id: person.id, name: person.name, email: person.email, roleTitle: person.roleTitle } : null} />
          {fromRoleId ? <input type="hidden" name="from" value={fromRoleId} /> : null}
          <button type="submit" className={buttonClass("secondary")}>
            {t("next")}
          </button>
        </form>
      </Card>
      {person && openPlan ? (
        <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("hasOpenPlan", { name: person.name })}{" "}
          <Link href={`/onboarding/${openPlan.id}`} className="font-medium underline">
            {t("openPlan")}
          </Link>
        </p>
      ) : null}
      {person && template?.outdated ? (
        <div role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p>{t("templateOutdated", { role: person.roleTitle ?? "", from: template.generatedFromVersion ?? 0, current: template.currentVersion })}</p>
          {template.mayEdit ? (
            <Link href={`/roles/${template.slug}/onboarding?preview=1`} className="font-medium underline">
              {t("reviewTemplate")}
            </Link>
          ) : null}
        </div>
      ) : null}
      {person ? (
        <>
          <Card className="mb-6">
            <h2 className="font-semibold">{t("suggested")}</h2>
            <p className="text-sm text-slate-600">{t("suggestedHint")}</p>
            {suggestions.length ? (
              <ol className="mt-3 space-y-1 text-sm" aria-label={t("suggested")}>
                {suggestions.slice(0, 8).map((s) => (
                  <li key={s.id}>
                    <span className="font-medium">{s.name}</span>{" "}
                    <span className="text-slate-600">
                      · {t("tenure", { date: formatDay(format, s.startDate, { dateStyle: "medium" }) })} · {t("buddies", { count: s.currentBuddies })}
                    </span>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="mt-2 text-sm text-amber-800">{t("noSuggestions")}</p>
            )}
          </Card>
          <Card>
            <StartForm
              personId={person.id}
              personName={person.name}
              startDate={startDate}
              managers={managers}
              managerId={defaultManager?.id ?? ""}
              buddy={suggestions[0] ?? null}
              roles={listRoles(actor, { page: 1 }).rows.filter((r) => r.id !== person.jobRoleId)}
              fromRoleId={fromRoleId ?? ""}
            />
          </Card>
        </>
      ) : null}
    </div>
  );
}
