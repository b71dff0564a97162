import { getTranslations } from "next-intl/server";
import { NavLink } from "@/components/shell/nav-link";
import { ScopedMessages } from "@/components/shell/scoped-messages";
import { can, type Permission } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { hasFollowupsSection } from "@/lib/feedback/followups";

type TabKey = "mine" | "links" | "notes" | "leader" | "team" | "followups";
/** The feedback tool's sections (issue 12); each shows only when the policy allows what it is for. */
const TABS: { href: string; key: TabKey; permission: Permission }[] = [
  { href: "/feedback", key: "mine", permission: "ratings.read" },
  { href: "/feedback/links", key: "links", permission: "ratings.links" },
  { href: "/feedback/notes", key: "notes", permission: "feedback.give" },
  { href: "/feedback/leader", key: "leader", permission: "upward.give" },
  { href: "/feedback/team", key: "team", permission: "ratings.aggregate" },
  { href: "/feedback/follow-ups", key: "followups", permission: "followups.handle" },
];

export default async function FeedbackLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const t = await getTranslations("feedback.tabs");
  // Follow-ups only for those who have any (or lead people whose ratings they read).
  const tabs = TABS.filter((tab) => can(actor, tab.permission) && (tab.key !== "followups" || hasFollowupsSection(actor)));
  return (
    <ScopedMessages area="(portal)/feedback">
      <div className="space-y-6">
        <nav aria-label={t("label")} className="-mx-1 flex gap-1 overflow-x-auto border-b border-slate-200 pb-2" data-print="hide">
          {tabs.map((tab) => (
            <NavLink key={tab.href} href={tab.href} except={tab.href === "/feedback" ? TABS.slice(1).map((x) => x.href) : []}>
              <span className="whitespace-nowrap">{t(tab.key)}</span>
            </NavLink>
          ))}
        </nav>
        {children}
      </div>
    </ScopedMessages>
  );
}
