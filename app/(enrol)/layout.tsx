import Link from "@/components/ui/link";
import { DemoBanner } from "@/components/shell/demo-banner";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { SkipLink } from "@/components/shell/skip-link";
import { requireActor } from "@/lib/auth/session";

/**
 * A plain frame for setting up two-factor sign-in (/security/two-factor). It lives outside the
 * portal layout, which sends an HR admin who must enrol here from every other page: this page must
 * never be redirected itself (a Server Action's redirect renders its target under the action's own
 * path, so the portal layout cannot always tell which page it renders).
 */
export default async function EnrolLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <DemoBanner />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-4 py-3">
          <Link href="/" className="mr-auto text-lg font-bold tracking-tight text-brand-800">
            Rolebook
          </Link>
          <p className="text-sm font-medium text-slate-900" data-testid="current-user">
            {actor.name}
          </p>
          <LocaleSwitcher />
          <SignOutButton />
        </div>
      </header>
      <main id="main" className="mx-auto w-full min-w-0 max-w-7xl flex-1 px-4 py-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
