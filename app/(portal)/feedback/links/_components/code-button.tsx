"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import { createCodeAction } from "../actions";

/** Creates the personal QR code, or replaces it with a new one (old printed cards stop working). */
export function CodeButton({ personId, replace }: { personId: number; replace: boolean }) {
  const t = useTranslations("ratingLinks.code");
  return (
    <ActionButton action={createCodeAction} input={{ personId }} variant={replace ? "secondary" : "primary"} success={replace ? () => t("replaced") : undefined}>
      {t(replace ? "replace" : "create")}
    </ActionButton>
  );
}
