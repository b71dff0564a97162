import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { NavLink } from "@/components/shell/nav-link";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { can, type Permission } from "@/lib/permissions";
import { requireActor } from "@/lib/session";

const NAV: { href: string; key: "myRole" | "people" | "roles"; permission: Permission }[] = [
  { href: "/", key: "myRole", permission: "self.read" },
  { href: "/people", key: "people", permission: "people.read" },
  { href: "/roles", key: "roles", permission: "roles.read" },
];

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const t = await getTranslations("shell");
  const roles = await getTranslations("appRoles");
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        {t("skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex items-center gap-6">
            <Link href="/" className="text-lg font-bold tracking-tight text-brand-800">
              Rolebook
            </Link>
            <nav aria-label={t("mainNavigation")} className="flex flex-wrap gap-1">
              {NAV.filter((n) => can(actor.appRole, n.permission)).map((n) => (
                <NavLink key={n.href} href={n.href}>
                  {t(`nav.${n.key}`)}
                </NavLink>
              ))}
            </nav>
          </div>
          <div className="flex flex-wrap items-center gap-4">
            <LocaleSwitcher />
            <div className="text-right text-sm leading-tight">
              <p className="font-medium text-slate-900" data-testid="current-user">
                {actor.name}
              </p>
              <p className="text-slate-500">{roles(actor.appRole)}</p>
            </div>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
    </div>
  );
}
