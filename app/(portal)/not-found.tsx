import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-600">{t("body")}</p>
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a plain link: next/link here adds its client code to every route's bundle */}
      <a href="/" className={buttonClass("primary", "mt-6")}>
        {t("home")}
      </a>
    </div>
  );
}
