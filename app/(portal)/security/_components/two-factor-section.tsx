import { getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { ButtonLink } from "@/components/ui/button-link";
import { Badge, Card } from "@/components/ui/card";
import type { Actor } from "@/lib/auth/actor";
import { secondFactorStatus } from "@/lib/auth/second-factor";
import { formatInstant } from "@/lib/core/format-dates";
import { DisableTwoFactorForm, RegenerateCodesForm } from "./two-factor-forms";

/** The person's second factor (issue 14 point 4): set it up, renew recovery codes, turn it off. */
export async function TwoFactorSection({ actor }: { actor: Actor }) {
  const status = secondFactorStatus(actor);
  const t = await getTranslations("security.twoFactor");
  const format = await getFormatter();
  const zone = await getTimeZone();
  return (
    <Card>
      <div id="two-factor" className="scroll-mt-20">
        <h2 className="mb-1 flex flex-wrap items-center gap-2 text-lg font-semibold">
          {t("heading")}
          {status.enabled ? <Badge tone="green">{t("on")}</Badge> : <Badge tone="amber">{t("off")}</Badge>}
        </h2>
        <p className="mb-4 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
        {status.required && !status.enabled ? (
          <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("requiredNotice")}</p>
        ) : null}
        {status.enabled ? (
          <div className="space-y-6">
            <p className="text-sm text-slate-700" data-testid="two-factor-status">
              {t("enabledSince", { date: formatInstant(format, new Date(status.enabledAt!), zone, { dateStyle: "long" }) })}{" "}
              {t("codesLeft", { count: status.recoveryCodesLeft })}
            </p>
            <div>
              <h3 className="mb-1 font-medium">{t("regenerateHeading")}</h3>
              <p className="mb-3 max-w-3xl text-sm text-slate-600">{t("regenerateIntro")}</p>
              <RegenerateCodesForm />
            </div>
            <div>
              <h3 className="mb-1 font-medium">{t("disableHeading")}</h3>
              {status.required ? (
                <p className="text-sm text-slate-600">{t("disableRequired")}</p>
              ) : (
                <>
                  <p className="mb-3 max-w-3xl text-sm text-slate-600">{t("disableIntro")}</p>
                  <DisableTwoFactorForm />
                </>
              )}
            </div>
          </div>
        ) : (
          <ButtonLink href="/security/two-factor">{t("setUp")}</ButtonLink>
        )}
      </div>
    </Card>
  );
}
