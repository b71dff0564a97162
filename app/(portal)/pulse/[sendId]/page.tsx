import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { formatDay } from "@/lib/core/format-dates";
import { found, idParam } from "@/lib/core/page";
import { getPulseForm, pulseMinimumGroup } from "@/lib/pulse/answer";
import { PULSE_ITEMS, PULSE_SCALE } from "@/lib/pulse/items";
import { PulseForm } from "./pulse-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pulse");
  return { title: t("title") };
}

export default async function PulseAnswerPage({ params }: { params: Promise<{ sendId: string }> }) {
  const actor = await requireActor();
  const sendId = idParam((await params).sendId);
  const pulse = found(() => getPulseForm(actor, sendId));
  const t = await getTranslations("pulse");
  const format = await getFormatter();
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title={t("title")} description={`${t(`occasion.${pulse.occasion}`)} · ${t("sentOn", { date: formatDay(format, pulse.sentOn) })}`} />
      <Card>
        <h2 className="font-semibold text-slate-900">{t("anonymousTitle")}</h2>
        <p className="mt-1 text-sm text-slate-700">{t("anonymousBody")}</p>
        <p className="mt-1 text-sm text-slate-700">{t("groupRule", { min: pulseMinimumGroup() })}</p>
      </Card>
      {pulse.answeredOn ? (
        <Card>
          <p className="text-slate-800">{t("alreadyAnswered", { date: formatDay(format, pulse.answeredOn) })}</p>
        </Card>
      ) : (
        <Card>
          <PulseForm
            sendId={pulse.id}
            intro={pulse.roleTitle ? t("formIntro", { role: pulse.roleTitle }) : t("formIntroNoRole")}
            items={PULSE_ITEMS.map((key) => ({ key, label: t(`items.${key}`) }))}
            scale={PULSE_SCALE.map((value) => ({ value, label: t(`scale.${value}`) }))}
            responsibilities={pulse.responsibilities}
            leastClear={{ label: t("leastClear"), hint: t("leastClearHint"), none: t("leastClearNone") }}
            submitLabel={t("submit")}
          />
        </Card>
      )}
      <p>
        <Link href="/pulse" className="text-sm text-brand-700 underline">
          {t("backToList")}
        </Link>
      </p>
    </div>
  );
}
