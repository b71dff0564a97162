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

export default async function NewConcernPage({ searchParams }: { searchParams: Promise<{ about?: string | string[] }> }) {
  const actor = await requireActor();
  const options = found(() => audienceOptions(actor));
  // ?about=r:<key> or t:<key> (the link under a responsibility on My role) preselects what it concerns.
  const { about } = await searchParams;
  const offered = new Set((options.role?.responsibilities ?? []).flatMap((r) => [`r:${r.key}`, ...r.tasks.map((task) => `t:${task.key}`)]));
  const initialLink = typeof about === "string" && offered.has(about) ? about : "";
  const t = await getTranslations("concerns.raise");
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("title")} description={t("intro")} />
      <Card>
        <RaiseForm options={options} initialLink={initialLink} />
      </Card>
    </div>
  );
}
