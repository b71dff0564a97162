import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { announcementFormOptions } from "@/lib/communication/announcements";
import { found } from "@/lib/core/page";
import { requireActor } from "@/lib/auth/session";
import { todayIso } from "@/lib/core/dates";
import { AnnouncementForm } from "../_components/announcement-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("announcements");
  return { title: t("new") };
}

export default async function NewAnnouncementPage() {
  const actor = await requireActor();
  const options = found(() => announcementFormOptions(actor));
  const t = await getTranslations("announcements");
  return (
    <div className="max-w-4xl">
      <PageHeader title={t("new")} description={t("newIntro")} />
      <Card>
        <AnnouncementForm options={options} today={todayIso()} />
      </Card>
    </div>
  );
}
