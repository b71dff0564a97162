import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { found } from "@/lib/core/page";
import { audienceOptions } from "@/lib/concerns/raise";
import { RaiseForm } from "./_components/raise-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("concerns.raise");
  return { title: t("title") };
}

export default async function NewConcernPage() {
  const actor = await requireActor();
  const options = found(() => audienceOptions(actor));
  const t = await getTranslations("concerns.raise");
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("title")} description={t("intro")} />
      <Card>
        <RaiseForm options={options} />
      </Card>
    </div>
  );
}
