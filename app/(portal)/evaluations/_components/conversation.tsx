import { getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Markdown } from "@/components/markdown";
import { Badge, Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { formatInstant } from "@/lib/core/format-dates";
import { found } from "@/lib/core/page";
import { conversationOf, type Conversation, type ConversationEntry } from "@/lib/evaluations/respond";
import { RELEASED_STATUSES, type EntryKind } from "@/lib/evaluations/vocabulary";
import { AnswerForm, NoteForm, type AnswerTexts } from "./conversation-forms";

const TONE: Record<EntryKind, "slate" | "green" | "red" | "amber" | "brand"> = {
  addendum: "brand",
  understood: "green",
  question: "amber",
  disagree: "red",
  answer: "slate",
  escalated: "red",
  review: "brand",
};

type T = Awaited<ReturnType<typeof getTranslations<"evaluations.conversation">>>;

function statusLine(c: Conversation, t: T, hr: string): string | null {
  if (c.status === "closed") return c.outcome === "disagreement_kept" ? t("status.closedKept") : t("status.closedUnderstood", { name: c.person.name });
  if (!c.waitingFor) return null;
  if (c.waitingFor.who === "employee") return t("status.waitingEmployee", { name: c.waitingFor.name ?? "" });
  if (c.waitingFor.who === "reviewer") return t("status.waitingReview", { name: c.waitingFor.name ?? hr });
  return c.waitingFor.name ? t("status.waitingReply", { name: c.waitingFor.name }) : t("status.waitingReplyHr");
}

function answerTexts(c: Conversation, t: T, hr: string): AnswerTexts {
  const answer = c.me.answer!;
  const replier = c.author?.name ?? hr;
  const reviewer = answer.reviewer?.name ?? hr;
  return {
    heading: t("answer.heading"),
    legend: t("answer.legend"),
    options: [
      { value: "understood", label: t("answer.understood"), hint: t("answer.understoodHint") },
      { value: "question", label: t("answer.question"), hint: t("answer.questionHint", { name: replier }) },
      answer.disagreeEscalates
        ? { value: "disagree", label: t("answer.stillDisagree", { name: reviewer }), hint: t("answer.stillDisagreeHint", { name: reviewer }) }
        : {
            value: "disagree",
            label: t("answer.disagree"),
            hint: answer.reviewer ? t("answer.disagreeHint", { name: replier, reviewer }) : t("answer.disagreeHintNoReviewer", { name: replier }),
          },
    ],
    note: t("answer.note"),
    noteHint: t("answer.noteHint"),
    send: t("answer.send"),
    sent: t("sent"),
  };
}

function Entry({ entry, c, t, when, hr }: { entry: ConversationEntry; c: Conversation; t: T; when: (iso: string) => string; hr: string }) {
  const byEmployee = entry.author?.id === c.person.id;
  return (
    <li className={`rounded-lg border p-3 ${byEmployee ? "border-slate-200 bg-white" : "ml-6 border-brand-100 bg-brand-50"}`} data-testid="evaluation-entry">
      <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <Badge tone={TONE[entry.kind]}>{t(`kind.${entry.kind}`)}</Badge>
        <span className="font-medium text-slate-900">{entry.author?.name ?? t("formerColleague")}</span>
        <span aria-hidden>·</span>
        <time dateTime={entry.createdAt}>{when(entry.createdAt)}</time>
      </p>
      {entry.kind === "escalated" ? <p className="mt-1 text-sm text-slate-900">{t("escalatedTo", { name: c.escalatedTo?.name ?? hr })}</p> : null}
      {entry.body ? <Markdown className="mt-1 text-sm text-slate-900">{entry.body}</Markdown> : null}
    </li>
  );
}

/**
 * What happened after an evaluation's release, for the signed-in person: the thread (answers,
 * replies, corrections, the escalation and its review, in time order) and the forms they may use
 * now. Renders nothing before release. For /evaluations/[id]: `<EvaluationConversation evaluationId={id} />`.
 */
export async function EvaluationConversation({ evaluationId }: { evaluationId: number }) {
  const actor = await requireActor();
  const c = found(() => conversationOf(actor, evaluationId));
  if (!(RELEASED_STATUSES as readonly string[]).includes(c.status)) return null;
  const [t, roles, format, zone] = await Promise.all([getTranslations("evaluations.conversation"), getTranslations("appRoles"), getFormatter(), getTimeZone()]);
  /** Who stands in when the author or reviewer is gone. */
  const hr = roles("hr_admin");
  const when = (iso: string) => formatInstant(format, iso, zone);
  // The person whose move it is sees their form instead of "waiting for …".
  const theirMove =
    (c.waitingFor?.who === "employee" && c.me.answer !== null) || (c.waitingFor?.who === "replier" && c.me.reply) || (c.waitingFor?.who === "reviewer" && c.me.review);
  const status = theirMove ? null : statusLine(c, t, hr);
  return (
    <section aria-labelledby="evaluation-conversation" className="mt-8 space-y-4" data-testid="evaluation-conversation">
      <h2 id="evaluation-conversation" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {status ? (
        <p className="text-sm text-slate-700" data-testid="evaluation-conversation-status">
          {status}
        </p>
      ) : null}
      {c.entries.length ? (
        <ol className="space-y-2">
          {c.entries.map((e) => (
            <Entry key={e.id} entry={e} c={c} t={t} when={when} hr={hr} />
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      )}
      {c.me.answer ? (
        <Card>
          <h3 className="mb-3 font-semibold text-slate-900">{t("answer.heading")}</h3>
          <AnswerForm id={c.id} revision={c.revision} texts={answerTexts(c, t, hr)} />
        </Card>
      ) : null}
      {c.me.reply ? (
        <NoteForm
          kind="reply"
          id={c.id}
          revision={c.revision}
          texts={{ heading: t("reply.heading", { name: c.person.name }), note: t("reply.note"), send: t("reply.send"), sent: t("sent") }}
        />
      ) : null}
      {c.me.review ? (
        <NoteForm
          kind="review"
          id={c.id}
          revision={c.revision}
          texts={{ heading: t("review.heading"), intro: t("review.intro", { person: c.person.name }), note: t("review.note"), send: t("review.send"), sent: t("sent") }}
        />
      ) : null}
      {c.me.addendum ? (
        <NoteForm
          kind="addendum"
          id={c.id}
          texts={{ heading: t("addendum.heading"), intro: t("addendum.intro", { name: c.person.name }), note: t("addendum.note"), send: t("addendum.send"), sent: t("sent") }}
        />
      ) : null}
    </section>
  );
}
