import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { ActionButton } from "@/components/ui/action-button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { PlainText } from "@/components/ui/plain-text";
import { requireActor } from "@/lib/auth/session";
import { formatInstant } from "@/lib/core/format-dates";
import { found, idParam, pageParam } from "@/lib/core/page";
import { getThread } from "@/lib/threads/read";
import { markSolutionAction, proposeToOwnerAction } from "../actions";
import { ReplyForm } from "../_components/thread-forms";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("threads.thread");
  return { title: t("title") };
}

export default async function ThreadPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const id = idParam((await params).id);
  const sp = await searchParams;
  const thread = found(() => getThread(actor, id, { page: pageParam(sp.page) }));
  const t = await getTranslations("threads");
  const [format, zone] = await Promise.all([getFormatter(), getTimeZone()]);
  const when = (iso: string) => formatInstant(format, iso, zone);
  const { access } = thread;
  return (
    <div className="max-w-3xl">
      <p className="mb-2 text-sm">
        <Link href={`/threads?role=${thread.role.id}&task=${encodeURIComponent(thread.task.key)}`} className="text-brand-700 hover:underline">
          ← {t("thread.back")}
        </Link>
      </p>
      <PageHeader
        title={thread.title}
        description={t("thread.about", { role: thread.role.title, task: thread.task.title ?? t("taskGone") })}
        actions={<Badge tone={thread.status === "solved" ? "green" : "amber"}>{t(`statuses.${thread.status}`)}</Badge>}
      />

      {thread.solution ? (
        <section aria-labelledby="solution-heading" className="mb-6 rounded-lg border-2 border-green-600 bg-green-50 p-5" data-testid="solution">
          <h2 id="solution-heading" className="font-semibold text-green-900">
            {t("thread.solution")}
          </h2>
          <p className="mt-1 text-sm text-green-900">
            {t("thread.solutionMeta", { author: thread.solution.author ?? "—", solvedBy: thread.solution.solvedBy ?? "—" })}
          </p>
          <PlainText className="mt-3 text-slate-900">{thread.solution.body}</PlainText>
          <div className="mt-4 border-t border-green-200 pt-3 text-sm">
            {thread.proposedAt ? (
              <p className="text-green-900">{t("thread.proposed", { name: thread.proposedBy ?? "—", when: when(thread.proposedAt) })}</p>
            ) : access.mayPropose ? (
              <div>
                <p className="mb-2 text-slate-700">{t("thread.proposeHint")}</p>
                <ActionButton action={proposeToOwnerAction} input={{ threadId: thread.id, revision: thread.revision }} variant="secondary">
                  {t("thread.propose")}
                </ActionButton>
              </div>
            ) : null}
          </div>
        </section>
      ) : null}

      <Card className="mb-6">
        <p className="text-sm text-slate-600">{t("thread.postedBy", { author: thread.author ?? "—", when: when(thread.createdAt) })}</p>
        <PlainText className="mt-2">{thread.body}</PlainText>
      </Card>

      <section aria-labelledby="replies-heading" className="mb-6">
        <h2 id="replies-heading" className="mb-3 text-lg font-semibold">
          {t("thread.replies", { count: thread.posts.total })}
        </h2>
        <ol className="space-y-3">
          {thread.posts.rows.map((p) => {
            const isSolution = thread.solution?.id === p.id;
            return (
              <li key={p.id} className={`rounded-lg border bg-white p-4 ${isSolution ? "border-green-600" : "border-slate-200"}`} data-testid="post">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="text-sm text-slate-600">{t("thread.postedBy", { author: p.author ?? "—", when: when(p.createdAt) })}</p>
                  {isSolution ? <Badge tone="green">{t("thread.isSolution")}</Badge> : null}
                </div>
                <PlainText className="mt-2">{p.body}</PlainText>
                {access.mayMarkSolution && !isSolution ? (
                  <div className="mt-3">
                    <ActionButton action={markSolutionAction} input={{ threadId: thread.id, postId: p.id, revision: thread.revision }} variant="secondary">
                      {t("thread.markSolution")}
                    </ActionButton>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
        {thread.posts.total === 0 ? <p className="text-sm text-slate-600">{t("thread.noReplies")}</p> : null}
        <div className="mt-3">
          <Pagination page={thread.posts.page} pageCount={thread.posts.pageCount} basePath={`/threads/${thread.id}`} />
        </div>
      </section>

      {access.mayPost ? (
        <Card>
          <ReplyForm threadId={thread.id} />
        </Card>
      ) : null}
    </div>
  );
}
