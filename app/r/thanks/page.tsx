import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RateNotice, RateShell } from "../_components/rate-shell";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rate");
  return { title: t("thanks.title"), robots: { index: false, follow: false } };
}

/** After a rating was sent (per-service or walk-up). */
export default async function RatingThanksPage() {
  const t = await getTranslations("rate");
  return (
    <RateShell>
      <RateNotice title={t("thanks.title")} body={t("thanks.body")} testId="rate-thanks" />
    </RateShell>
  );
}
