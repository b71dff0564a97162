import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";

/** Under each responsibility of one's own role: a way to raise a concern about it, preselected on the form. */
export async function RaiseAboutLink({ responsibilityKey }: { responsibilityKey: string }) {
  const t = await getTranslations("concerns.raise");
  return (
    <p className="mt-3 text-sm">
      <Link href={`/concerns/new?about=${encodeURIComponent(`r:${responsibilityKey}`)}`} className="rb-link" data-testid="raise-about">
        {t("aboutLink")}
      </Link>
    </p>
  );
}

/** Adds the "raise a concern" link after each responsibility's own footer (its questions and answers). */
export function withRaiseAbout(footers: Record<string, ReactNode>, keys: string[]): Record<string, ReactNode> {
  return Object.fromEntries(
    keys.map((key) => [
      key,
      <div key={key}>
        {footers[key]}
        <RaiseAboutLink responsibilityKey={key} />
      </div>,
    ]),
  );
}
