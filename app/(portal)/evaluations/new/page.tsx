import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { todayIso } from "@/lib/core/dates";
import { found, optionalIdParam } from "@/lib/core/page";
import { evaluablePerson } from "@/lib/evaluations/read";
import { EVALUATION_KINDS, type EvaluationKind } from "@/lib/evaluations/vocabulary";
import { StartEvaluationForm } from "../_components/start-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluations.write");
  return { title: t("newTitle") };
}

/** The day a year before `day`, plus one: a twelve-month period ending on `day`. */
function yearBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export default async function NewEvaluationPage({ searchParams }: { searchParams: Promise<{ person?: string; kind?: string }> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const personId = optionalIdParam(sp.person);
  if (!can(actor, "evaluations.write")) notFound();
  const person = personId ? found(() => evaluablePerson(actor, personId)) : null;
  const kind: EvaluationKind = (EVALUATION_KINDS as readonly string[]).includes(sp.kind ?? "") ? (sp.kind as EvaluationKind) : "periodic";
  const t = await getTranslations("evaluations.write");
  const today = todayIso();
  return (
    <div className="max-w-2xl">
      <p className="mb-2 text-sm">
        <Link href="/evaluations" className="rb-link">
          {t("backToList")}
        </Link>
      </p>
      <PageHeader title={t("newTitle")} description={t("newIntro")} />
      <Card>
        <StartEvaluationForm person={person} kind={kind} periodStart={yearBefore(today)} periodEnd={today} />
      </Card>
    </div>
  );
}
