import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { formatDay, formatInstant } from "@/lib/core/format-dates";
import { found, idParam } from "@/lib/core/page";
import { getFollowup } from "@/lib/feedback/followups";
import { Stars } from "../../_components/stars";
import { statusTone } from "../_components/status";
import { ContactForm, HandoverForm, SolveButton, WhatHappenedForm } from "../_components/followup-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("followups");
  return { title: t("detailTitle") };
}

/** One follow-up: the rating, the customer's contact details (only here, only for those who must follow up), and its steps. */
export default async function FollowupPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const id = idParam((await params).id);
  const f = found(() => getFollowup(actor, id));
  const t = await getTranslations("followups");
  const mf = await getTranslations("myFeedback");
  const cat = await getTranslations("roleDoc.category");
  const format = await getFormatter();
  const timeZone = await getTimeZone();
  const when = (iso: string) => formatInstant(format, iso, timeZone);
  const c = f.rating.contact;
  return (
    <div className="max-w-3xl space-y-6">
      <p className="text-sm">
        <Link href="/feedback/follow-ups" className="rb-link">
          {t("back")}
        </Link>
      </p>
      <PageHeader title={t("detailHeading", { name: f.rating.personName })} description={f.rating.roleTitle ?? undefined} />
      <div className="flex flex-wrap items-center gap-2" data-testid="followup-state">
        <Badge tone={statusTone(f.status)}>{t(`status.${f.status}`)}</Badge>
        {f.overdue ? <Badge tone="red">{t("overdue")}</Badge> : null}
        {f.status !== "solved" ? <span className={`text-sm ${f.overdue ? "font-semibold text-red-700" : "text-slate-700"}`}>{t("dueOn", { date: formatDay(format, f.dueOn) })}</span> : null}
      </div>

      <Card>
        <h2 className="font-semibold">{t("ratingHeading")}</h2>
        <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
          <Stars stars={f.rating.stars} label={mf("starsLabel", { stars: f.rating.stars })} />
          <p className="text-xs text-slate-600">
            {mf(`source.${f.rating.source}`)} · <time dateTime={f.rating.createdAt}>{when(f.rating.createdAt)}</time>
          </p>
        </div>
        {f.rating.comment ? <p className="mt-2 whitespace-pre-wrap text-sm text-slate-800 [overflow-wrap:anywhere]">{f.rating.comment}</p> : null}
        {f.rating.tags.length ? (
          <ul className="mt-2 flex flex-wrap gap-1.5" aria-label={mf("tagsLabel")}>
            {f.rating.tags.map((tag) => (
              <li key={tag}>
                <Badge tone="brand">{cat(tag)}</Badge>
              </li>
            ))}
          </ul>
        ) : null}
      </Card>

      <Card>
        <h2 className="font-semibold">{t("contactHeading")}</h2>
        <p className="mt-1 text-xs text-slate-600">{t("contactPrivacy")}</p>
        <dl className="mt-2 grid gap-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4" data-testid="followup-contact">
          <dt className="text-slate-600">{t("contactName")}</dt>
          <dd>{c.name || "–"}</dd>
          {c.phone ? (
            <>
              <dt className="text-slate-600">{t("contactPhone")}</dt>
              <dd>
                <a href={`tel:${c.phone.replace(/[^+0-9]/g, "")}`} className="text-brand-800 underline">
                  {c.phone}
                </a>
              </dd>
            </>
          ) : null}
          {c.email ? (
            <>
              <dt className="text-slate-600">{t("contactEmail")}</dt>
              <dd>
                <a href={`mailto:${c.email}`} className="text-brand-800 underline [overflow-wrap:anywhere]">
                  {c.email}
                </a>
              </dd>
            </>
          ) : null}
        </dl>
      </Card>

      <Card>
        <h2 className="font-semibold">{t("progressHeading")}</h2>
        <dl className="mt-2 space-y-2 text-sm" data-testid="followup-progress">
          <div>
            <dt className="text-slate-600">{t("ownerLabel")}</dt>
            <dd>{f.owner?.name ?? t("ownerHr")}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("whatHappenedLabel")}</dt>
            <dd className="whitespace-pre-wrap [overflow-wrap:anywhere]">{f.whatHappened || t("notYet")}</dd>
          </div>
          {f.handedTo ? (
            <div>
              <dt className="text-slate-600">{t("handedToLabel")}</dt>
              <dd>
                {f.handedTo.name}
                {f.handoverNote ? <span className="block whitespace-pre-wrap text-slate-700 [overflow-wrap:anywhere]">{f.handoverNote}</span> : null}
              </dd>
            </div>
          ) : null}
          <div>
            <dt className="text-slate-600">{t("contactNoteLabel")}</dt>
            <dd className="whitespace-pre-wrap [overflow-wrap:anywhere]">
              {f.contactNote ? `${f.contactNote}${f.contactedAt ? ` (${when(f.contactedAt)})` : ""}` : t("notYet")}
            </dd>
          </div>
          {f.solvedAt ? (
            <div>
              <dt className="text-slate-600">{t("solvedLabel")}</dt>
              <dd data-testid="followup-solved">{t("solvedBy", { name: f.solvedByName ?? "–", date: when(f.solvedAt) })}</dd>
            </div>
          ) : null}
        </dl>
      </Card>

      {f.me.mayHandOver ? (
        <WhatHappenedForm
          id={f.id}
          revision={f.revision}
          initial={f.whatHappened}
          texts={{ heading: t("whatForm.heading"), intro: t("whatForm.intro"), label: t("whatForm.label"), send: t("whatForm.send"), sent: t("whatForm.sent") }}
        />
      ) : null}
      {f.me.mayHandOver ? (
        <HandoverForm
          id={f.id}
          revision={f.revision}
          texts={{ heading: t("handoverForm.heading"), intro: t("handoverForm.intro"), label: t("handoverForm.note"), send: t("handoverForm.send"), sent: t("handoverForm.sent"), person: t("handoverForm.person"), personHint: t("handoverForm.personHint") }}
        />
      ) : null}
      {f.me.mayResolve ? (
        <ContactForm
          id={f.id}
          revision={f.revision}
          texts={{ heading: t("contactForm.heading"), label: t("contactForm.label"), hint: t("contactForm.hint"), send: t("contactForm.send"), sent: t("contactForm.sent") }}
        />
      ) : null}
      {f.me.mayResolve ? (
        <section aria-labelledby="solve-heading" className="space-y-2 rounded-md border border-slate-200 bg-white p-4">
          <h2 id="solve-heading" className="font-semibold">
            {t("solveHeading")}
          </h2>
          <p className="text-sm text-slate-700">{t("solveIntro")}</p>
          <SolveButton id={f.id} revision={f.revision} label={t("solve")} />
        </section>
      ) : null}
    </div>
  );
}
