import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { hasOpenPulse } from "@/lib/pulse/answer";

/** "A 1-minute role-clarity pulse is waiting": shown on the home page while one of the actor's pulses is unanswered. */
export async function PulseWaitingCard({ actor }: { actor: Actor }) {
  if (!can(actor, "pulse.answer") || !hasOpenPulse(actor)) return null;
  const t = await getTranslations("pulse");
  return (
    <section aria-labelledby="pulse-waiting-heading" className="mb-6 rounded-xl border border-amber-200 bg-amber-50 p-4">
      <h2 id="pulse-waiting-heading" className="font-semibold text-slate-900">
        {t("card.title")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t("card.body")}</p>
      <Link href="/pulse" className="mt-2 inline-block text-sm font-medium text-brand-700 underline">
        {t("answer")}
      </Link>
    </section>
  );
}
