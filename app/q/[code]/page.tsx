import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { found } from "@/lib/core/page";
import { openWalkup } from "@/lib/feedback/rate";
import { rateWalkupAction } from "../../r/actions";
import { RatePageView } from "../../r/_components/rate-page";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rate");
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

/** A personal QR code's walk-up rating page (issue 12): public; opening it records nothing. */
export default async function WalkupRatingPage({ params }: Props) {
  const { code } = await params;
  const actor = await getActor();
  const page = found(() => openWalkup(actor, code));
  return <RatePageView page={page} keyValue={code} action={rateWalkupAction} />;
}
