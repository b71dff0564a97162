import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { formatDay, formatInstant } from "@/lib/core/format-dates";
import { found } from "@/lib/core/page";
import { getConcern } from "@/lib/concerns/read";
import { statusTone } from "../_components/status";
import { CloseForm, ForwardForm, MessageForm, ResolveButton } from "../_components/thread-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("concerns.thread");
  return { title: t("title") };
}

/** One concern: who it is from (a name, or the anonymity note), whom it went to, its thread, and the controls the reader's access allows. */
export default async function ConcernPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const c = found(() => getConcern(actor, id));
  const t = await getTranslations("concerns.thread");
  const inbox = await getTranslations("concerns.inbox");
  const faq = await getTranslations("faq");
  const format = await getFormatter();
  const timeZone = await getTimeZone();
  const when = (at: string) => (at.length <= 10 ? formatDay(format, at) : formatInstant(format, at, timeZone));
  const writer = (m: (typeof c.messages)[number]) => (m.fromAuthor && c.anonymous ? t("anonymousAuthor") : (m.personName ?? t("someone")));
  const { access } = c;
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        title={t("title")}
        description={<Link href="/concerns" className="rb-link">{t("back")}</Link>}
        actions={<Badge tone={statusTone(c.status)}>{inbox(`status.${c.status}`)}</Badge>}
      />
      {c.anonymous ? (
        <p className="rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-brand-900" data-testid="concern-anonymous-note">
          {t("anonymousNote")}
        </p>
      ) : (
        <p className="text-sm text-slate-800" data-testid="concern-named">
          {t("named", { name: c.authorName ?? t("someone") })}
        </p>
      )}
      <Card>
        <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">{t("raisedOn")}</dt>
          <dd>{formatDay(format, c.createdOn)}</dd>
          <dt className="font-medium text-slate-700">{t("audience")}</dt>
          <dd>{t(`audienceKind.${c.audience}`, { team: c.audienceTeamName ?? "" })}</dd>
          {c.roleTitle ? (
            <>
              <dt className="font-medium text-slate-700">{t("about")}</dt>
              <dd>
                {c.roleSlug ? (
                  <Link href={`/roles/${c.roleSlug}`} className="rb-link underline">
                    {c.roleTitle}
                  </Link>
                ) : (
                  c.roleTitle
                )}
                {c.responsibilityTitle ? ` › ${c.responsibilityTitle}` : ""}
                {c.taskTitle ? ` › ${c.taskTitle}` : ""}
              </dd>
            </>
          ) : null}
          <dt className="font-medium text-slate-700">{t("addressees")}</dt>
          <dd>
            <ul data-testid="concern-addressees">
              {c.addressees.map((a) => (
                <li key={a.personId}>
                  {a.name}
                  {a.forwarded ? <span className="text-slate-600"> · {t("forwardedBy", { name: a.forwardedByName ?? t("someone") })}</span> : null}
                </li>
              ))}
            </ul>
          </dd>
          {c.status === "closed" && c.closeReason ? (
            <>
              <dt className="font-medium text-slate-700">{t("closeReason")}</dt>
              <dd className="whitespace-pre-wrap">{c.closeReason}</dd>
            </>
          ) : null}
        </dl>
      </Card>
      <section aria-labelledby="concern-thread">
        <h2 id="concern-thread" className="mb-3 text-lg font-semibold text-slate-900">
          {t("thread")}
        </h2>
        <ol className="space-y-3" data-testid="concern-thread">
          {c.messages.map((m) => (
            <li key={m.id} className={`rounded-md border p-3 ${m.fromAuthor ? "border-slate-200 bg-white" : "border-brand-200 bg-brand-50"}`}>
              <p className="text-sm font-medium text-slate-900">
                {m.kind === "forward"
                  ? t("forwardedTo", { name: writer(m), to: m.forwardedToName ?? t("someone") })
                  : m.kind === "close"
                    ? t("closedBy", { name: writer(m) })
                    : m.kind === "resolve"
                      ? t("resolvedBy", { name: writer(m) })
                      : writer(m)}
                <span className="ml-2 font-normal text-slate-600">{when(m.createdAt)}</span>
              </p>
              {m.body ? <p className="mt-1 whitespace-pre-wrap text-sm text-slate-800">{m.body}</p> : null}
            </li>
          ))}
        </ol>
      </section>
      {access.mayWriteFaq ? (
        <p>
          <Link href={`/concerns/${c.id}/faq`} className="text-sm font-medium text-brand-800 hover:underline" data-testid="concern-to-faq">
            {faq("fromConcernTitle")}
          </Link>
        </p>
      ) : null}
      {access.mayAnswer ? (
        <MessageForm kind="answer" id={c.id} revision={c.revision} texts={{ heading: t("answer.heading"), intro: c.anonymous ? t("answer.anonymousIntro") : undefined, label: t("answer.label"), send: t("answer.send"), sent: t("answer.sent") }} />
      ) : null}
      {access.mayReplyAsAuthor ? (
        <MessageForm kind="reply" id={c.id} revision={c.revision} texts={{ heading: t("reply.heading"), label: t("reply.label"), send: t("reply.send"), sent: t("reply.sent") }} />
      ) : null}
      {access.mayResolve ? (
        <div className="rounded-md border border-slate-200 bg-white p-4">
          <p className="mb-2 text-sm text-slate-700">{t("resolve.intro")}</p>
          <ResolveButton id={c.id} revision={c.revision} label={t("resolve.button")} />
        </div>
      ) : null}
      {access.mayForward ? (
        <ForwardForm
          id={c.id}
          revision={c.revision}
          texts={{ heading: t("forward.heading"), intro: t("forward.intro"), person: t("forward.person"), personHint: t("forward.personHint"), label: t("forward.note"), send: t("forward.send"), sent: t("forward.sent") }}
        />
      ) : null}
      {access.mayClose ? (
        <CloseForm id={c.id} revision={c.revision} texts={{ heading: t("close.heading"), label: t("close.reason"), hint: t("close.hint"), send: t("close.send"), sent: t("close.sent") }} />
      ) : null}
    </div>
  );
}
