import type { ReactNode } from "react";
import { DemoBanner } from "@/components/shell/demo-banner";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";

/**
 * The frame of every public page (no sign-in: rating, receipt, invitation, unsubscribe): small,
 * mobile-first, in the visitor's language with a switcher, under the demo banner when it is the demo.
 */
export function PublicShell({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const width = wide ? "max-w-2xl" : "max-w-xl";
  return (
    <div className="min-h-screen bg-slate-50">
      <DemoBanner />
      <header className="border-b border-slate-200 bg-white">
        <div className={`mx-auto flex ${width} flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3`}>
          <p className="text-lg font-bold text-brand-800">Rolebook</p>
          <LocaleSwitcher />
        </div>
      </header>
      <main className={`mx-auto ${width} px-4 py-6 sm:py-8`}>{children}</main>
    </div>
  );
}

/** A public page's card that says why a link cannot be used (unknown, expired, used…) or what happened. */
export function PublicNotice({ title, body, testId, children }: { title: string; body: string; testId: string; children?: ReactNode }) {
  return (
    <section className="rb-card" data-testid={testId}>
      <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
      <p className="mt-2 text-slate-700">{body}</p>
      {children}
    </section>
  );
}

/** The open state of a one-time link that sets a password: who it is for, until when it works, and its form. */
export function OneTimeLinkPage({ heading, intro, validUntil, children }: { heading: string; intro: string; validUntil: string; children: ReactNode }) {
  return (
    <PublicShell>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{heading}</h1>
      <p className="mt-2 text-slate-700">{intro}</p>
      <p className="mt-1 text-sm text-slate-600">{validUntil}</p>
      <section className="mt-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">{children}</section>
    </PublicShell>
  );
}
