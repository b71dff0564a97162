import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PublicNotice, PublicShell } from "@/components/shell/public-shell";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rate");
  return { title: t("thanks.title"), robots: { index: false, follow: false } };
}

/** After a rating was sent (per-service or walk-up). */
export default async function RatingThanksPage() {
  const t = await getTranslations("rate");
  return (
    <PublicShell>
      <PublicNotice title={t("thanks.title")} body={t("thanks.body")} testId="rate-thanks" />
    </PublicShell>
  );
}
