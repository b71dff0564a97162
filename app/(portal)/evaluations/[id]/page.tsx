import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Badge, PageHeader } from "@/components/ui/card";
import { Markdown } from "@/components/markdown";
import { requireActor } from "@/lib/auth/session";
import { formatDay, formatInstant } from "@/lib/core/format-dates";
import { found, idParam } from "@/lib/core/page";
import { getEvaluation, type FullView } from "@/lib/evaluations/read";
import { levelText } from "@/lib/evaluations/scale";
import { RELEASED_STATUSES } from "@/lib/evaluations/vocabulary";
import type { Locale } from "@/lib/people/vocabulary";
import { EvaluationConversation } from "../_components/conversation";
import { DraftEditor } from "../_components/draft-editor";
import { PrintActions } from "../_components/print-actions";
import { SelfAssessmentForm } from "../_components/self-form";
import { statusTone } from "../_components/status";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const t = await getTranslations("evaluations.write");
  return { title: t("pageTitle", { id: (await params).id }) };
}

/**
 * One evaluation: the author's draft form, the employee's self-assessment form, or the read view
 * (everyone else, and everyone after release). The buddy, peers and strangers get the 404 page.
 */
export default async function EvaluationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const id = idParam((await params).id);
  const ev = found(() => getEvaluation(actor, id));
  const t = await getTranslations("evaluations.write");
  const te = (await getTranslations("evaluations")) as unknown as (key: string) => string;
  const locale = (await getLocale()) as Locale;
  const format = await getFormatter();
  const zone = await getTimeZone();
  const levels = ev.scale.map((l) => ({ id: l.id, ...levelText(l, locale, te) }));
  const levelName = (levelId: number | null | undefined) => levels.find((l) => l.id === levelId)?.name ?? null;
  const released = (RELEASED_STATUSES as readonly string[]).includes(ev.status);

  const header = (
    <>
      <p className="mb-2 text-sm print:hidden">
        <Link href="/evaluations" className="rb-link">
          {t("backToList")}
        </Link>
      </p>
      <PageHeader title={t("heading", { name: ev.person.name })} actions={ev.mode === "full" && !ev.access.mayEditDraft ? <PrintActions id={ev.id} /> : undefined} />
      <dl className="mb-6 grid grid-cols-2 gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm lg:grid-cols-3" data-testid="evaluation-header">
        <Meta label={t("role")} value={t("roleVersion", { role: ev.criteria.roleTitle, version: ev.criteria.versionNumber })} />
        <Meta
          label={t("period")}
          value={t("periodValue", { start: formatDay(format, ev.periodStart), end: formatDay(format, ev.periodEnd) })}
        />
        <Meta label={t("kindLabel")} value={t(`kind.${ev.kind}`)} />
        <Meta label={t("author")} value={ev.author?.name ?? t("formerAuthor")} />
        <div>
          <dt className="font-medium text-slate-600">{t("statusLabel")}</dt>
          <dd className="mt-0.5">
            <Badge tone={statusTone(ev.status)}>{t(`status.${ev.status}`)}</Badge>
          </dd>
        </div>
        {ev.mode === "full" && ev.releasedAt ? <Meta label={t("released")} value={formatInstant(format, ev.releasedAt, zone, { dateStyle: "medium" })} /> : null}
      </dl>
    </>
  );

  let body: React.ReactNode;
  if (ev.mode === "self") {
    body = (
      <>
        <p className="mb-4 rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-900">{t("selfIntro", { name: ev.author?.name ?? t("formerAuthor") })}</p>
        <SelfAssessmentForm
          id={ev.id}
          authorName={ev.author?.name ?? t("formerAuthor")}
          criteria={ev.criteria}
          levels={levels}
          initial={ev.self.ratings}
          initialSummary={ev.self.summary}
        />
      </>
    );
  } else if (ev.access.mayEditDraft) {
    body = (
      <DraftEditor
        id={ev.id}
        revision={ev.revision}
        personName={ev.person.name}
        criteria={ev.criteria}
        levels={levels}
        initial={{ ratings: ev.ratings, summary: ev.summary, strengths: ev.strengths, improvements: ev.improvements, privateNote: ev.privateNote ?? "" }}
        self={
          ev.self.submittedAt
            ? Object.fromEntries(Object.entries(ev.self.ratings).map(([k, r]) => [k, { level: levelName(r.levelId), comment: r.comment }]))
            : null
        }
        selfSummary={ev.self.summary}
        mayAskSelf={ev.status === "draft" && !ev.self.submittedAt}
        waitingForSelf={ev.status === "self_assessment"}
      />
    );
  } else {
    body = <ReadView ev={ev} levelName={levelName} t={t as never} released={released} />;
  }

  return (
    <div id="evaluation-print-root" className="max-w-5xl">
      {header}
      {body}
    </div>
  );
}

