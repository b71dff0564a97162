import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { WholeRole } from "@/components/roles/whole-role";
import { Card, PageHeader } from "@/components/ui/card";
import { getMyRole } from "@/lib/communication/role-reading";
import { found } from "@/lib/core/page";
import { requireActor } from "@/lib/auth/session";
import { ReadForms } from "./read-forms";
import { withRaiseAbout } from "@/components/concerns/raise-about";
import { faqFooters } from "@/components/faq/faq-list";
import { faqForRole } from "@/lib/faq/read";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("roleReading");
  return { title: t("title") };
}

/** The signed-in person reads their whole role and confirms it (or asks about it). */
export default async function MyRolePage() {
  const actor = await requireActor();
  const mine = found(() => getMyRole(actor));
  const t = await getTranslations("roleReading");
  const ev = await getTranslations("evaluations.guide");
  const format = await getFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const state = mine.ack?.state ?? "pending";
  const open = state === "pending" || state === "clarification" || state === "answered";
  return (
    <div className="max-w-4xl">
      <PageHeader
        title={t("title")}
        description={t("byline", { role: mine.role.title, version: mine.version.number, date: format.dateTime(new Date(mine.version.publishedAt), { dateStyle: "medium" }) })}
      />
      <p className="mb-6 text-slate-700">
        {mine.firstTime ? t("introFirst") : t("intro")}{" "}
        <Link href="/my-role/evaluation" className="text-brand-700 underline">
          {ev("title")}
        </Link>
      </p>
      <WholeRole
        doc={mine.doc}
        contents={mine.contents}
        footer={withRaiseAbout(faqFooters(faqForRole(actor, mine.role.id), mine.role.slug, mine.doc.responsibilities.map((r) => r.key)), mine.doc.responsibilities.map((r) => r.key))}
      />
      <Card className="mt-6">
        <h2 className="mb-3 text-lg font-semibold">{t("yourAnswer")}</h2>
        {mine.ack && (state === "clarification" || state === "answered") ? (
          <p className="mb-3 text-sm text-slate-700">
            {state === "clarification" ? t("waiting") : t("answered")}{" "}
            <Link href={`/changes/${mine.ack.id}`} className="text-brand-700 underline">
              {t("openThread")}
            </Link>
          </p>
        ) : null}
        {open ? (
          <ReadForms version={mine.version.number} revision={mine.ack?.revision ?? 0} canConfirm={state !== "clarification"} asking={state === "pending" ? "first" : "again"} />
        ) : state === "understood" && mine.ack?.answeredAt ? (
          <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
            {t("confirmed", { version: mine.ack.version, when: when(mine.ack.answeredAt) })}
          </p>
        ) : null}
      </Card>
    </div>
  );
}
