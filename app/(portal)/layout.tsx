import Link from "@/components/ui/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTimeZone, getTranslations } from "next-intl/server";
import { LiveNotifications } from "@/components/shell/live-notifications";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { MobileMenu } from "@/components/shell/mobile-menu";
import { NavLink } from "@/components/shell/nav-link";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { SkipLink } from "@/components/shell/skip-link";
import { DemoBanner } from "@/components/shell/demo-banner";
import { badgeLabel } from "@/lib/core/capped-count";
import { navigationCounts } from "@/lib/core/navigation";
import { can, type Permission } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { needsSetup } from "@/lib/org/demo";
import { mustEnrolSecondFactor } from "@/lib/auth/second-factor";
import { PATH_HEADER } from "@/auth.config";

type NavKey = "myRole" | "changes" | "announcements" | "whoseTask" | "onboarding" | "evaluations" | "evaluationsDue" | "concerns" | "feedback" | "capability" | "training" | "readiness" | "access" | "people" | "roles" | "clarity" | "audit" | "settings";
const NAV: { href: string; key: NavKey; permission: Permission; except?: string[] }[] = [
  { href: "/", key: "myRole", permission: "self.read" },
  { href: "/changes", key: "changes", permission: "acks.answer" },
  { href: "/announcements", key: "announcements", permission: "announcements.read" },
  { href: "/whose-task", key: "whoseTask", permission: "tasks.search" },
  { href: "/onboarding", key: "onboarding", permission: "onboarding.manage" },
  { href: "/evaluations", key: "evaluations", permission: "self.read", except: ["/evaluations/due"] },
  { href: "/evaluations/due", key: "evaluationsDue", permission: "evaluations.write" },
  { href: "/concerns", key: "concerns", permission: "concerns.raise" },
  { href: "/feedback", key: "feedback", permission: "ratings.read" },
  { href: "/capability", key: "capability", permission: "self.read" },
  { href: "/training", key: "training", permission: "courses.read" },
  { href: "/readiness", key: "readiness", permission: "readiness.read" },
  { href: "/access", key: "access", permission: "access.manage" },
  { href: "/roles", key: "roles", permission: "roles.read" },
  { href: "/people", key: "people", permission: "people.read" },
  { href: "/clarity", key: "clarity", permission: "clarity.read" },
  { href: "/audit", key: "audit", permission: "audit.read" },
  { href: "/settings", key: "settings", permission: "organisation.manage" },
];

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  // An installation nobody has set up yet (ROLEBOOK_DEMO=false) starts on /setup.
  if (needsSetup()) redirect("/setup");
  const actor = await requireActor();
  // HR admins the settings require a second factor of enrol before anything else (their actions are
  // refused by createAction too): every portal page but /security sends them to the enrolment page,
  // which is outside this layout (app/(enrol)). The path comes from proxy.ts (after a Server Action's
  // redirect it is the action's path, so only an exact "/security" is let through).
  if (mustEnrolSecondFactor(actor) && (await headers()).get(PATH_HEADER) !== "/security") redirect("/security/two-factor");
  const t = await getTranslations("shell");
  const tSecurity = await getTranslations("security");
  const roles = await getTranslations("appRoles");
  const timeZone = await getTimeZone();
  // The badges, kept until the database changes (lib/core/navigation.ts).
  const { openItems, questions, answersQuestions, unread, latestId, concernsWaiting, evaluationsDue, evaluationsWaiting, followupsWaiting, duties, supports } = navigationCounts(actor);
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <DemoBanner />
      <header className="border-b border-slate-200 bg-white" data-print="hide">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 px-4 py-2 sm:pt-3">
          <Link href="/" className="order-1 mr-auto text-lg font-bold tracking-tight text-brand-800">
            Rolebook
          </Link>
          <Link
            href="/notifications"
            aria-label={unread > 99 ? t("notificationsLabelCapped") : t("notificationsLabel", { count: unread })}
            className="relative order-2 rounded-md p-2 text-slate-700 hover:bg-slate-100"
            data-testid="bell"
          >
            <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
              <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
              <path d="M13.73 21a2 2 0 0 1-3.46 0" />
            </svg>
            {unread ? (
              <span className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold text-white">
                {badgeLabel(unread)}
              </span>
            ) : null}
          </Link>
          <LiveNotifications unread={unread} latestId={latestId} />
          <MobileMenu label={t("menu")}>
            <div className="flex flex-wrap items-center gap-4 px-2 pb-3 sm:order-3 sm:px-0 sm:pb-0">
              <div className="min-w-0 text-sm leading-tight sm:order-2 sm:text-right">
                <p className="font-medium text-slate-900" data-testid="current-user">
                  {actor.name}
                </p>
                <p className="text-slate-500">{roles(actor.appRole)}</p>
              </div>
              <div className="sm:order-1">
                <LocaleSwitcher />
              </div>
              <Link href="/preferences" className="text-sm text-slate-600 underline-offset-2 hover:underline sm:order-1" data-testid="time-zone-link">
                {t("timeZoneLink", { zone: timeZone })}
              </Link>
              <Link href="/security" className="text-sm text-slate-600 underline-offset-2 hover:underline sm:order-1" data-testid="security-link">
                {tSecurity("title")}
              </Link>
              <div className="sm:order-3">
                <SignOutButton />
              </div>
            </div>
            <nav aria-label={t("mainNavigation")} className="flex flex-col gap-1 sm:order-5 sm:-mx-2 sm:w-full sm:flex-row sm:flex-wrap sm:pt-1">
              {NAV.filter((n) => can(actor, n.permission)).map((n) => (
                <NavLink key={n.href} href={n.href} except={n.except}>
                  {t(`nav.${n.key}`)}
                  {n.key === "evaluations" && evaluationsWaiting ? (
                    <span className="ml-1.5 rounded-full bg-amber-700 px-1.5 text-xs font-semibold text-white" data-testid="evaluations-waiting-count">
                      {badgeLabel(evaluationsWaiting)}
                      <span className="sr-only"> {t("evaluationsWaitingCount")}</span>
                    </span>
                  ) : null}
                  {n.key === "concerns" && concernsWaiting ? (
                    <span className="ml-1.5 rounded-full bg-amber-700 px-1.5 text-xs font-semibold text-white" data-testid="concerns-inbox-count">
                      {badgeLabel(concernsWaiting)}
                      <span className="sr-only"> {t("concernsInboxCount")}</span>
                    </span>
                  ) : null}
                  {n.key === "feedback" && followupsWaiting ? (
                    <span className="ml-1.5 rounded-full bg-amber-700 px-1.5 text-xs font-semibold text-white" data-testid="followups-waiting-count">
                      {badgeLabel(followupsWaiting)}
                      <span className="sr-only"> {t("followupsCount")}</span>
                    </span>
                  ) : null}
                  {n.key === "changes" && openItems ? (
                    <span className="ml-1.5 rounded-full bg-amber-700 px-1.5 text-xs font-semibold text-white">
                      {badgeLabel(openItems)}
                      <span className="sr-only"> {t("toAnswer")}</span>
                    </span>
                  ) : null}
                  {n.key === "evaluationsDue" && evaluationsDue ? (
                    <span className="ml-1.5 rounded-full bg-amber-700 px-1.5 text-xs font-semibold text-white" data-testid="evaluations-due-count">
                      {badgeLabel(evaluationsDue)}
                      <span className="sr-only"> {t("evaluationsDueCount")}</span>
                    </span>
                  ) : null}
                </NavLink>
              ))}
              {answersQuestions ? (
                <NavLink href="/questions">
                  {t("nav.questions")}
                  {questions ? (
                    <span className="ml-1.5 rounded-full bg-amber-700 px-1.5 text-xs font-semibold text-white" data-testid="questions-count">
                      {badgeLabel(questions)}
                      <span className="sr-only"> {t("waitingForAnswer")}</span>
                    </span>
                  ) : null}
                </NavLink>
              ) : null}
              {supports ? (
                <NavLink href="/onboarding/tasks">
                  {t("nav.onboardingTasks")}
                  {duties ? <span className="ml-1.5 rounded-full bg-brand-700 px-1.5 text-xs font-semibold text-white">{badgeLabel(duties)}</span> : null}
                </NavLink>
              ) : null}
            </nav>
          </MobileMenu>
        </div>
      </header>
      <main id="main" className="mx-auto w-full min-w-0 max-w-7xl flex-1 px-4 py-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
