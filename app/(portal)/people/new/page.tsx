import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { todayIso } from "@/lib/core/dates";
import { found } from "@/lib/core/page";
import { personFormOptions } from "@/lib/people/records";
import { requireActor } from "@/lib/auth/session";
import { createPersonAction } from "../actions";
import { PersonForm } from "../_components/person-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("people");
  return { title: t("new") };
}

export default async function NewPersonPage() {
  const actor = await requireActor();
  const options = found(() => personFormOptions(actor));
  const t = await getTranslations("people");
  const today = todayIso();
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("new")} description={t("newIntro")} />
      <Card>
        <PersonForm
          mode="create"
          action={createPersonAction}
          options={options}
          values={{
            name: "",
            email: "",
            phone: null,
            appRole: "employee",
            jobRoleId: null,
            team: null,
            reportsTo: null,
            startDate: today,
            locale: null,
          }}
        />
      </Card>
    </div>
  );
}
