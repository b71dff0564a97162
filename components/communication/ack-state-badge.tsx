import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { AckState } from "@/lib/communication/vocabulary";

const TONES: Record<AckState, "amber" | "green" | "brand" | "slate" | "red"> = {
  pending: "amber",
  clarification: "brand",
  answered: "brand",
  understood: "green",
  superseded: "slate",
};

export async function AckStateBadge({ state }: { state: AckState }) {
  const t = await getTranslations("ackState");
  return <Badge tone={TONES[state]}>{t(state)}</Badge>;
}
