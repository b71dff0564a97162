import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { mustEnrolSecondFactor, startEnrolment } from "@/lib/auth/second-factor";
import { requireActor } from "@/lib/auth/session";
import { ConfirmEnrolmentForm } from "@/app/(portal)/security/_components/two-factor-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("security.twoFactor");
  return { title: t("enrolTitle") };
}

/** Setting up two-factor sign-in: scan (or type) the secret, then confirm with a current code. */
export default async function TwoFactorEnrolPage() {
  const actor = await requireActor();
  const enrolment = await startEnrolment(actor);
  if (!enrolment) redirect("/security#two-factor");
  const t = await getTranslations("security.twoFactor");
  const required = mustEnrolSecondFactor(actor);
  const grouped = enrolment.secret.match(/.{1,4}/g)!.join(" ");
  return (
    <div className="max-w-3xl">
      {required ? null : (
        <p className="mb-2 text-sm">
          <Link href="/security" className="text-brand-700 hover:underline">
            ← {t("back")}
          </Link>
        </p>
      )}
      <PageHeader title={t("enrolTitle")} description={t("enrolIntro")} />
      {required ? (
        <p role="note" className="mb-6 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("requiredNotice")}
        </p>
      ) : null}
      <Card>
        <ol className="space-y-6">
          <li>
            <h2 className="mb-2 font-semibold">{t("step1")}</h2>
            {/* A data: URL PNG, rendered on the server (no script, allowed by img-src data:). */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={enrolment.qr} alt={t("qrAlt")} width={220} height={220} className="rounded border border-slate-200" />
          </li>
          <li>
            <h2 className="mb-2 font-semibold">{t("step2")}</h2>
            <p className="mb-2 text-sm text-slate-600">{t("manualHint")}</p>
            <p>
              <code className="rounded bg-slate-100 px-2 py-1 font-mono text-sm break-all" data-testid="totp-secret">
                {grouped}
              </code>
            </p>
          </li>
          <li>
            <h2 className="mb-2 font-semibold">{t("step3")}</h2>
            <ConfirmEnrolmentForm />
          </li>
        </ol>
      </Card>
    </div>
  );
}
