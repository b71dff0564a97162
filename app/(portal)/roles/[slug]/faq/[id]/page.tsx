import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FaqPage } from "@/components/faq/faq-page";
import { requireActor } from "@/lib/auth/session";
import { found, idParam, slugParam } from "@/lib/core/page";
import { faqForEdit } from "@/lib/faq/write";

type Props = { params: Promise<{ slug: string; id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("faq");
  return { title: t("editTitle") };
}

/** One FAQ entry: edit it with a preview, publish it or take it back, delete it. */
export default async function EditFaqPage({ params }: Props) {
  const actor = await requireActor();
  const p = await params;
  const slug = slugParam(p.slug);
  const form = found(() => faqForEdit(actor, idParam(p.id)));
  if (form.role.slug !== slug) notFound();
  const t = await getTranslations("faq");
  return <FaqPage form={form} title={t("editTitle")} />;
}
