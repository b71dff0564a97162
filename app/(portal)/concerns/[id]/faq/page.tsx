import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FaqPage } from "@/components/faq/faq-page";
import { requireActor } from "@/lib/auth/session";
import { found } from "@/lib/core/page";
import { CONCERN_ID_PATTERN, startFaqFromConcern } from "@/lib/faq/write";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("faq");
  return { title: t("fromConcernTitle") };
}

/** Turns an answered concern into a question and answer on its role (an addressee, or whoever may edit the role). */
export default async function ConcernFaqPage({ params }: Props) {
  const actor = await requireActor();
  const id = (await params).id;
  if (!CONCERN_ID_PATTERN.test(id)) notFound();
  const form = found(() => startFaqFromConcern(actor, id));
  const t = await getTranslations("faq");
  const notice = form.existingId ? (
    <p role="status" className="mb-4 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
      {t("alreadyMade")}{" "}
      <Link href={`/roles/${form.role.slug}/faq/${form.existingId}`} className="text-brand-700 underline">
        {t("openExisting")}
      </Link>
    </p>
  ) : null;
  return <FaqPage form={form} title={t("fromConcernTitle")} notice={notice} />;
}
