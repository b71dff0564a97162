import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";

/** Where clarity results come from, for a view with nothing to show yet. */
export async function ClarityEmptyState({ min }: { min: number }) {
  const t = await getTranslations("clarity");
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("emptyTitle")}</h2>
      <p className="mt-1 max-w-3xl text-sm text-slate-600" data-testid="clarity-empty">
        {t("emptyBody", { min })}
      </p>
    </Card>
  );
}
