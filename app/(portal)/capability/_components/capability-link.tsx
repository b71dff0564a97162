import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";

/** Under each responsibility on My role: a link to what it needs on My capability. */
async function CapabilityLink({ responsibilityKey }: { responsibilityKey: string }) {
  const t = await getTranslations("capability");
  return (
    <p className="mt-2 text-sm">
      <Link href={`/capability#r-${responsibilityKey}`} className="rb-link" data-testid="capability-link">
        {t("roleLink")}
      </Link>
    </p>
  );
}

/** Adds the "My capability" link after each responsibility's own footer. */
export function withCapabilityLink(footers: Record<string, ReactNode>, keys: string[]): Record<string, ReactNode> {
  return Object.fromEntries(
    keys.map((key) => [
      key,
      <div key={key}>
        {footers[key]}
        <CapabilityLink responsibilityKey={key} />
      </div>,
    ]),
  );
}
