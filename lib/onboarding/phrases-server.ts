import "server-only";
import { getTranslations } from "next-intl/server";
import { itemText, templatePhrases, type StoredItemText } from "@/lib/onboarding/phrases";

/** Generated item wording in the language of the person who reads (or triggers the generation). */
export async function currentTemplatePhrases() {
  const t = await getTranslations("onboarding.generated");
  return templatePhrases(t as unknown as (key: string, values?: Record<string, string>) => string);
}

/** Words items in the reader's language (generated items follow the reader; edited ones stay as written). */
export async function itemTextForReader(): Promise<(item: StoredItemText) => { title: string; description: string }> {
  const phrases = await currentTemplatePhrases();
  return (item) => itemText(item, phrases);
}
