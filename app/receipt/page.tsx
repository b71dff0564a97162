import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PublicShell } from "@/components/shell/public-shell";
import { ReceiptClient } from "./_components/receipt-client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("concerns.receipt");
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * The public receipt page (no sign-in): the holder of an anonymous concern's receipt code reads the
 * thread, replies and marks it resolved. In the visitor's language (cookie, else the browser's).
 */
export default async function ReceiptPage() {
  const t = await getTranslations("concerns.receipt");
  return (
    <PublicShell wide>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-1 text-slate-600">{t("intro")}</p>
      <p className="mt-2 text-sm text-slate-600">{t("privacy")}</p>
      <section className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <ReceiptClient />
      </section>
    </PublicShell>
  );
}
