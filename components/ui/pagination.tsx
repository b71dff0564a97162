import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

/** Previous / next links that keep the other query parameters; `pageKey` names the page's parameter (a page with two lists). */
export async function Pagination({
  page,
  pageCount,
  basePath,
  params = {},
  pageKey = "page",
  label,
  pageCountKnown = true,
}: {
  page: number;
  pageCount: number;
  basePath: string;
  params?: Record<string, string | undefined>;
  pageKey?: string;
  label?: string;
  /** False when the list only knows there is more (a capped count): the pager says "Page N" only. */
  pageCountKnown?: boolean;
}) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("common");
  const href = (p: number) => {
    const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
    if (p > 1) q.set(pageKey, String(p));
    const s = q.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50";
  return (
    <nav aria-label={label ?? t("pagination")} className="mt-4 flex items-center justify-between">
      {page > 1 ? (
        <Link className={link} href={href(page - 1)} rel="prev">
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-600">{pageCountKnown ? t("pageOf", { page, pageCount }) : t("pageOnly", { page })}</span>
      {page < pageCount ? (
        <Link className={link} href={href(page + 1)} rel="next">
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
