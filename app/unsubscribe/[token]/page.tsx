import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { PublicNotice, PublicShell } from "@/components/shell/public-shell";
import { unsubscribePreview } from "@/lib/email/unsubscribe";
import { unsubscribeFormAction } from "../actions";

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string }> };

/** `same-origin`: the token never leaves in a Referer, and the form's POST keeps its Origin (Next checks it). */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("unsubscribe");
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

/**
 * The unsubscribe link of a digest email (issue 13, point 2): public, no sign-in. Opening it changes
 * nothing (mail scanners open links); it says what would stop, and a plain form (no JavaScript
 * needed) does it. `?done=1` is the confirmation after the post.
 */
export default async function UnsubscribePage({ params, searchParams }: Props) {
  const { token } = await params;
  const { done } = await searchParams;
  const t = await getTranslations("unsubscribe");
  const tp = await getTranslations("emailPreferences");
  const raw = safeDecode(token);
  const preview = raw === null ? null : unsubscribePreview(raw);
  return (
    <PublicShell>
      {!preview || raw === null ? (
        <PublicNotice title={t("invalidTitle")} body={t("invalidBody")} testId="unsubscribe-invalid" />
      ) : done === "1" ? (
        <PublicNotice title={t("doneTitle")} body={t("doneBody")} testId="unsubscribe-done">
          <p className="mt-2 text-slate-700">{t("howBack")}</p>
          <p className="mt-4">
            <Link href="/preferences#email" className="font-medium text-brand-700 underline hover:text-brand-800">
              {t("preferencesLink")}
            </Link>
          </p>
        </PublicNotice>
      ) : (
        <section className="rb-card" data-testid="unsubscribe-confirm">
          <h1 className="text-xl font-semibold text-slate-900">{t("title")}</h1>
          <p className="mt-2 text-slate-700">{t("greeting", { name: preview.firstName })}</p>
          <p className="mt-2 font-medium text-slate-900">
            {preview.scope === "digest" ? t("digestQuestion") : t("groupQuestion", { group: tp(`groups.${preview.scope}.name`) })}
          </p>
          {preview.groups.length ? (
            <>
              <p className="mt-3 text-slate-700">{t("willStop")}</p>
              <ul className="mt-1 list-disc pl-6 text-slate-700">
                {preview.groups.map((g) => (
                  <li key={g}>{tp(`groups.${g}.name`)}</li>
                ))}
              </ul>
            </>
          ) : (
            <p className="mt-3 text-slate-700">{t("nothing")}</p>
          )}
          <p className="mt-3 text-sm text-slate-600">{t("inApp")}</p>
          <form action={unsubscribeFormAction} className="mt-5">
            <input type="hidden" name="token" value={raw} />
            <button
              type="submit"
              className="inline-flex items-center justify-center rounded-md bg-brand-700 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
            >
              {t("confirm")}
            </button>
          </form>
        </section>
      )}
    </PublicShell>
  );
}

/** The token from the URL; a malformed escape is an invalid link, not an error page. */
function safeDecode(token: string): string | null {
  try {
    return decodeURIComponent(token);
  } catch {
    return null;
  }
}
