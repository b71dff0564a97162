import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/ui/action-button";
import { PlainText } from "@/components/ui/plain-text";
import type { Actor } from "@/lib/auth/actor";
import { roleSuggestions } from "@/lib/threads/threads";
import { markProposalHandledAction } from "../actions";

/** In the role editor: solutions from team threads proposed to the role's owner, not yet handled. */
export async function SuggestionsPanel({ actor, roleId }: { actor: Actor; roleId: number }) {
  const { rows, total } = roleSuggestions(actor, roleId);
  if (!rows.length) return null;
  const t = await getTranslations("threads.suggestions");
  return (
    <section id="thread-suggestions" aria-labelledby="thread-suggestions-heading" className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-5" data-testid="thread-suggestions">
      <h2 id="thread-suggestions-heading" className="font-semibold text-amber-950">
        {t("heading")}
      </h2>
      <p className="mt-1 text-sm text-amber-950">{t("intro", { count: total })}</p>
      <ul className="mt-3 space-y-3">
        {rows.map((s) => (
          <li key={s.id} className="rounded-md border border-amber-200 bg-white p-4">
            <p className="text-sm text-slate-600">{t("task", { task: s.taskTitle ?? "—" })}</p>
            <h3 className="font-medium">
              <Link href={`/threads/${s.id}`} className="text-brand-700 underline">
                {s.title}
              </Link>
            </h3>
            {s.solution ? (
              <div className="mt-2 border-l-4 border-green-600 pl-3">
                <p className="rb-eyebrow">{t("solution")}</p>
                <PlainText className="text-sm text-slate-800">{s.solution}</PlainText>
              </div>
            ) : null}
            <p className="mt-2 text-xs text-slate-500">{t("proposedBy", { name: s.proposedBy ?? "—" })}</p>
            <div className="mt-3">
              <ActionButton action={markProposalHandledAction} input={{ threadId: s.id, revision: s.revision }} variant="secondary">
                {t("handled")}
              </ActionButton>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