function Meta({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="font-medium text-slate-600">{label}</dt>
      <dd className="mt-0.5 text-slate-900">{value}</dd>
    </div>
  );
}

/** The clean read view: criteria with ratings and comments, summary, strengths, things to improve. */
function ReadView({
  ev,
  levelName,
  t,
  released,
}: {
  ev: FullView;
  levelName: (id: number | null | undefined) => string | null;
  t: (key: string, values?: Record<string, string | number>) => string;
  released: boolean;
}) {
  const hasSelf = Boolean(ev.self.submittedAt);
  return (
    <div className="space-y-6">
      {ev.criteria.responsibilities.map((r) => (
        <section key={r.key} aria-labelledby={`resp-${r.key}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5 print:break-inside-avoid">
          <h2 id={`resp-${r.key}`} className="text-lg font-semibold text-slate-900">
            {r.title}
          </h2>
          <ul className="mt-3 divide-y divide-slate-100">
            {r.criteria.map((c) => {
              const rating = ev.ratings[c.key];
              const self = ev.self.ratings[c.key];
              return (
                <li key={c.key} className="py-3" data-print="keep">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h3 className="font-medium text-slate-900">{c.criterion}</h3>
                    <span className="font-semibold text-brand-800" data-testid="rating">
                      {levelName(rating?.levelId) ?? t("notRated")}
                    </span>
                  </div>
                  {c.good ? (
                    <p className="mt-1 text-sm text-slate-600">
                      <span className="font-medium">{t("whatGoodLooksLike")}</span> {c.good}
                    </p>
                  ) : null}
                  {rating?.comment ? <p className="mt-2 whitespace-pre-wrap text-sm text-slate-800">{rating.comment}</p> : null}
                  {hasSelf ? (
                    <p className="mt-2 text-sm text-slate-600">
                      <span className="font-medium">{t("selfAssessment", { name: ev.person.name })}:</span> {levelName(self?.levelId) ?? t("notRated")}
                      {self?.comment ? ` — ${self.comment}` : ""}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <section aria-labelledby="overall-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5 print:break-inside-avoid">
        <h2 id="overall-title" className="text-lg font-semibold">
          {t("overall")}
        </h2>
        {ev.summary ? <Markdown>{ev.summary}</Markdown> : <p className="text-sm text-slate-600">{t("noSummary")}</p>}
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <h3 className="font-semibold text-green-800">{t("strengths")}</h3>
            <ul className="mt-1 list-disc space-y-1 pl-5 text-sm" aria-label={t("strengths")}>
              {ev.strengths.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="font-semibold text-amber-800">{t("improvements")}</h3>
            <ul className="mt-1 list-disc space-y-1 pl-5 text-sm" aria-label={t("improvements")}>
              {ev.improvements.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ul>
          </div>
        </div>
        {hasSelf && ev.self.summary ? (
          <div>
            <h3 className="font-semibold">{t("selfSummaryOf", { name: ev.person.name })}</h3>
            <p className="mt-1 whitespace-pre-wrap text-sm">{ev.self.summary}</p>
          </div>
        ) : null}
      </section>
      {ev.privateNote ? (
        <section aria-labelledby="private-title" className="rounded-lg border border-amber-300 bg-amber-50 p-4 print:hidden">
          <h2 id="private-title" className="font-semibold">
            {t("privateNote")}
          </h2>
          <p className="text-sm font-medium text-amber-900">{t("privateHint", { name: ev.person.name })}</p>
          <p className="mt-2 whitespace-pre-wrap text-sm">{ev.privateNote}</p>
        </section>
      ) : null}
      {released ? <EvaluationConversation evaluationId={ev.id} /> : null}
    </div>
  );
}
