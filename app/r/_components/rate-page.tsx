import { getTranslations } from "next-intl/server";
import type { RatePage } from "@/lib/feedback/rate";
import type { ActionResult } from "@/lib/core/action-types";
import { RateForm } from "./rate-form";
import { PublicNotice, PublicShell } from "@/components/shell/public-shell";

type Action = (prev: ActionResult<unknown> | null, data: FormData) => Promise<ActionResult<unknown> | null>;

/** The body of /r/<token> and /q/<code>: the form, or why there is none. */
export async function RatePageView({ page, keyValue, action }: { page: RatePage; keyValue: string; action: Action }) {
  const t = await getTranslations("rate");
  if (page.state !== "open") {
    return (
      <PublicShell>
        <PublicNotice title={t(`${page.state}.title`)} body={t(`${page.state}.body`)} testId={`rate-${page.state}`} />
      </PublicShell>
    );
  }
  return (
    <PublicShell>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("heading", { name: page.firstName })}</h1>
      {page.roleTitle ? <p className="mt-1 text-slate-600" data-testid="rate-role">{page.roleTitle}</p> : null}
      <p className="mt-2 text-sm text-slate-600">{t("intro", { name: page.firstName })}</p>
      <section className="mt-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <RateForm action={action} keyValue={keyValue} firstName={page.firstName} tags={page.tags} />
      </section>
    </PublicShell>
  );
}
