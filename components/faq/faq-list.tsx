import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Markdown } from "@/components/markdown";
import { Badge } from "@/components/ui/card";
import type { RoleFaq } from "@/lib/faq/read";

/**
 * Under one responsibility: its questions and answers (each question a disclosure, the answer
 * sanitized Markdown), drafts marked for those who may see them, and "Add a question and answer"
 * for whoever may edit the role's FAQ.
 */
export async function FaqList({ faq, slug, responsibilityKey }: { faq: RoleFaq; slug: string; responsibilityKey: string }) {
  const items = faq.byResponsibility[responsibilityKey] ?? [];
  if (!items.length && !faq.mayEdit) return null;
  const t = await getTranslations("faq");
  return (
    // Like the responsibility's other parts (tasks, standards…): a heading, not a landmark of its own
    // (one per responsibility, all named alike, would be landmarks no one can tell apart).
    <div className="rb-sec" data-testid="faq-list">
      <h4>{t("heading")}</h4>
      {items.length ? (
        <ul className="rb-rows">
          {items.map((item) => (
            <li key={item.id} className="px-3 py-2">
              <details>
                <summary className="cursor-pointer text-sm font-medium text-slate-900">
                  {item.question}
                  {item.status === "draft" ? (
                    <span className="ml-2">
                      <Badge tone="amber">{t("draft")}</Badge>
                    </span>
                  ) : null}
                </summary>
                <Markdown className="mt-1 text-sm text-slate-700">{item.answer}</Markdown>
                {faq.editable.includes(item.id) ? (
                  <p className="mt-1 text-xs">
                    <Link href={`/roles/${slug}/faq/${item.id}`} className="text-brand-700 underline">
                      {t("edit")}
                      <span className="sr-only">: {item.question}</span>
                    </Link>
                  </p>
                ) : null}
              </details>
            </li>
          ))}
        </ul>
      ) : null}
      {faq.mayEdit ? (
        <p className="mt-1.5">
          <Link href={`/roles/${slug}/faq/new?key=${encodeURIComponent(responsibilityKey)}`} className="text-brand-700 underline">
            {t("add")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

/** One FAQ list per responsibility, for `ResponsibilityList`'s `footer`. */
export function faqFooters(faq: RoleFaq, slug: string, keys: string[]): Record<string, ReactNode> {
  return Object.fromEntries(keys.map((key) => [key, <FaqList key={key} faq={faq} slug={slug} responsibilityKey={key} />]));
}
