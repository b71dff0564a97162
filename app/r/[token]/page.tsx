import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { found } from "@/lib/core/page";
import { openServiceLink } from "@/lib/feedback/rate";
import { rateServiceAction } from "../actions";
import { RatePageView } from "../_components/rate-page";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rate");
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

/**
 * A per-service rating link (issue 12): public, opened by the customer on their phone. Opening it
 * records nothing; the form posts the rating.
 */
export default async function ServiceRatingPage({ params }: Props) {
  const { token } = await params;
  const actor = await getActor();
  const page = found(() => openServiceLink(actor, token));
  return <RatePageView page={page} keyValue={token} action={rateServiceAction} />;
}
