import type { ReactNode } from "react";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";

/** The frame of the public invitation pages (no sign-in): small, in the person's language. */
export function InviteShell({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
          <p className="text-lg font-bold text-brand-800">Rolebook</p>
          <LocaleSwitcher />
        </div>
      </header>
      <main className="mx-auto max-w-xl px-4 py-6 sm:py-8">{children}</main>
    </div>
  );
}

/** Why the link cannot be used (unknown, expired, used), or that the password is set. */
export function InviteNotice({ title, body, testId, children }: { title: string; body: string; testId: string; children?: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid={testId}>
      <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
      <p className="mt-2 text-slate-700">{body}</p>
      {children}
    </section>
  );
}
