import { getTranslations } from "next-intl/server";

/** Shown while a list page streams in. Detail pages have none, so a missing record answers a real 404. */
export default async function PageLoading() {
  const t = await getTranslations("common");
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 py-12 text-slate-600">
      <span className="h-5 w-5 animate-spin rounded-full border-2 border-slate-300 border-t-brand-700" aria-hidden />
      {t("loading")}
    </div>
  );
}
