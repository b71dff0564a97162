import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FaqPage } from "@/components/faq/faq-page";
import { requireActor } from "@/lib/auth/session";
import { found, slugParam } from "@/lib/core/page";
import { startFaqForRole } from "@/lib/faq/write";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ key?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("faq");
  return { title: t("newTitle") };
}

/** A new question and answer written straight on a role (whoever may edit the role). */
export default async function NewFaqPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const slug = slugParam((await params).slug);
  const key = (await searchParams).key;
  const form = found(() => startFaqForRole(actor, slug, typeof key === "string" ? key : null));
  const t = await getTranslations("faq");
  return <FaqPage form={form} title={t("newTitle")} />;
}
