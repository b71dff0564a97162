import { getTranslations } from "next-intl/server";

/** The first thing a keyboard reaches on a signed-in page: a link past the header to #main. */
export async function SkipLink() {
  const t = await getTranslations("shell");
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
    >
      {t("skipToContent")}
    </a>
  );
}
