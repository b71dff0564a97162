import "server-only";
import { getTranslations } from "next-intl/server";
import { templatePhrases } from "@/lib/onboarding/phrases";

/** Generated item wording in the language of the person who triggers the generation. */
export async function currentTemplatePhrases() {
  const t = await getTranslations("onboarding.generated");
  return templatePhrases(t as unknown as (key: string, values?: Record<string, string>) => string);
}
